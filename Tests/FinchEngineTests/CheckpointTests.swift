@testable import FinchEngine
import FinchJSON
import Glibc
import Testing

/// A path in the temporary directory unique to this process and `name`.
func temporaryPath(_ name: String) -> String { "/tmp/finch-engine-test-\(getpid())-\(name)" }

@Suite struct CheckpointTests {
    @Test func roundTripsWeightsArchitectureAdaptersAndConfig() throws {
        let model = try Model(.gpt(vocabulary: 9, context: 6, depth: 2, heads: 2, width: 8, tied: true), seed: 3)
        try model.addLoRA(matching: "*.attn.v", rank: 2, alpha: 8, dropout: 0.1)
        for named in model.parameters where named.name.contains("lora_b") {
            try named.parameter.assign(randomTensor(named.parameter.shape, seed: 4))
        }
        let config = TrainConfig(steps: 10, learningRate: 3e-4, schedule: .oneCycle(total: 10), optimizer: .sgd(momentum: 0.5),
                                 groups: [ParameterGroup(pattern: "embed", learningRateScale: 0.1, weightDecay: 0)],
                                 gradientClip: 1, seed: 12_345_678_901, memoryBudget: 1 << 30)
        let path = temporaryPath("roundtrip.safetensors")
        defer { unlink(path) }
        try model.save(to: path, trainingConfig: config, metadata: ["note": "tab\there \"quoted\" é"])
        let loaded = try Model.load(from: path)
        #expect(loaded.model.spec == model.spec)
        #expect(loaded.trainingConfig == config)
        #expect(loaded.metadata["note"] == "tab\there \"quoted\" é")
        #expect(loaded.model.parameters.map(\.name) == model.parameters.map(\.name))
        for (a, b) in zip(loaded.model.parameters, model.parameters) { #expect(a.parameter.value == b.parameter.value) }
        let input = lmBatch(batch: 2, length: 6, vocabulary: 9, seed: 1).input
        #expect(try loaded.model.predict(input) == model.predict(input))
    }

    @Test func everyLayerKindSurvivesTheArchitectureJSON() throws {
        let spec = ModelSpec(input: .tokens(vocabulary: 5, length: 4), layers: [
            .embedding(width: 8), .positionalEmbedding, .dropout(0.25), .selfAttention(heads: 2, causal: false, bias: true),
            .layerNorm(bias: false), .transformerBlock(heads: 4, causal: false, bias: true, mlpRatio: 2, dropout: 0.5),
            .activation(.gelu), .pool(.first), .dense(outputs: 3, bias: false),
        ])
        #expect(ModelSpec(json: try JSONValue.parse(spec.json.serialized)) == spec)
        let features = ModelSpec.mlp(features: 3, hidden: [4], outputs: 2, activation: .tanh)
        #expect(ModelSpec(json: try JSONValue.parse(features.json.serialized)) == features)
    }

    @Test func writesIntegersAsIntegersAndFloatsAsDoubles() {
        let spec = ModelSpec(input: .features(width: 3), layers: [.dense(outputs: 2, bias: true), .dropout(0)])
        #expect(spec.json.serialized == #"{"input":{"kind":"features","width":3},"layers":"#
            + #"[{"type":"dense","outputs":2,"bias":true},{"type":"dropout","probability":0.0}]}"#)
    }

    @Test func readsTheMetadataEarlierVersionsWrote() throws {
        // Before FinchJSON, whole floats were written without a fraction (`"dropout":0`, `"gradientClip":1`).
        let architecture = #"{"input":{"kind":"tokens","vocabulary":11,"length":8},"layers":[{"type":"embedding","width":16},"#
            + #"{"type":"transformerBlock","heads":2,"causal":true,"bias":false,"mlpRatio":4,"dropout":0}]}"#
        #expect(ModelSpec(json: try JSONValue.parse(architecture)) == ModelSpec(input: .tokens(vocabulary: 11, length: 8), layers: [
            .embedding(width: 16), .transformerBlock(heads: 2, causal: true, bias: false, mlpRatio: 4, dropout: 0),
        ]))
        let training = #"{"steps":3,"learningRate":0.009999999776482582,"schedule":{"kind":"cosine","warmup":1,"total":3,"#
            + #""minimum":0.0010000000474974513},"optimizer":{"kind":"adamW","beta1":0.8999999761581421,"#
            + #""beta2":0.9990000128746033,"epsilon":9.99999993922529e-09,"weightDecay":0.009999999776482582},"#
            + #""groups":[],"gradientClip":1,"seed":"0","ignoreIndex":-100,"memoryBudget":null}"#
        #expect(TrainConfig(json: try JSONValue.parse(training))
            == TrainConfig(steps: 3, learningRate: 1e-2, schedule: .cosine(warmup: 1, total: 3, minimum: 1e-3), gradientClip: 1))
    }

    @Test func writesTheSafetensorsHeaderPyTorchReads() throws {
        let path = temporaryPath("header.safetensors")
        defer { unlink(path) }
        try SafeTensors(tensors: [("w", try Tensor(zeros: [2, 1])), ("b", Tensor(zeros: [1]))], metadata: ["z": "1", "a": "\"x\""])
            .write(to: path)
        let file = fopen(path, "rb")!
        defer { fclose(file) }
        var bytes = [UInt8](repeating: 0, count: 200)
        bytes.removeLast(200 - fread(&bytes, 1, 200, file))
        let header = #"{"__metadata__":{"a":"\"x\"","z":"1"},"w":{"dtype":"F32","shape":[2,1],"data_offsets":[0,8]},"#
            + #""b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}"#
        #expect(Array(bytes[0..<8]) == [UInt8(header.utf8.count + 5), 0, 0, 0, 0, 0, 0, 0])
        #expect(String(decoding: bytes[8..<(8 + header.utf8.count + 5)], as: UTF8.self) == header + "     ")
    }

    @Test func refusesMalformedFilesAndMismatchedWeights() throws {
        let path = temporaryPath("bad.safetensors")
        defer { unlink(path) }
        let file = fopen(path, "wb")!
        fputs("nonsense", file)
        fclose(file)
        #expect(throws: CheckpointError.malformed("header length 7310308002159816558 exceeds the file")) { try SafeTensors.read(from: path) }
        #expect(throws: CheckpointError.io(path: "/nonexistent/x", reason: "No such file or directory")) {
            try SafeTensors.read(from: "/nonexistent/x")
        }
        try SafeTensors(tensors: [("w", Tensor(zeros: [2]))]).write(to: path)
        #expect(throws: CheckpointError.missingArchitecture) { try Model.load(from: path) }
        let model = try Model(.mlp(features: 2, hidden: [], outputs: 2))
        #expect(throws: CheckpointError.missingTensor("dense.0.weight")) { try model.loadWeights(SafeTensors.read(from: path)) }
        let wrong = SafeTensors(tensors: [("dense.0.weight", try Tensor(zeros: [3, 2])), ("dense.0.bias", try Tensor(zeros: [2]))])
        #expect(throws: CheckpointError.shapeMismatch(tensor: "dense.0.weight", expected: [2, 2], got: [3, 2])) {
            try model.loadWeights(wrong)
        }
    }
}

