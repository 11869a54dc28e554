@testable import FinchEngine
import Foundation
import Testing

/// A bigram model: a one-hot embedding of width 4 straight into an lm head, so the logits after
/// token i are column i of the head, set to log P[i] plus a shift of 5·i that the softmax removes.
private let next: [[Double]] = [
    [0.1, 0.2, 0.3, 0.4],
    [0.25, 0.25, 0.25, 0.25],
    [0.5, 0.125, 0.125, 0.25],
    [0.7, 0.1, 0.1, 0.1],
]

private func bigramModel(context: Int = 4) throws -> Model {
    let model = try Model(ModelSpec(input: .tokens(vocabulary: 4, length: context),
                                    layers: [.embedding(width: 4), .lmHead(tied: false)]), seed: 1)
    let identity = (0..<16).map { Float($0 / 4 == $0 % 4 ? 1 : 0) }
    // head weight [vocabulary, width]: row j, column i is the logit of j after i.
    let head = (0..<16).map { Float(log(next[$0 % 4][$0 / 4]) + 5 * Double($0 % 4)) }
    for named in model.parameters {
        try named.parameter.assign(Tensor(shape: named.parameter.shape, values: named.name.contains("embed") ? identity : head))
    }
    return model
}

@Suite struct ContinuationScoringTests {
    @Test func scoresAreTheHandComputedLogProbabilities() throws {
        let generator = try Generator(model: bigramModel())
        #expect(try bigramModel().parameters.count == 2)
        let scores = try generator.score([[2, 0], [1], [3, 3, 0]], after: [1, 0])
        #expect(abs(scores[0].total - (log(0.3) + log(0.5))) < 1e-5)
        #expect(abs(scores[0].mean - (log(0.3) + log(0.5)) / 2) < 1e-5)
        #expect(abs(scores[1].total - log(0.2)) < 1e-5 && scores[1].tokens == 1)
        #expect(abs(scores[2].total - (log(0.4) + log(0.1) + log(0.7))) < 1e-5)
    }

    @Test func aContinuationPastTheContextIsRefusedNotTruncated() throws {
        let generator = try Generator(model: bigramModel(context: 4))
        #expect(try generator.score([[1, 2]], after: [0, 1, 2]).count == 1)
        #expect(throws: GenerationError.promptTooLong(length: 5, context: 4)) { try generator.score([[1, 2, 3]], after: [0, 1, 2]) }
        #expect(throws: GenerationError.emptyContinuation) { try generator.score([[1], []], after: [0]) }
        #expect(throws: GenerationError.emptyPrompt) { try generator.score([[1]], after: []) }
        #expect(throws: GenerationError.tokenOutOfRange(9, vocabulary: 4)) { try generator.score([[9]], after: [0]) }
    }

    @Test func sampledTokensCarryTheirLogProbabilityAndStopWhenDone() throws {
        let generator = try Generator(model: bigramModel(context: 8))
        let greedy = try generator.generateScored(prompt: [1], count: 4, sampling: .greedy, seed: 0)
        // After 1 every token ties at 0.25 (the first is picked); after 0 token 3 has 0.4; after 3, 0 has 0.7.
        #expect(greedy.map(\.id) == [0, 3, 0, 3])
        #expect(zip(greedy.map(\.logProbability), [log(0.25), log(0.4), log(0.7), log(0.4)]).allSatisfy { abs($0 - $1) < 1e-5 })
        let stopped = try generator.generateScored(prompt: [1], count: 4, sampling: .greedy, seed: 0, isDone: { $0.last == 3 })
        #expect(stopped.map(\.id) == [0, 3])
    }
}
