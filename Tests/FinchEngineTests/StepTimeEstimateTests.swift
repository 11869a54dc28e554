@testable import FinchEngine
import Testing

/// The work a training step is estimated to do, and the time made of it.
@Suite struct StepTimeEstimateTests {
    /// Forward, input-gradient and (when the weight trains) weight-gradient products.
    private func product(_ rows: Int, _ inputs: Int, _ outputs: Int, trains: Bool = true) -> Double {
        2 * Double(rows * inputs * outputs) * (trains ? 3 : 2)
    }

    @Test func aPerceptronCountsEachProductOfTheStep() throws {
        let model = try Model(.mlp(features: 4, hidden: [8], outputs: 2))
        let flops = model.trainingFlops(batch: 16, length: 1)
        #expect(flops == product(16, 4, 8) + product(16, 8, 2))
    }

    @Test func frozenWeightsNeedNoWeightGradients() throws {
        let model = try Model(.mlp(features: 4, hidden: [8], outputs: 2))
        _ = try model.freeze(matching: "dense.0")
        let flops = model.trainingFlops(batch: 16, length: 1)
        #expect(flops == product(16, 4, 8, trains: false) + product(16, 8, 2))
    }

    @Test func adaptersAddTheirTwoProducts() throws {
        let model = try Model(.mlp(features: 4, hidden: [8], outputs: 2))
        _ = try model.freeze(matching: "dense.0")
        _ = try model.addLoRA(matching: "dense.0", rank: 2, alpha: 4)
        let flops = model.trainingFlops(batch: 16, length: 1)
        #expect(flops == product(16, 4, 8, trains: false) + product(16, 4, 2) + product(16, 2, 8) + product(16, 8, 2))
    }

    @Test func aGPTCountsProjectionsHalfTheCausalScoresAndTheTiedHead() throws {
        let (batch, length, width, vocabulary) = (4, 16, 32, 10)
        let model = try Model(.gpt(vocabulary: vocabulary, context: length, depth: 2, heads: 2, width: width))
        let rows = batch * length
        let block = 4 * product(rows, width, width) + product(rows, width, 4 * width) + product(rows, 4 * width, width)
            + 2 * 2 * Double(batch * length * length * width) * 3 / 2
        let flops = model.trainingFlops(batch: batch, length: length)
        #expect(flops == 2 * block + product(rows, width, vocabulary))
    }

    @Test func layersAfterPoolingSeeOneRowPerExample() throws {
        let model = try Model(.sequenceClassifier(vocabulary: 10, length: 8, depth: 1, heads: 2, width: 16, classes: 3))
        let withHead = model.trainingFlops(batch: 4, length: 8)
        _ = try model.freeze(matching: "dense.0")
        let frozenHead = model.trainingFlops(batch: 4, length: 8)
        #expect(withHead - frozenHead == 2 * Double(4 * 16 * 3))
    }

    @Test func aRehearsalLeavesTheRunAsItWouldHaveBeen() throws {
        func losses(rehearsed: Bool) throws -> [Float] {
            let model = try Model(.gpt(vocabulary: 20, context: 16, depth: 1, heads: 2, width: 32, dropout: 0.1), seed: 4)
            let batch = lmBatch(batch: 4, length: 16, vocabulary: 20, seed: 5)
            let trainer = try Trainer(model: model, config: TrainConfig(steps: 3, learningRate: 1e-2, seed: 9))
            if rehearsed {
                _ = try trainer.prepare(for: batch)
                let estimate = trainer.estimateStep(batch)
                #expect(estimate.passSeconds > 0 && estimate.updateSeconds > 0)
                #expect(estimate.matrixFlops == model.trainingFlops(batch: 4, length: 16))
            }
            return try trainer.run(batches: { _ in batch }).losses
        }
        #expect(try losses(rehearsed: true) == losses(rehearsed: false))
    }

    @Test func aFirstBatchThatDoesNotFitIsRefusedBeforeTheRehearsal() throws {
        let trainer = try Trainer(model: Model(.mlp(features: 4, hidden: [], outputs: 2)), config: TrainConfig(steps: 1, learningRate: 1e-2))
        var events = 0
        #expect(throws: TrainError.badBatch(step: 0, .wrongInputKind)) {
            try trainer.run(batches: { _ in lmBatch(batch: 2, length: 4, vocabulary: 5, seed: 1) }, observe: { _ in events += 1 })
        }
        #expect(events == 0)
    }
}