@Suite struct MetricsTests {
    @Test func confusionMatrixScores() throws {
        let matrix = try ConfusionMatrix(predictions: [0, 0, 1, 1, 2, 0], labels: [0, 1, 1, 1, 2, 2], classes: 3)
        #expect(matrix.counts == [[1, 0, 0], [1, 2, 0], [1, 0, 1]])
        #expect(matrix.accuracy == 4.0 / 6)
        let zero = matrix.scores(of: 0)
        #expect(zero.precision == 1.0 / 3 && zero.recall == 1 && zero.support == 1)
        #expect(abs(zero.f1 - 0.5) < 1e-12)
        #expect(matrix.scores(of: 2) == ClassScores(precision: 1, recall: 0.5, f1: 2.0 / 3, support: 2))
        #expect(abs(matrix.macro.recall - (1 + 2.0 / 3 + 0.5) / 3) < 1e-12)
        #expect(throws: MetricsError.classOutOfRange(3, classes: 3)) { try ConfusionMatrix(predictions: [3], labels: [0], classes: 3) }
        #expect(throws: MetricsError.lengthMismatch(predictions: 1, labels: 2)) { try ConfusionMatrix(predictions: [0], labels: [0, 1], classes: 2) }
    }

    @Test func perplexityOfAUniformModelIsTheVocabularySize() {
        #expect(abs(perplexity(loss: logf(65)) - 65) < 1e-3)
    }
}
