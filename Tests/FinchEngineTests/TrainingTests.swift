@testable import FinchEngine
import Testing

@Suite struct TrainingTests {
    @Test func schedulesFollowTheirFormulas() {
        let cosine = LearningRateSchedule.cosine(warmup: 10, total: 110, minimum: 0.1)
        #expect(cosine.rate(at: 0, base: 1) == 1.0 / 11)
        #expect(abs(cosine.rate(at: 10, base: 1) - 1) < 1e-6)
        #expect(abs(cosine.rate(at: 60, base: 1) - 0.55) < 1e-6)
        #expect(cosine.rate(at: 500, base: 1) == 0.1)
        #expect(LearningRateSchedule.linearWarmup(steps: 4).rate(at: 1, base: 1) == 0.4)
        let cycle = LearningRateSchedule.oneCycle(total: 100)
        #expect(abs(cycle.rate(at: 0, base: 1) - 0.04) < 1e-6)
        #expect(abs(cycle.rate(at: 29, base: 1) - 1) < 1e-6)
        #expect(abs(cycle.rate(at: 99, base: 1) - 4e-6) < 1e-7)
    }

    @Test func adamWMatchesAHandComputedStep() {
        let p = Parameter(try! Tensor(shape: [1, 2], values: [1, -2]))
        p.gradPointer[0] = 0.5; p.gradPointer[1] = -1
        let optimizer = Optimizer(kind: .adamW(beta1: 0.9, beta2: 0.99, epsilon: 0, weightDecay: 0.1),
                                  parameters: [NamedParameter(name: "w", parameter: p)], groups: [])
        optimizer.step(learningRate: 0.01)
        // First Adam step moves each element by lr·sign(g); decay shrinks by (1 − lr·wd).
        #expect(abs(p.value.scalars[0] - (1 * 0.999 - 0.01)) < 1e-6)
        #expect(abs(p.value.scalars[1] - (-2 * 0.999 + 0.01)) < 1e-6)
    }

    @Test func sgdMomentumAndGroupsScaleTheRate() {
        let a = Parameter(try! Tensor(shape: [1], values: [0])), b = Parameter(try! Tensor(shape: [1], values: [0]))
        a.gradPointer[0] = 1; b.gradPointer[0] = 1
        let optimizer = Optimizer(kind: .sgd(momentum: 0.9),
                                  parameters: [NamedParameter(name: "a", parameter: a), NamedParameter(name: "b", parameter: b)],
                                  groups: [ParameterGroup(pattern: "b", learningRateScale: 0.5)])
        optimizer.step(learningRate: 1)
        optimizer.step(learningRate: 1)
        #expect(a.value.scalars == [-2.9])
        #expect(b.value.scalars == [-1.45])
    }

    @Test func clippingBoundsTheGlobalNorm() {
        let a = Parameter(try! Tensor(shape: [2], values: [0, 0]))
        a.gradPointer[0] = 3; a.gradPointer[1] = 4
        #expect(clipGradients([a], maxNorm: 1) == 5)
        #expect(abs(clipGradients([a], maxNorm: nil) - 1) < 1e-5)
    }

    @Test func mlpLearnsXor() throws {
        let model = try Model(.mlp(features: 2, hidden: [16], outputs: 2, activation: .tanh), seed: 1)
        let x = try Tensor(shape: [4, 2], values: [0, 0, 0, 1, 1, 0, 1, 1])
        let batch = Batch(input: .features(x), targets: .classes([0, 1, 1, 0]))
        let result = try train(model, batches: { _ in batch }, config: TrainConfig(steps: 300, learningRate: 0.05, optimizer: .adam()))
        #expect(result.stopReason == .completed)
        #expect(result.losses.last! < 0.05)
        #expect(try model.evaluate([batch]).accuracy == 1)
    }

    @Test func regressionWithMeanSquaredError() throws {
        let model = try Model(.mlp(features: 1, hidden: [], outputs: 1), seed: 2)
        let x = try Tensor(shape: [4, 1], values: [0, 1, 2, 3])
        let y = try Tensor(shape: [4, 1], values: [1, 3, 5, 7])
        let batch = Batch(input: .features(x), targets: .values(y))
        let result = try train(model, batches: { _ in batch }, config: TrainConfig(steps: 500, learningRate: 0.05, optimizer: .sgd(momentum: 0.9)))
        #expect(result.losses.last! < 1e-4)
        #expect(abs(model.parameter(named: "dense.0.weight")!.value.scalars[0] - 2) < 0.01)
    }

    @Test func tinyGptLossFallsAndIsReproducible() throws {
        func run() throws -> [Float] {
            let model = try Model(.gpt(vocabulary: 6, context: 8, depth: 1, heads: 2, width: 16, dropout: 0.1), seed: 4)
            let batch = lmBatch(batch: 4, length: 8, vocabulary: 6, seed: 5)
            let config = TrainConfig(steps: 40, learningRate: 1e-2, schedule: .cosine(warmup: 5, total: 40, minimum: 1e-3),
                                     gradientClip: 1, seed: 3)
            return try train(model, batches: { _ in batch }, config: config).losses
        }
        let first = try run()
        #expect(first.last! < first.first! * 0.7)
        #expect(try run() == first)
    }

