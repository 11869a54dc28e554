@testable import FinchEngine
import Glibc
import Testing

/// A small classifier `features → hidden → hidden → classes` with weights from `seed`.
private func classifier(features: Int = 6, hidden: [Int] = [16, 12], classes: Int = 3, seed: UInt64 = 5) throws -> Model {
    try Model(.mlp(features: features, hidden: hidden, outputs: classes, activation: .relu),
              head: ModelHead(kind: .classify, firstLayer: 2 * hidden.count), seed: seed)
}

private func features(_ rows: Int, _ width: Int = 6, seed: UInt64 = 11) -> ModelInput {
    .features(randomTensor([rows, width], seed: seed))
}

/// The largest absolute difference between two tensors' elements.
private func largestDifference(_ a: Tensor, _ b: Tensor) -> Float {
    zip(a.scalars, b.scalars).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

@Suite struct QuantizationTests {
    @Test func quantisesEachRowSymmetricallyWithItsOwnScale() throws {
        let weight = try Tensor(shape: [2, 3], values: [0.5, -1.27, 0.01, 0, 0, 0])
        let layer = QuantizedDense(quantizing: weight, bias: nil)
        #expect(layer.scales == [0.01, 0])
        #expect(layer.values == [50, -127, 1, 0, 0, 0])
        #expect(largestDifference(layer.dequantized(), weight) < 1e-6)
    }

    @Test func aQuantisedModelPredictsNearlyAsTheOriginalAndLeavesItUnchanged() throws {
        let model = try classifier()
        let before = model.parameters.map(\.parameter.value)
        let quantized = try model.quantized()
        #expect(model.parameters.map(\.parameter.value) == before)
        #expect(!model.isQuantized && quantized.isQuantized)
        #expect(quantized.linearLayers.allSatisfy { $0.layer is QuantizedDense })
        #expect(quantized.weightCount == model.parameterCount)
        let input = features(8)
        let difference = largestDifference(try model.predict(input), try quantized.predict(input))
        #expect(difference > 0 && difference < 0.02)
    }

    @Test func quantisesAttentionProjections() throws {
        let model = try Model(.sequenceClassifier(vocabulary: 7, length: 4, depth: 1, heads: 2, width: 8, classes: 2), seed: 2)
        let quantized = try model.quantized()
        #expect(quantized.linearLayers.map(\.name).contains("blocks.0.attn.q"))
        #expect(quantized.linearLayers.allSatisfy { $0.layer is QuantizedDense })
    }

    @Test func refusesAModelQuantisedAlready() throws {
        let quantized = try classifier().quantized()
        #expect(throws: CompressionError.alreadyQuantized) { try quantized.quantized() }
    }

    @Test func savesAboutAQuarterOfTheBytesAndLoadsBack() throws {
        let model = try classifier(features: 64, hidden: [128, 64], classes: 10)
        let quantized = try model.quantized()
        let full = temporaryPath("float.safetensors"), small = temporaryPath("int8.safetensors")
        defer { unlink(full); unlink(small) }
        try model.save(to: full)
        try quantized.save(to: small)
        var a = stat(), b = stat()
        stat(full, &a)
        stat(small, &b)
        let ratio = Double(a.st_size) / Double(b.st_size)
        #expect(ratio > 3.3 && ratio < 4)
        let loaded = try Model.load(from: small).model
        let input = features(4, 64)
        #expect(try loaded.predict(input) == quantized.predict(input))
        #expect(loaded.isQuantized)
    }

    @Test func refusesACheckpointWhoseInt8WeightHasTheWrongShape() throws {
        let quantized = try classifier().quantized()
        let path = temporaryPath("bad-int8.safetensors")
        defer { unlink(path) }
        try quantized.save(to: path)
        var file = try SafeTensors.read(from: path)
        file.bytes[0].shape = [file.bytes[0].values.count, 1]
        try file.write(to: path)
        #expect(throws: CheckpointError.shapeMismatch(tensor: file.bytes[0].name, expected: [16, 6], got: [96, 1])) {
            try Model.load(from: path)
        }
    }
}

@Suite struct CompressedCheckpointTests {
    /// A quantised classifier saved at a fresh path, and that path.
    private func saved(_ name: String) throws -> (SafeTensors, String) {
        let path = temporaryPath(name)
        try classifier().pruned(sparsity: 0.5).quantized().save(to: path)
        return (try SafeTensors.read(from: path), path)
    }

