@testable import FinchEngine
import Glibc
import Testing

/// Objectives as values: the standard ones, their checks, and penalties added to them.
@Suite struct ObjectiveTests {
    private let features = try! Tensor(shape: [3, 2], values: [1, 2, -1, 0.5, 0, -2])

    @Test func theStandardObjectiveFollowsTheTargets() throws {
        let model = try Model(.mlp(features: 2, hidden: [], outputs: 3), seed: 1)
        let classes = Batch(input: .features(features), targets: .classes([0, 2, -100]))
        let graph = Graph(isTraining: false, recordsGradients: false)
        let (loss, output) = model.loss(classes, objective: standardObjective(for: classes.targets), in: graph)
        // By hand: the mean of −log softmax over the two counted rows.
        let logits = graph.value(of: output).scalars
        func nll(_ row: Int, _ label: Int) -> Double {
            let z = logits[row * 3..<row * 3 + 3].map(Double.init)
            return log(z.map { exp($0) }.reduce(0, +)) - z[label]
        }
        #expect(abs(Double(graph.scalar(loss)) - (nll(0, 0) + nll(1, 2)) / 2) < 1e-5)
        let values = Batch(input: .features(features), targets: .values(try Tensor(zeros: [3, 3])))
        graph.reset()
        let (squared, predicted) = model.loss(values, objective: standardObjective(for: values.targets), in: graph)
        let mean = graph.value(of: predicted).scalars.map { Double($0 * $0) }.reduce(0, +) / 9
        #expect(abs(Double(graph.scalar(squared)) - mean) < 1e-6)
    }

    @Test func anObjectiveRefusesTargetsItCannotRead() throws {
        let model = try Model(.mlp(features: 2, hidden: [], outputs: 3), seed: 1)
        let values = Batch(input: .features(features), targets: .values(try Tensor(zeros: [3, 3])))
        #expect(throws: BatchError.targetKind(expected: "class ids")) { try model.validate(values, objective: CrossEntropy()) }
        let classes = Batch(input: .features(features), targets: .classes([0, 1, 2]))
        #expect(throws: BatchError.targetKind(expected: "values")) { try model.validate(classes, objective: MeanSquaredError()) }
        let masked = Batch(input: .features(features), targets: .classes([0, 7, 1]))
        #expect(throws: BatchError.classOutOfRange(id: 7, classes: 3)) { try model.validate(masked, objective: CrossEntropy()) }
        try model.validate(masked, objective: CrossEntropy(ignoreIndex: 7))
    }

    @Test func aPenaltyAddsItsWeightedTermToTheLoss() throws {
        let model = try Model(.mlp(features: 2, hidden: [], outputs: 3), seed: 1)
        let batch = Batch(input: .features(features), targets: .classes([0, 1, 2]))
        let anchor = WeightAnchor(model)
        for named in model.parameters { try named.parameter.assign(named.parameter.value.map { $0 + 0.5 }) }
        let graph = Graph(isTraining: false, recordsGradients: false)
        let plain = graph.scalar(model.loss(batch, objective: CrossEntropy(), in: graph).loss)
        graph.reset()
        let penalized = graph.scalar(model.loss(batch, objective: CrossEntropy().adding(anchor, weight: 0.1), in: graph).loss)
        // Every one of the 9 parameters is 0.5 from its anchor: 9 · 0.25 · 0.1.
        #expect(abs(penalized - plain - 0.225) < 1e-5)
        graph.reset()
        let twice = CrossEntropy().adding(anchor, weight: 0.1).adding(anchor, weight: 0.2)
        #expect(twice.penalties.count == 2)
        #expect(abs(graph.scalar(model.loss(batch, objective: twice, in: graph).loss) - plain - 0.675) < 1e-5)
    }

    @Test func aBodyAnchorLeavesTheHeadFree() throws {
        let spec = ModelSpec.mlp(features: 2, hidden: [4], outputs: 3)
        let model = try Model(spec, head: ModelHead(kind: .classify, firstLayer: spec.layers.count - 1), seed: 2)
        let anchor = WeightAnchor(bodyOf: model)
        let (head, body) = (model.parameters.filter { model.isInHead($0.name) }, model.parameters.filter { !model.isInHead($0.name) })
        #expect(!head.isEmpty && !body.isEmpty)
        for named in head { try named.parameter.assign(named.parameter.value.map { $0 + 1 }) }
        let graph = Graph(isTraining: false, recordsGradients: false)
        #expect(graph.scalar(anchor.loss(of: model, in: graph)) == 0)
        for named in body { try named.parameter.assign(named.parameter.value.map { $0 + 0.5 }) }
        graph.reset()
        let count = body.map(\.parameter.value.scalars.count).reduce(0, +)
        #expect(abs(graph.scalar(anchor.loss(of: model, in: graph)) - Float(count) * 0.25) < 1e-4)
    }

    @Test func theAnchorsGradientIsTwiceTheOffset() {
        let model = try! Model(.mlp(features: 2, hidden: [], outputs: 1), seed: 3)
        let anchor = WeightAnchor(model)
        let weight = model.parameter(named: "dense.0.weight")!
        try! weight.assign(weight.value.map { $0 - 0.25 })
        let graph = Graph()
        for named in model.parameters { named.parameter.zeroGrad() }
        graph.backward(from: anchor.loss(of: model, in: graph))
        #expect(weight.grad.scalars.allSatisfy { abs($0 + 0.5) < 1e-6 })
        #expect(model.parameter(named: "dense.0.bias")!.grad.scalars == [0])
    }

    @Test func anAnchoredFineTuneStaysNearerItsStartingWeights() throws {
        func distance(anchored: Bool) throws -> Float {
            let model = try Model(.mlp(features: 2, hidden: [8], outputs: 2, activation: .tanh), seed: 4)
            let start = model.parameters.map { $0.parameter.value }
            let batch = Batch(input: .features(try Tensor(shape: [4, 2], values: [0, 0, 0, 1, 1, 0, 1, 1])), targets: .classes([0, 1, 1, 0]))
            let objective: any Objective = anchored ? CrossEntropy().adding(WeightAnchor(model), weight: 1) : CrossEntropy()
            try train(model, batches: { _ in batch }, config: TrainConfig(steps: 200, learningRate: 0.05, optimizer: .adam()),
                      objective: objective)
            return zip(model.parameters, start).map { named, value in
                zip(named.parameter.value.scalars, value.scalars).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
            }.reduce(0, +)
        }
        #expect(try distance(anchored: true) < 0.5 * distance(anchored: false))
    }
}
