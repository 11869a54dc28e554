/// One sampled token and the log-probability the model gave it (its softmax at temperature 1,
/// before any temperature, top-k or top-p cut-off), in nats.
public struct GeneratedToken: Equatable, Sendable {
    /// The token id.
    public let id: Int32
    /// log p(token | everything before it).
    public let logProbability: Double

    /// A token `id` the model gave `logProbability`.
    public init(id: Int32, logProbability: Double) {
        self.id = id
        self.logProbability = logProbability
    }
}