    @Test(arguments: [
        (#"[{"layer": "dense.0", "kind": "int4"}]"#, CheckpointError.malformed("finch.compression has an unknown kind 'int4'")),
        (#"[{"layer": "act.0", "kind": "int8"}]"#, CheckpointError.malformed("finch.compression names no dense layer of the model")),
        (#"{"layer": "dense.0"}"#, CheckpointError.malformed("finch.compression is not a list")),
    ])
    func refusesACompressionEntryItCannotApply(entry: String, error: CheckpointError) throws {
        var (file, path) = try saved("bad-entry-\(entry.utf8.count).safetensors")
        defer { unlink(path) }
        file.metadata["finch.compression"] = entry
        try file.write(to: path)
        #expect(throws: error) { try Model.load(from: path) }
    }

    @Test func refusesInt8TensorsTheModelDoesNotHave() throws {
        var (file, path) = try saved("extra-int8.safetensors")
        defer { unlink(path) }
        file.bytes.append((name: "dense.9.weight", shape: [2], values: [1, 2]))
        try file.write(to: path)
        #expect(throws: CheckpointError.unexpectedTensor("dense.9.weight")) { try Model.load(from: path) }
    }

    @Test func refusesNegativeScalesAndAMissingScale() throws {
        var (file, path) = try saved("bad-scale.safetensors")
        defer { unlink(path) }
        let index = try #require(file.tensors.firstIndex { $0.name == "dense.0.weight_scale" })
        file.tensors[index].tensor = file.tensors[index].tensor.map { -$0 }
        try file.write(to: path)
        #expect(throws: CheckpointError.malformed("dense.0.weight_scale holds a scale that is not finite and ≥ 0")) { try Model.load(from: path) }
        file.tensors.remove(at: index)
        try file.write(to: path)
        #expect(throws: CheckpointError.missingTensor("dense.0.weight_scale")) { try Model.load(from: path) }
    }

    @Test func refusesAnInt8HeaderWhoseSizeOverflows() throws {
        let path = temporaryPath("overflow.safetensors")
        defer { unlink(path) }
        let header = Array(#"{"w":{"dtype":"I8","shape":[4611686018427387904,4],"data_offsets":[0,0]}}"#.utf8)
        var bytes = withUnsafeBytes(of: UInt64(header.count).littleEndian) { Array($0) } + header
        bytes.append(contentsOf: [UInt8](repeating: 0, count: 8))
        let file = fopen(path, "wb")
        fwrite(bytes, 1, bytes.count, file)
        fclose(file)
        #expect(throws: CheckpointError.malformed("tensor w has an invalid shape or offsets")) { try SafeTensors.read(from: path) }
    }
}

@Suite struct PruningTests {
    @Test func globalPruningZeroesTheSmallestWeightsBehindAMask() throws {
        let model = try classifier()
        let pruned = try model.pruned(sparsity: 0.5)
        let total = pruned.linearLayers.reduce(0) { $0 + $1.layer.inputs * $1.layer.outputs }
        #expect(abs(pruned.sparsity - Double(total / 2) / Double(total)) < 1e-9)
        let kept = pruned.linearLayers.flatMap { ($0.layer as? MaskedDense)?.base.weight.value.scalars.filter { $0 != 0 } ?? [] }
        let all = model.linearLayers.flatMap { ($0.layer as? Dense)?.weight.value.scalars ?? [] }.map(abs).sorted()
        #expect(kept.map(abs).min()! >= all[total / 2 - 1])
        #expect(model.sparsity == 0)
    }

    @Test func perLayerPruningTakesTheSameFractionFromEachLayer() throws {
        let pruned = try classifier().pruned(sparsity: 0.25, scope: .layer)
        for (_, layer) in pruned.linearLayers {
            let masked = try #require(layer as? MaskedDense)
            #expect(masked.mask.count - masked.keptWeights == masked.mask.count / 4)
        }
    }

    @Test func theMaskSurvivesFineTuning() throws {
        let pruned = try classifier().pruned(sparsity: 0.6)
        let masks = pruned.linearLayers.compactMap { ($0.layer as? MaskedDense)?.mask }
        let before = pruned.linearLayers.compactMap { ($0.layer as? MaskedDense)?.base.weight.value }
        let batch = Batch(input: features(12), targets: .classes((0..<12).map { Int32($0 % 3) }))
        try train(pruned, batches: { _ in batch }, config: TrainConfig(steps: 20, learningRate: 0.05, optimizer: .adamW(weightDecay: 0.1)))
        let after = pruned.linearLayers.compactMap { ($0.layer as? MaskedDense)?.base.weight.value }
        #expect(after != before)
        for (mask, weight) in zip(masks, after) {
            #expect(zip(weight.scalars, mask.scalars).allSatisfy { $1 != 0 || $0 == 0 })
        }
        #expect(abs(pruned.sparsity - 0.6) < 0.01)
    }

    @Test func inferenceWithoutTheMaskGivesTheMaskedOutputsAfterFineTuning() throws {
        let pruned = try classifier().pruned(sparsity: 0.7)
        let batch = Batch(input: features(12), targets: .classes((0..<12).map { Int32($0 % 3) }))
        try train(pruned, batches: { _ in batch }, config: TrainConfig(steps: 10, learningRate: 0.05, optimizer: .sgd(momentum: 0.9)))
        let masked = Graph(isTraining: false, recordsGradients: true)
        #expect(masked.value(of: pruned.forward(batch.input, in: masked)) == (try pruned.predict(batch.input)))
    }

    @Test func refusesASparsityOutsideZeroToOne() throws {
        let model = try classifier()
        #expect(throws: CompressionError.sparsity(1)) { try model.pruned(sparsity: 1) }
        #expect(throws: CompressionError.sparsity(-0.1)) { try model.pruned(sparsity: -0.1) }
    }

    @Test func aPrunedModelSavesItsMaskAndLoadsBack() throws {
        let pruned = try classifier().pruned(sparsity: 0.5)
        let path = temporaryPath("pruned.safetensors")
        defer { unlink(path) }
        try pruned.save(to: path)
        let loaded = try Model.load(from: path).model
        #expect(loaded.sparsity == pruned.sparsity)
        let input = features(5)
        #expect(try loaded.predict(input) == pruned.predict(input))
    }

    @Test func neuronPruningMakesASmallerModelThatKeepsTheImportantNeurons() throws {
        let model = try classifier(hidden: [16, 12])
        let smaller = try model.prunedNeurons(fraction: 0.5)
        #expect(smaller.spec.layers == [.dense(outputs: 8), .activation(.relu), .dense(outputs: 6), .activation(.relu), .dense(outputs: 3)])
        #expect(smaller.parameterCount < model.parameterCount / 2)
        #expect(smaller.head == model.head)
        let none = try model.prunedNeurons(fraction: 0)
        let input = features(6)
        #expect(try none.predict(input) == model.predict(input))
    }

    @Test func neuronPruningRemovesNeuronsThatDoNothingWithoutChangingTheOutput() throws {
        let model = try classifier(hidden: [4], classes: 2)
        let first = try #require(model.layers[0].layer as? Dense)
        var weight = first.weight.value.scalars
        for i in 0..<6 { weight[6 + i] = 0 }
        try first.weight.assign(Tensor(shape: [4, 6], values: weight))
        try first.bias?.assign(Tensor(shape: [4], values: [0.1, 0, 0.2, 0.3]))
        let smaller = try model.prunedNeurons(fraction: 0.25)
        let input = features(5)
        #expect(largestDifference(try smaller.predict(input), try model.predict(input)) < 1e-6)
    }

    @Test func refusesPruningEveryNeuron() throws {
        #expect(throws: CompressionError.neuronFraction(1)) { try classifier().prunedNeurons(fraction: 1) }
    }
}

@Suite struct FactorizationTests {
    @Test func fullRankFactorsReproduceTheLayer() throws {
        let model = try classifier(hidden: [4, 4])
        let factorized = try model.factorized(rank: 4)
        #expect(factorized.linearLayers.filter { $0.layer is LowRankDense }.map(\.name) == ["dense.0", "dense.1"])
        let input = features(7)
        #expect(largestDifference(try factorized.predict(input), try model.predict(input)) < 1e-4)
    }

    @Test func truncatedSVDIsTheBestApproximationOfItsRank() throws {
        let u = randomTensor([6, 1], seed: 1), v = randomTensor([1, 5], seed: 2)
        let rankOne = try u.matmul(v)
        let noise = randomTensor([6, 5], seed: 3).map { $0 * 1e-3 }
        let factors = try TruncatedSVD(try rankOne + noise, rank: 1)
        #expect(largestDifference(try factors.up.matmul(factors.down), rankOne) < 5e-3)
        #expect(factors.singularValues[1] < 5e-3)
    }

    @Test func refusesARankLargerThanTheLayer() throws {
        let model = try classifier(hidden: [5, 4])
        #expect(throws: CompressionError.rank(6, path: "dense.0", largest: 5)) { try model.factorized(rank: 6) }
        #expect(throws: CompressionError.rank(0, path: "dense.0", largest: 5)) { try model.factorized(rank: 0) }
    }

    @Test func aFactorisedModelSavesAndLoadsBack() throws {
        let factorized = try classifier().factorized(rank: 3, matching: ["dense.2"])
        let path = temporaryPath("lowrank.safetensors")
        defer { unlink(path) }
        try factorized.save(to: path)
        let loaded = try Model.load(from: path).model
        let input = features(3)
        #expect(try loaded.predict(input) == factorized.predict(input))
        #expect(loaded.parameterCount == factorized.parameterCount)
    }
}

@Suite struct DistillationTests {
    @Test func softTargetGradientMatchesFiniteDifferences() {
        let targets: [Float] = [0.2, 0.5, 0.3, 0.1, 0.1, 0.8]
        expectGradientsMatch([randomTensor([2, 3], seed: 4)]) { g, v in
            targets.withUnsafeBufferPointer { g.softCrossEntropy(v[0], targets: $0) }
        }
    }

    @Test func theSoftTermIsZeroWhenTheStudentMatchesTheTeacher() throws {
        let teacher = try classifier()
        let objective = Distillation(teacher: teacher, temperature: 4, alpha: 1)
        let batch = Batch(input: features(4), targets: .classes([Int32](repeating: CrossEntropy.defaultIgnoreIndex, count: 4)))
        let graph = Graph(isTraining: false, recordsGradients: false)
        let output = teacher.forward(batch.input, in: graph)
        #expect(abs(graph.scalar(objective.loss(output, for: batch, of: teacher, in: graph))) < 1e-5)
    }

    @Test func lossIsAlphaTSquaredKLPlusTheHardTerm() throws {
        let teacher = try classifier(seed: 1), student = try classifier(seed: 2)
        let batch = Batch(input: features(4), targets: .classes([0, 1, 2, 1]))
        let graph = Graph(isTraining: false, recordsGradients: false)
        let output = student.forward(batch.input, in: graph)
        let total = graph.scalar(Distillation(teacher: teacher, temperature: 2, alpha: 0.25).loss(output, for: batch, of: student, in: graph))
        let soft = graph.scalar(Distillation(teacher: teacher, temperature: 2, alpha: 1).loss(output, for: batch, of: student, in: graph))
        let hard = graph.scalar(CrossEntropy().loss(output, for: batch, of: student, in: graph))
        #expect(abs(total - (0.25 * soft + 0.75 * hard)) < 1e-5)
    }

    @Test func aStudentLearnsTheTeachersDistributionFromUnlabelledData() throws {
        let teacher = try classifier(seed: 1), student = try classifier(hidden: [8], seed: 9)
        let batch = Batch(input: features(32), targets: .classes([Int32](repeating: CrossEntropy.defaultIgnoreIndex, count: 32)))
        let objective = Distillation(teacher: teacher, temperature: 2, alpha: 1)
        let soft = { () -> Float in
            let graph = Graph(isTraining: false, recordsGradients: false)
            return graph.scalar(objective.loss(student.forward(batch.input, in: graph), for: batch, of: student, in: graph))
        }
        let before = soft()
        try train(student, batches: { _ in batch }, config: TrainConfig(steps: 150, learningRate: 0.01, optimizer: .adam()), objective: objective)
        #expect(soft() < before / 5)
    }

    @Test func refusesAStudentWithOtherClasses() throws {
        let objective = Distillation(teacher: try classifier(classes: 3), temperature: 2, alpha: 0.5)
        let student = try classifier(classes: 4)
        let batch = Batch(input: features(2), targets: .classes([0, 1]))
        #expect(throws: BatchError.teacherClasses(teacher: 3, student: 4)) { try objective.validate(batch, for: student) }
    }
}

@Suite struct CompressedGenerationTests {
    @Test func compressedLanguageModelsGenerateAsTheirForwardPassPredicts() throws {
        let model = try Model(.gpt(vocabulary: 9, context: 6, depth: 1, heads: 2, width: 8, tied: true), seed: 3)
        for compressed in [try model.quantized(), try model.factorized(rank: 4, matching: ["blocks.0.mlp"]), try model.pruned(sparsity: 0.5)] {
            let prompt: [Int32] = [1, 2, 3]
            let produced = try Generator(model: compressed).generate(prompt: prompt, count: 1, sampling: Sampling(topK: 1), seed: 1)
            let logits = try compressed.predict(.tokens(prompt, batch: 1, length: 3)).scalars.suffix(9)
            #expect(produced == [Int32(logits.indices.max { logits[$0] < logits[$1] }! - logits.startIndex)])
        }
    }
}
