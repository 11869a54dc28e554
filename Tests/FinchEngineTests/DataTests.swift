@testable import FinchEngine
import Testing

@Suite struct DataTests {
    @Test func maskingFollowsTheEightyTenTenRule() {
        var g = Xoshiro(seed: 1)
        let tokens = [Int32](repeating: 7, count: 20_000)
        let (inputs, targets) = TokenMasking.mask(tokens, probability: 0.15, maskToken: 99, vocabulary: 50, generator: &g)
        let chosen = targets.indices.filter { targets[$0] != -100 }
        #expect(abs(Double(chosen.count) / 20_000 - 0.15) < 0.01)
        #expect(chosen.allSatisfy { targets[$0] == 7 })
        let masked = chosen.filter { inputs[$0] == 99 }.count, kept = chosen.filter { inputs[$0] == 7 }.count
        #expect(abs(Double(masked) / Double(chosen.count) - 0.8) < 0.03)
        #expect(Double(kept) / Double(chosen.count) > 0.08)
        #expect(targets.indices.filter { targets[$0] == -100 }.allSatisfy { inputs[$0] == 7 })
    }

    @Test func shuffledBatchesCoverEachEpochOnceAndReplayExactly() throws {
        let features = try Tensor(shape: [10, 2], values: (0..<20).map(Float.init))
        let batches = try ShuffledBatches(features: features, labels: (0..<10).map(Int32.init), batchSize: 3, seed: 4)
        #expect(batches.batchesPerEpoch == 3)
        let epoch = (0..<3).flatMap { batches.indices(at: $0) }
        #expect(Set(epoch).count == 9)
        #expect((3..<6).flatMap { batches.indices(at: $0) } != epoch)
        let batch = batches.batch(at: 4)
        guard case let .features(rows) = batch.input, case let .classes(labels) = batch.targets else { Issue.record("kinds"); return }
        #expect(rows.shape == [3, 2])
        #expect(labels.map(Int.init) == batches.indices(at: 4))
        #expect(rows.scalars == batches.indices(at: 4).flatMap { [Float(2 * $0), Float(2 * $0 + 1)] })
        #expect(throws: BatchError.targetCount(expected: 10, got: 2)) {
            try ShuffledBatches(features: features, labels: [0, 1], batchSize: 3, seed: 4)
        }
    }

    @Test func tokenBatchesCarryTheirSequences() throws {
        let batches = try ShuffledBatches(tokens: [1, 1, 2, 2, 3, 3], length: 2, labels: [0, 1, 2], batchSize: 2, seed: 1)
        let batch = batches.batch(at: 0)
        guard case let .tokens(ids, count, length) = batch.input, case let .classes(labels) = batch.targets else {
            Issue.record("kinds"); return
        }
        #expect(count == 2 && length == 2)
        #expect(ids == labels.flatMap { [$0 + 1, $0 + 1] })
    }
}
