import Glibc

/// The log-likelihood a language model gives a continuation of a prefix: the sum over its tokens
/// of log p(token | prefix, earlier tokens of the continuation).
public struct ContinuationScore: Equatable, Sendable {
    /// The summed log-probability of the continuation's tokens, in nats (at most 0).
    public let total: Double
    /// The number of tokens in the continuation.
    public let tokens: Int

    /// A score of `tokens` tokens summing to `total`.
    public init(total: Double, tokens: Int) {
        self.total = total
        self.tokens = tokens
    }

    /// The length-normalised score: the mean log-probability per token, so that a verbaliser of
    /// two tokens is not penalised for paying two probabilities.
    public var mean: Double { total / Double(max(tokens, 1)) }
}

extension Generator {
    /// The scores of each of `continuations` after `prefix`, for inference (no graph, no
    /// gradient). The prefix runs once as one batched forward; each continuation then runs on
    /// the prefix's cached keys and values one position per token, so candidates that share a
    /// prompt pay for it once. Every continuation's last token must fit the context with the
    /// prefix: nothing is truncated.
    public func score(_ continuations: [[Int32]], after prefix: [Int32]) throws(GenerationError) -> [ContinuationScore] {
        guard !prefix.isEmpty else { throw .emptyPrompt }
        guard let longest = continuations.map(\.count).max() else { return [] }
        if continuations.contains(where: \.isEmpty) { throw .emptyContinuation }
        let length = prefix.count + longest - 1
        guard length <= context else { throw .promptTooLong(length: length, context: context) }
        if let bad = continuations.joined().first(where: { $0 < 0 || Int($0) >= vocabulary }) {
            throw .tokenOutOfRange(bad, vocabulary: vocabulary)
        }
        try start(prefix)
        let afterPrefix = Array(logits)
        return continuations.map { continuation in
            var total = afterPrefix.withUnsafeBufferPointer { Self.logSoftmax($0, at: continuation[0]) }
            for (i, token) in continuation.dropLast().enumerated() {
                cache.forward([token], rows: 1, from: prefix.count + i)
                total += Self.logSoftmax(logits, at: continuation[i + 1])
            }
            return ContinuationScore(total: total, tokens: continuation.count)
        }
    }

    /// log softmax(`logits`)[`token`], stably: `logits[token] − max − log Σ exp(logit − max)`,
    /// summed in Double.
    static func logSoftmax(_ logits: UnsafeBufferPointer<Float>, at token: Int32) -> Double {
        let top = Double(logits.max() ?? 0)
        var sum = 0.0
        for logit in logits { sum += exp(Double(logit) - top) }
        return Double(logits[Int(token)]) - top - log(sum)
    }
}
