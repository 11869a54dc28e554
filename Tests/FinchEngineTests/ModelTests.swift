@testable import FinchEngine
import Testing

/// A token batch for language modelling: inputs `ids[b, t]`, targets the next id.
func lmBatch(batch: Int, length: Int, vocabulary: Int, seed: UInt64) -> Batch {
    var g = Xoshiro(seed: seed)
    let stream = (0..<batch * (length + 1)).map { _ in Int32(g.nextInt(below: vocabulary)) }
    var inputs: [Int32] = [], targets: [Int32] = []
    for b in 0..<batch {
        inputs += stream[b * (length + 1)..<b * (length + 1) + length]
        targets += stream[b * (length + 1) + 1..<(b + 1) * (length + 1)]
    }
    return Batch(input: .tokens(inputs, batch: batch, length: length), targets: .classes(targets))
}

@Suite struct ModelTests {
    let tiny = ModelSpec.gpt(vocabulary: 7, context: 5, depth: 2, heads: 2, width: 8)

    @Test func gptNamesCountsAndTying() throws {
        let model = try Model(tiny)
        let names = model.parameters.map(\.name)
        #expect(names.first == "embed.weight")
        #expect(names.contains("blocks.1.attn.q.weight"))
        #expect(names.contains("blocks.0.mlp.proj.weight"))
        #expect(!names.contains("head.weight"))
        #expect(!names.contains { $0.hasSuffix("bias") })
        // embed 7·8 + pos 5·8 + 2 blocks · (4·64 + 2·4·64 + 2·8) + final norm 8
        #expect(model.parameterCount == 56 + 40 + 2 * (256 + 512 + 16) + 8)
        #expect(model.parameterCount == model.plan.parameterCount)
        let untied = try Model(.gpt(vocabulary: 7, context: 5, depth: 1, heads: 2, width: 8, bias: true, tied: false))
        #expect(untied.parameters.map(\.name).contains("head.weight"))
        #expect(untied.parameterCount == untied.plan.parameterCount)
    }

    @Test func invalidDescriptionsAreRefusedWithTheLayer() {
        #expect(throws: ModelError.headsDoNotDivideWidth(layer: 2, width: 8, heads: 3)) {
            try Model(.gpt(vocabulary: 7, context: 5, depth: 1, heads: 3, width: 8))
        }
        #expect(throws: ModelError.needsSequence(layer: 1)) {
            try Model(ModelSpec(input: .features(width: 4), layers: [.dense(outputs: 4), .pool(.mean)]))
        }
        #expect(throws: ModelError.embeddingPlacement(layer: 0)) {
            try Model(ModelSpec(input: .tokens(vocabulary: 4, length: 3), layers: [.dense(outputs: 4)]))
        }
        #expect(throws: ModelError.tiedHeadWidth(layer: 2, embedding: 8, hidden: 4)) {
            try Model(ModelSpec(input: .tokens(vocabulary: 4, length: 3), layers: [.embedding(width: 8), .dense(outputs: 4), .lmHead(tied: true)]))
        }
        #expect(throws: ModelError.invalidValue(layer: 1, what: "dropout", value: 1)) {
            try Model(ModelSpec(input: .features(width: 4), layers: [.dense(outputs: 4), .dropout(1)]))
        }
        #expect(throws: ModelError.noLayers) { try Model(ModelSpec(input: .features(width: 4), layers: [])) }
    }

    @Test func freezeByPatternAndBlockRange() throws {
        let model = try Model(tiny)
        let total = model.parameterCount
        #expect(try model.freeze(matching: "embed") == 1)
        #expect(model.trainableParameterCount == total - 56)
        try model.freezeBlocks(0..<2)
        #expect(model.trainableParameterCount == 40 + 8)
        try model.unfreeze(matching: "blocks.1.attn.*")
        #expect(model.trainableParameterCount == 48 + 4 * 64)
        #expect(throws: ModelError.noMatch(pattern: "decoder")) { try model.freeze(matching: "decoder") }
        #expect(NamePattern("blocks.*.attn.q").matches("blocks.3.attn.q.weight"))
        #expect(!NamePattern("blocks.1").matches("blocks.10.ln1.weight"))
    }

    @Test func wholeModelGradientsMatchFiniteDifferences() throws {
        let model = try Model(.gpt(vocabulary: 5, context: 4, depth: 1, heads: 2, width: 4, bias: true, tied: true), seed: 3)
        try expectModelGradientsMatch(model, lmBatch(batch: 2, length: 4, vocabulary: 5, seed: 1))
    }

    @Test func loraStartsAtTheBaseModelAndMergesExactly() throws {
        let model = try Model(.gpt(vocabulary: 7, context: 5, depth: 1, heads: 2, width: 8), seed: 1)
        let input = lmBatch(batch: 2, length: 5, vocabulary: 7, seed: 2).input
        let before = try model.predict(input)
        #expect(throws: ModelError.noMatch(pattern: "*.attn.z")) { try model.addLoRA(matching: "*.attn.z", rank: 2, alpha: 4) }
        #expect(try model.addLoRA(matching: "*.attn.q", rank: 2, alpha: 4) == 1)
        #expect(try model.addLoRA(matching: "*.attn.v", rank: 2, alpha: 4) == 1)
        #expect(model.trainableParameterCount == model.parameterCount - 2 * 64)
        let adapters = model.parameters.filter { $0.name.contains("lora") }
        #expect(adapters.map(\.name) == ["blocks.0.attn.q.lora_a", "blocks.0.attn.q.lora_b", "blocks.0.attn.v.lora_a", "blocks.0.attn.v.lora_b"])
        #expect(model.parameter(named: "blocks.0.attn.q.weight")?.requiresGrad == false)
        #expect(try model.predict(input) == before)
        for named in adapters { try named.parameter.assign(randomTensor(named.parameter.shape, seed: 9)) }
        let adapted = try model.predict(input)
        #expect(adapted != before)
        #expect(model.mergeLoRA() == 2)
        let merged = try model.predict(input)
        for (a, b) in zip(adapted.scalars, merged.scalars) { #expect(abs(a - b) < 1e-4) }
        #expect(!model.parameters.contains { $0.name.contains("lora") })
    }
}
