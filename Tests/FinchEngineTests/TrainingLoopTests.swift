@testable import FinchEngine
import Testing

/// The one training loop: its events, evaluations, early stopping and refusals.
@Suite struct TrainingLoopTests {
    /// Four points of XOR, labelled.
    private var xor: Batch {
        Batch(input: .features(try! Tensor(shape: [4, 2], values: [0, 0, 0, 1, 1, 0, 1, 1])), targets: .classes([0, 1, 1, 0]))
    }

    @Test func eventsComeInOrderWithAnEvaluationEveryIntervalAndAfterTheLastStep() throws {
        let model = try Model(.mlp(features: 2, hidden: [8], outputs: 2, activation: .tanh), seed: 1)
        let batch = xor
        var events: [String] = []
        let history = try train(model, batches: { _ in batch }, config: TrainConfig(steps: 7, learningRate: 0.05),
                                validation: ValidationPlan(batches: { [batch] }, interval: 3), observe: { event in
            switch event {
            case .started(let start): events.append("started \(start.steps)")
            case .step(let report): events.append("step \(report.step)")
            case .evaluated(let point): events.append("evaluated \(point.step)")
            case .finished(let history): events.append("finished \(history.stepsCompleted)")
            }
        })
        #expect(events == ["started 7", "step 0", "step 1", "step 2", "evaluated 3", "step 3", "step 4", "step 5", "evaluated 6",
                           "step 6", "evaluated 7", "finished 7"])
        #expect(history.validations.map(\.step) == [3, 6, 7])
        #expect(history.stopReason == .completed)
        #expect(history.learningRates == Array(repeating: 0.05, count: 7))
        let final = try model.evaluate([batch])
        #expect(history.validations.last == ValidationPoint(step: 7, loss: final.loss, accuracy: final.accuracy, confusion: final.confusion))
        #expect(final.confusion?.counts == [[1, 1], [0, 2]], "the evaluation counts each class and prediction")
    }

    @Test func aValidationLossThatStopsFallingEndsTheRunEarly() throws {
        let model = try Model(.mlp(features: 2, hidden: [8], outputs: 2, activation: .tanh), seed: 1)
        let batch = xor
        // Labels opposite to the training labels: the validation loss rises as training succeeds.
        let opposite = Batch(input: batch.input, targets: .classes([1, 0, 0, 1]))
        let earlyStop = EarlyStopping(metric: .loss, patience: 2)
        let history = try train(model, batches: { _ in batch }, config: TrainConfig(steps: 300, learningRate: 0.05, optimizer: .adam()),
                                validation: ValidationPlan(batches: { [opposite] }, interval: 10, earlyStop: earlyStop))
        #expect(history.stopReason == .earlyStopped(earlyStop))
        #expect(history.stepsCompleted < 300)
        #expect(history.stepsCompleted == history.validations.last?.step)
        // The run stops at the second evaluation in a row that is no better than the best.
        let losses = history.validations.map(\.loss)
        #expect(losses.count >= 3)
        let best = losses.dropLast(2).min()!
        #expect(losses.suffix(2).allSatisfy { $0 >= best })
    }

    @Test func accuracyThatStaysPerfectStopsAfterPatienceEvaluations() throws {
        let model = try Model(.mlp(features: 2, hidden: [16], outputs: 2, activation: .tanh), seed: 1)
        let batch = xor
        let history = try train(model, batches: { _ in batch }, config: TrainConfig(steps: 2000, learningRate: 0.05, optimizer: .adam()),
                                validation: ValidationPlan(batches: { [batch] }, interval: 50,
                                                           earlyStop: EarlyStopping(metric: .accuracy, patience: 3)))
        let accuracies = history.validations.map(\.accuracy)
        #expect(history.stopReason == .earlyStopped(EarlyStopping(metric: .accuracy, patience: 3)))
        #expect(accuracies.suffix(4) == [1, 1, 1, 1])
    }

    @Test func validationDataThatDoesNotFitIsATypedError() throws {
        let model = try Model(.mlp(features: 2, hidden: [], outputs: 2), seed: 1)
        let batch = xor
        let wide = Batch(input: .features(try Tensor(zeros: [1, 3])), targets: .classes([0]))
        #expect(throws: TrainError.badValidation(.inputShape(expected: [-1, 2], got: [1, 3]))) {
            try train(model, batches: { _ in batch }, config: TrainConfig(steps: 2, learningRate: 0.05),
                      validation: ValidationPlan(batches: { [wide] }, interval: 1))
        }
    }

    @Test func aDivergingLossStopsTheRunWithTheLastFiniteWeights() throws {
        // Inputs of 1e18: the first update throws the weight to about 1e36, and the next loss overflows.
        let model = try Model(.mlp(features: 1, hidden: [], outputs: 1), seed: 2)
        let batch = Batch(input: .features(try Tensor(shape: [2, 1], values: [1e18, -1e18])), targets: .values(try Tensor(shape: [2, 1], values: [1, 2])))
        var started = false
        let history = try train(model, batches: { _ in batch }, config: TrainConfig(steps: 50, learningRate: 1, optimizer: .sgd()),
                                observe: { event in if case .started = event { started = true } })
        #expect(started)
        #expect(history.stopReason == .diverged)
        #expect(history.stepsCompleted < 50)
        #expect(history.losses.allSatisfy { $0.isFinite })
        #expect(model.parameters.allSatisfy { $0.parameter.value.scalars.allSatisfy { $0.isFinite } })
    }
}