    @Test func cancellationReturnsThePartialResult() throws {
        let model = try Model(.mlp(features: 2, hidden: [4], outputs: 2), seed: 1)
        let batch = Batch(input: .features(try Tensor(shape: [1, 2], values: [1, 2])), targets: .classes([1]))
        var reports: [StepReport] = []
        let result = try train(model, batches: { _ in batch }, config: TrainConfig(steps: 100, learningRate: 0.1),
                               isCancelled: { reports.count >= 3 }) { event in
            if case .step(let report) = event { reports.append(report) }
        }
        #expect(result.stopReason == .cancelled)
        #expect(result.stepsCompleted == 3)
        #expect(reports.map(\.step) == [0, 1, 2])
        #expect(reports.allSatisfy { $0.peakBytes > 0 })
    }

    @Test func memoryBudgetIsCheckedBeforeAllocating() throws {
        let model = try Model(.gpt(vocabulary: 50, context: 64, depth: 2, heads: 4, width: 64))
        let batch = lmBatch(batch: 8, length: 64, vocabulary: 50, seed: 1)
        let config = TrainConfig(steps: 1, learningRate: 1e-3, memoryBudget: 1 << 20)
        #expect {
            try train(model, batches: { _ in batch }, config: config)
        } throws: { error in
            guard case let .memoryBudgetExceeded(estimate, budget, rows, length) = error as? TrainError else { return false }
            return budget == 1 << 20 && estimate.total > budget && rows == 8 && length == 64
        }
        #expect(model.parameters.allSatisfy { $0.parameter.grad.scalars.allSatisfy { $0 == 0 } })
    }

    @Test func staticMemoryComesFromTheDescriptionAlone() throws {
        let spec = ModelSpec.gpt(vocabulary: 65, context: 64, depth: 4, heads: 4, width: 128)
        let estimate = try spec.staticMemory(optimizer: .adamW())
        let count = try spec.plan().parameterCount
        #expect(estimate == MemoryEstimate(parameters: 4 * count, gradients: 4 * count, optimizerState: 8 * count, activations: 0))
        #expect(try spec.staticMemory(optimizer: .sgd()).optimizerState == 0)
        #expect(throws: ModelError.headsDoNotDivideWidth(layer: 2, width: 128, heads: 3)) {
            try ModelSpec.gpt(vocabulary: 65, context: 64, depth: 1, heads: 3, width: 128).staticMemory(optimizer: .adamW())
        }
    }

    @Test func estimateBoundsTheMeasuredPeak() throws {
        let model = try Model(.gpt(vocabulary: 30, context: 16, depth: 2, heads: 2, width: 16))
        let batch = lmBatch(batch: 4, length: 16, vocabulary: 30, seed: 1)
        let trainer = try Trainer(model: model, config: TrainConfig(steps: 2, learningRate: 1e-3))
        let result = try trainer.run(batches: { _ in batch })
        let estimate = model.memoryEstimate(batch: 4, length: 16, optimizer: .adamW()).total
        #expect(estimate >= result.peakBytes)
        #expect(Double(estimate) <= 1.6 * Double(result.peakBytes))
    }

    @Test func badBatchesAreTypedErrors() throws {
        let model = try Model(.gpt(vocabulary: 6, context: 4, depth: 1, heads: 2, width: 8))
        let tooLong = Batch(input: .tokens([0, 1, 2, 3, 4], batch: 1, length: 5), targets: .classes([1, 2, 3, 4, 5]))
        #expect(throws: TrainError.badBatch(step: 0, .sequenceTooLong(length: 5, maximum: 4))) {
            try train(model, batches: { _ in tooLong }, config: TrainConfig(steps: 1, learningRate: 1e-3))
        }
        let badToken = Batch(input: .tokens([0, 9], batch: 1, length: 2), targets: .classes([1, 2]))
        #expect(throws: BatchError.tokenOutOfRange(id: 9, vocabulary: 6)) { try model.validate(badToken, objective: CrossEntropy()) }
        let badTargets = Batch(input: .tokens([0, 1], batch: 1, length: 2), targets: .classes([1]))
        #expect(throws: BatchError.targetCount(expected: 2, got: 1)) { try model.validate(badTargets, objective: CrossEntropy()) }
        try model.freeze(matching: "*")
        let fine = Batch(input: .tokens([0, 1], batch: 1, length: 2), targets: .classes([1, -100]))
        #expect(throws: TrainError.nothingToTrain) {
            try train(model, batches: { _ in fine }, config: TrainConfig(steps: 1, learningRate: 1e-3))
        }
    }

    @Test func frozenParametersDoNotMove() throws {
        let model = try Model(.gpt(vocabulary: 6, context: 4, depth: 2, heads: 2, width: 8), seed: 1)
        try model.freezeBlocks(0..<1)
        try model.freeze(matching: "embed")
        let frozenBefore = model.parameter(named: "blocks.0.attn.q.weight")!.value
        let trainableBefore = model.parameter(named: "blocks.1.attn.q.weight")!.value
        _ = try train(model, batches: { _ in lmBatch(batch: 2, length: 4, vocabulary: 6, seed: 1) },
                      config: TrainConfig(steps: 3, learningRate: 1e-2))
        #expect(model.parameter(named: "blocks.0.attn.q.weight")!.value == frozenBefore)
        #expect(model.parameter(named: "blocks.1.attn.q.weight")!.value != trainableBefore)
    }
}

