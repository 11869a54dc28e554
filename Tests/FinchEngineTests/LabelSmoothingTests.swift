@testable import FinchEngine
import Glibc
import Testing

/// Label smoothing is PyTorch's `label_smoothing=ε`: the hard cross-entropy times 1 − ε plus ε
/// times the mean over classes of −log p.
@Suite struct LabelSmoothingTests {
    let model = try! Model(.mlp(features: 2, hidden: [], outputs: 3, activation: .tanh), seed: 1)

    func batch(_ labels: [Int32]) -> Batch {
        Batch(input: .features(try! Tensor(zeros: [labels.count, 2])), targets: .classes(labels))
    }

    @Test func theLossIsPyTorchsSmoothedCrossEntropy() {
        let logits: [Float] = [2, -1, 0.5, 0, 3, -2], labels: [Int32] = [0, 2], epsilon = 0.1
        var expected = 0.0
        for row in 0..<2 {
            let z = logits[row * 3..<row * 3 + 3].map(Double.init)
            let logSum = log(z.map(exp).reduce(0, +))
            let logP = z.map { $0 - logSum }
            expected += (1 - epsilon) * -logP[Int(labels[row])] + epsilon * logP.map { -$0 }.reduce(0, +) / 3
        }
        let g = Graph()
        let output = g.constant(try! Tensor(shape: [2, 3], values: logits))
        let loss = LabelSmoothing(epsilon: Float(epsilon)).loss(output, for: batch(labels), of: model, in: g)
        #expect(abs(Double(g.scalar(loss)) - expected / 2) < 1e-5)
    }

    @Test func noSmoothingIsThePlainCrossEntropy() {
        let g = Graph()
        let output = g.constant(randomTensor([4, 3], seed: 5))
        let labels = batch([0, 1, 2, 1])
        let plain = CrossEntropy().loss(output, for: labels, of: model, in: g)
        let smoothed = LabelSmoothing(epsilon: 0).loss(output, for: labels, of: model, in: g)
        #expect(g.scalar(plain) == g.scalar(smoothed))
    }

    @Test func gradientsMatchFiniteDifferencesWithClassWeights() {
        let labels = batch([2, 0, 1, 1, 0])
        let objective = LabelSmoothing(CrossEntropy(classWeights: [1, 3, 0.5]), epsilon: 0.2)
        expectGradientsMatch([randomTensor([5, 3], seed: 9)]) { g, v in objective.loss(v[0], for: labels, of: model, in: g) }
    }

    @Test func itNeedsAClassInEveryRowAndASmoothingBelowOne() throws {
        #expect(throws: BatchError.targetKind(expected: "a class id in every row (label smoothing skips none)")) {
            try LabelSmoothing(epsilon: 0.1).validate(batch([0, CrossEntropy.defaultIgnoreIndex]), for: model)
        }
        #expect(throws: BatchError.targetKind(expected: "a label smoothing in 0..<1")) {
            try LabelSmoothing(epsilon: 1).validate(batch([0, 1]), for: model)
        }
        try LabelSmoothing(epsilon: 0.1).validate(batch([0, 1]), for: model)
    }
}
