/// How the next token is picked from the logits of the last position.
///
/// Logits of excluded tokens are set to −∞; temperature 0 then picks the first of the largest
/// (greedy, no random draw). Otherwise the probabilities are softmax(logits / temperature), cut to
/// the `topK` likeliest, then to the smallest set of the likeliest whose mass is at least `topP`
/// of what is left (tokens tied with the last one kept stay too), and one token is drawn by
/// inverse CDF with a single `Xoshiro.nextUniform()`.
public struct Sampling: Equatable, Sendable {
    /// Divides the logits before the softmax; 0 is greedy.
    public var temperature: Float
    /// Keep only the k likeliest tokens (nil: all).
    public var topK: Int?
    /// Keep only the smallest set of likeliest tokens with at least this mass (nil or 1: all).
    public var topP: Float?

    /// Settings; nothing is checked until a generation starts.
    public init(temperature: Float = 1, topK: Int? = nil, topP: Float? = nil) {
        self.temperature = temperature
        self.topK = topK
        self.topP = topP
    }

    /// Greedy decoding: always the likeliest token.
    public static let greedy = Sampling(temperature: 0)

    /// Refuses a negative temperature, a top-k below 1 and a top-p outside (0, 1].
    public func validate() throws(GenerationError) {
        guard temperature >= 0, temperature.isFinite else { throw .negativeTemperature(temperature) }
        if let topK, topK < 1 { throw .topKBelowOne(topK) }
        if let topP, !(topP > 0 && topP <= 1) { throw .topPOutOfRange(topP) }
    }
}