@Suite struct ThreadingTests {
    @Test func resultsAreBitIdenticalWithOneAndTwoThreads() throws {
        func run(threads: Int) throws -> [Float] {
            EngineThreads.set(threads)
            defer { EngineThreads.set(1) }
            let model = try Model(.gpt(vocabulary: 20, context: 16, depth: 1, heads: 2, width: 64), seed: 4)
            let batch = lmBatch(batch: 8, length: 16, vocabulary: 20, seed: 5)
            return try train(model, batches: { _ in batch }, config: TrainConfig(steps: 3, learningRate: 1e-2)).losses
                + model.parameters.flatMap { $0.parameter.value.scalars }
        }
        #expect(try run(threads: 2) == run(threads: 1))
    }

    @Test func maskedClassifierIsBitIdenticalWithOneAndTwoThreads() throws {
        func run(threads: Int) throws -> [Float] {
            EngineThreads.set(threads)
            defer { EngineThreads.set(1) }
            let model = try Model(.sequenceClassifier(vocabulary: 20, length: 16, depth: 2, heads: 4, width: 32, classes: 3), seed: 4)
            var g = Xoshiro(seed: 5)
            let ids = (0..<8 * 16).map { _ in Int32(g.nextInt(below: 20)) }
            let batch = Batch(input: .tokens(ids, batch: 8, length: 16, lengths: [16, 3, 9, 1, 12, 16, 5, 7]),
                              targets: .classes([0, 1, 2, 0, 1, 2, 0, 1]))
            return try train(model, batches: { _ in batch }, config: TrainConfig(steps: 3, learningRate: 1e-2)).losses
                + model.parameters.flatMap { $0.parameter.value.scalars }
        }
        #expect(try run(threads: 2) == run(threads: 1))
    }
}

@Suite struct BufferReuseTests {
    @Test func stepsAfterTheFirstReuseTheSameBuffers() throws {
        let model = try Model(.gpt(vocabulary: 12, context: 8, depth: 2, heads: 2, width: 16), seed: 1)
        let trainer = try Trainer(model: model, config: TrainConfig(steps: 5, learningRate: 1e-3))
        var reports: [StepReport] = []
        try trainer.run(batches: { lmBatch(batch: 3, length: 8, vocabulary: 12, seed: UInt64($0)) }, observe: { event in
            if case .step(let report) = event { reports.append(report) }
        })
        #expect(Set(reports.map(\.peakBytes)).count == 1)
        #expect(trainer.graphReservedBytes == trainer.graphPeakBytes)
    }
}

@Suite struct ClassifierTests {
    /// Sequences of 6 tokens from 0..<5; the label is whether token 4 occurs.
    func containsFour(count: Int, seed: UInt64) -> Batch {
        var g = Xoshiro(seed: seed)
        var ids: [Int32] = [], labels: [Int32] = []
        for _ in 0..<count {
            let sequence = (0..<6).map { _ in Int32(g.nextInt(below: 5)) }
            ids += sequence
            labels.append(sequence.contains(4) ? 1 : 0)
        }
        return Batch(input: .tokens(ids, batch: count, length: 6), targets: .classes(labels))
    }

    @Test func bidirectionalTransformerLearnsToDetectAToken() throws {
        let model = try Model(.sequenceClassifier(vocabulary: 5, length: 6, depth: 1, heads: 2, width: 16, classes: 2), seed: 2)
        let config = TrainConfig(steps: 150, learningRate: 3e-3, schedule: .linearWarmup(steps: 10), optimizer: .adamW(weightDecay: 0))
        _ = try train(model, batches: { containsFour(count: 32, seed: UInt64($0)) }, config: config)
        let test = containsFour(count: 200, seed: 10_000)
        let evaluation = try model.evaluate([test])
        #expect(evaluation.accuracy! > 0.95)
        guard case let .classes(labels) = test.targets else { return }
        let predicted = try model.predict(test.input).argmaxLastAxis()
        let matrix = try ConfusionMatrix(predictions: predicted, labels: labels.map(Int.init), classes: 2)
        #expect(abs(matrix.accuracy - Double(evaluation.accuracy!)) < 1e-6)
        #expect(matrix.macro.f1 > 0.9)
    }
}
