@testable import FinchEngine
import Glibc
import Testing

@Suite struct WeightedCrossEntropyTests {
    @Test func eachRowCountsAsItsClassWeight() {
        // Logits 0 everywhere: every row's loss is log 2. Rows of class 1 weigh 3.
        let g = Graph()
        let logits = g.constant(try! Tensor(shape: [3, 2], values: [0, 0, 0, 0, 2, 0]))
        let targets: [Int32] = [0, 1, 0], weights: [Float] = [1, 3]
        let loss = targets.withUnsafeBufferPointer { t in weights.withUnsafeBufferPointer { g.crossEntropy(logits, targets: t, classWeights: $0) } }
        let third = log(1 + exp(-2.0))
        #expect(abs(Double(g.scalar(loss)) - (log(2) + 3 * log(2) + third) / 5) < 1e-6)
    }

    @Test func gradientsMatchFiniteDifferencesWithIgnoredRows() {
        let targets: [Int32] = [1, -100, 3, 0], weights: [Float] = [0.5, 2, 1, 4]
        expectGradientsMatch([randomTensor([4, 4], seed: 7)]) { g, v in
            targets.withUnsafeBufferPointer { t in weights.withUnsafeBufferPointer { g.crossEntropy(v[0], targets: t, classWeights: $0) } }
        }
    }

    @Test func equalWeightsAreThePlainMean() {
        let logits = randomTensor([5, 3], seed: 2)
        let targets: [Int32] = [0, 2, 1, 1, 0], ones: [Float] = [2, 2, 2]
        let g = Graph()
        let x = g.constant(logits)
        let plain = targets.withUnsafeBufferPointer { g.crossEntropy(x, targets: $0) }
        let weighted = targets.withUnsafeBufferPointer { t in ones.withUnsafeBufferPointer { g.crossEntropy(x, targets: t, classWeights: $0) } }
        #expect(abs(g.scalar(plain) - g.scalar(weighted)) < 1e-6)
    }

    @Test func balancedWeightsAreScikitLearns() {
        #expect(CrossEntropy.balancedWeights(classCounts: [87, 13]) == [Float(100.0 / 174), Float(100.0 / 26)])
        #expect(CrossEntropy.balancedWeights(classCounts: [5, 5, 0]) == [Float(10.0 / 15), Float(10.0 / 15), 1])
    }

    @Test func weightsOfTheWrongCountAreRefusedWithTheBatch() throws {
        let model = try Model(.mlp(features: 2, hidden: [], outputs: 2, activation: .tanh), seed: 1)
        let batch = Batch(input: .features(try Tensor(shape: [1, 2], values: [0, 1])), targets: .classes([1]))
        #expect(throws: BatchError.classWeights(count: 3, classes: 2)) {
            try model.validate(batch, objective: CrossEntropy(classWeights: [1, 1, 1]))
        }
        #expect(throws: BatchError.classWeights(count: 2, classes: 2)) {
            try model.validate(batch, objective: CrossEntropy(classWeights: [1, 0]))
        }
        try model.validate(batch, objective: CrossEntropy(classWeights: [1, 2]))
    }
}
