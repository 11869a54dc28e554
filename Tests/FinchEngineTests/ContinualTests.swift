@testable import FinchEngine
import Glibc
import Testing

/// The engine's pieces of continual learning: the measures of an accuracy matrix, EWC's penalty,
/// the task mask, LwF's distillation, and accuracy among some classes.
@Suite struct ContinualTests {
    private let features = try! Tensor(shape: [3, 2], values: [1, 2, -1, 0.5, 0, -2])

    @Test func theMeasuresOfAnAccuracyMatrixAreThoseOfLopezPazAndChaudhry() {
        // Three tasks; by hand: ACC = (0.5 + 0.6 + 0.9) / 3, BWT = ((0.5 − 0.9) + (0.6 − 0.8)) / 2,
        // FWT = ((0.2 − 0.1) + (0.3 − 0.2)) / 2, forgetting = (max(0.9, 0.7) − 0.5, 0.8 − 0.6).
        let metrics = ContinualMetrics(matrix: [[0.9, 0.2, 0.1], [0.7, 0.8, 0.3], [0.5, 0.6, 0.9]], baseline: [0.1, 0.1, 0.2])
        #expect(abs(metrics.averageAccuracy - 2.0 / 3) < 1e-12)
        #expect(abs((metrics.backwardTransfer ?? 0) - -0.3) < 1e-12)
        #expect(abs((metrics.forwardTransfer ?? 0) - 0.1) < 1e-12)
        #expect(zip(metrics.forgetting, [0.4, 0.2]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(abs((metrics.averageForgetting ?? 0) - 0.3) < 1e-12)
        #expect(zip(metrics.accuracySoFar, [0.9, 0.75, 2.0 / 3]).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test func jointTrainingHasOnlyAnAverageAccuracy() {
        let metrics = ContinualMetrics(matrix: [[1, 0.5]], baseline: [0.5, 0.5])
        #expect(!metrics.isSequential)
        #expect(metrics.averageAccuracy == 0.75)
        #expect(metrics.backwardTransfer == nil && metrics.forwardTransfer == nil && metrics.forgetting.isEmpty)
        #expect(metrics.accuracySoFar == [0.75])
    }

    @Test func elasticWeightConsolidationIsZeroAtItsAnchorAndGrowsWithTheFisherWeightedDistance() throws {
        let model = try Model(.mlp(features: 2, hidden: [], outputs: 3), seed: 1)
        let examples = [Batch(input: .features(features), targets: .classes([0, 2, 1]))]
        let ewc = try ElasticWeightConsolidation(model, examples: examples, objective: CrossEntropy())
        #expect(ewc.meanFisher > 0)
        let graph = Graph(isTraining: false)
        #expect(graph.scalar(ewc.loss(of: model, in: graph)) == 0)
        // Moving every weight by δ gives Σ F δ²: the mean Fisher × count × δ².
        let delta: Float = 0.1
        for named in model.parameters { try named.parameter.assign(named.parameter.value.map { $0 + delta }) }
        graph.reset()
        let expected = ewc.meanFisher * Double(model.parameterCount) * Double(delta * delta)
        #expect(abs(Double(graph.scalar(ewc.loss(of: model, in: graph))) - expected) < 1e-5 * max(1, expected))
        // The Fisher diagonal is the mean squared gradient of one example at a time.
        let single = try ElasticWeightConsolidation(model, examples: [examples[0]], objective: CrossEntropy())
        graph.reset()
        let (loss, _) = model.loss(examples[0], objective: CrossEntropy(), in: graph)
        for named in model.parameters { named.parameter.zeroGrad() }
        graph.backward(from: loss)
        let squares = model.parameters.flatMap { $0.parameter.grad.scalars.map { Double($0 * $0) } }
        #expect(abs(single.meanFisher - squares.reduce(0, +) / Double(squares.count)) < 1e-9)
    }

    @Test func theTaskMaskLetsEachExampleCompeteOnlyAmongItsTasksClasses() throws {
        let model = try Model(.mlp(features: 2, hidden: [], outputs: 4), seed: 3)
        let batch = Batch(input: .features(features), targets: .classes([0, 3, 2]))
        let masked = ClassMask(CrossEntropy(), groups: [[0, 1], [2, 3]], outputs: 4)
        let graph = Graph(isTraining: false, recordsGradients: false)
        let (loss, output) = model.loss(batch, objective: masked, in: graph)
        let logits = graph.value(of: output).scalars.map(Double.init)
        func nll(_ row: Int, _ label: Int, among group: [Int]) -> Double {
            let z = group.map { logits[row * 4 + $0] }
            return log(z.map { exp($0) }.reduce(0, +)) - logits[row * 4 + label]
        }
        let expected = (nll(0, 0, among: [0, 1]) + nll(1, 3, among: [2, 3]) + nll(2, 2, among: [2, 3])) / 3
        #expect(abs(Double(graph.scalar(loss)) - expected) < 1e-5)
        let rows = [Batch(input: .features(features), targets: .classes([0, 3, 2]))]
        let predicted = try model.predict(.features(features)).argmaxLastAxis()
        let byHand = Double(zip(predicted, [0, 3, 2]).filter { $0 == $1 }.count) / 3
        #expect(try model.accuracy(rows) == byHand)
        #expect(try model.accuracy(rows, among: [0]) == 1.0 / 3, "among one class, only the example of that class is right")
    }

    @Test func learningWithoutForgettingAddsNothingAtTheTeacherAndTheDistanceOtherwise() throws {
        let model = try Model(.mlp(features: 2, hidden: [4], outputs: 3), seed: 5)
        let batch = Batch(input: .features(features), targets: .classes([0, 1, 2]))
        let teacher = try #require(model.snapshot())
        let lwf = LearningWithoutForgetting(CrossEntropy(), teacher: teacher, classes: [0, 2], weight: 2)
        let graph = Graph(isTraining: false, recordsGradients: false)
        let plain = graph.scalar(model.loss(batch, objective: CrossEntropy(), in: graph).loss)
        graph.reset()
        #expect(abs(graph.scalar(model.loss(batch, objective: lwf, in: graph).loss) - plain) < 1e-6)
        let before = try model.predict(.features(features)).scalars
        for named in model.parameters { try named.parameter.assign(named.parameter.value.map { $0 * 1.5 }) }
        #expect(try teacher.predict(.features(features)).scalars == before, "the snapshot keeps its own weights")
        let after = try model.predict(.features(features)).scalars
        // Only the outputs of classes 0 and 2 (columns 0 and 2 of each row of 3) are distilled.
        var squares = 0.0
        for index in after.indices where index % 3 != 1 {
            let difference = Double(after[index] - before[index])
            squares += difference * difference
        }
        let distance = squares / 6
        graph.reset()
        let moved = graph.scalar(model.loss(batch, objective: CrossEntropy(), in: graph).loss)
        graph.reset()
        let total = graph.scalar(model.loss(batch, objective: lwf, in: graph).loss)
        #expect(abs(Double(total - moved) - 2 * distance) < 1e-4)
    }
}
