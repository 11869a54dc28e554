@testable import FinchEngine
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
        #expect(ModelSpec(json: JSON.parse(spec.json.text)!) == spec)
        let features = ModelSpec.mlp(features: 3, hidden: [4], outputs: 2, activation: .tanh)
        #expect(ModelSpec(json: JSON.parse(features.json.text)!) == features)
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
