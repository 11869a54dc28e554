@testable import FinchEngine
import Testing

/// The model as a tree of layers, and replacing a layer by path (the mechanism adapters use).
@Suite struct LayerTreeTests {
    @Test func theTreeListsEveryLayerWithItsPath() throws {
        let model = try Model(.gpt(vocabulary: 7, context: 5, depth: 1, heads: 2, width: 8), seed: 1)
        #expect(model.layerTree.map(\.path) == [
            "pos", "blocks.0", "blocks.0.ln1", "blocks.0.attn", "blocks.0.attn.q", "blocks.0.attn.k", "blocks.0.attn.v",
            "blocks.0.attn.o", "blocks.0.ln2", "blocks.0.mlp.fc", "blocks.0.mlp.proj", "norm.0", "head",
        ])
        #expect(model.linearLayers.map(\.name) == ["blocks.0.attn.q", "blocks.0.attn.k", "blocks.0.attn.v", "blocks.0.attn.o",
                                                   "blocks.0.mlp.fc", "blocks.0.mlp.proj"])
    }

    @Test func aReplacementMustFitItsPlace() throws {
        let model = try Model(.gpt(vocabulary: 7, context: 5, depth: 1, heads: 2, width: 8), seed: 1)
        var generator = Xoshiro(seed: 1)
        let wide = Dense(inputs: 8, outputs: 16, bias: false, initialiser: .fanIn, generator: &generator)
        #expect(throws: ModelError.replacementDoesNotFit(path: "blocks.0.attn.q")) { try model.replaceLayer(at: "blocks.0.attn.q", with: wide) }
        #expect(throws: ModelError.replacementDoesNotFit(path: "blocks.0.ln1")) { try model.replaceLayer(at: "blocks.0.ln1", with: wide) }
        #expect(throws: ModelError.noMatch(pattern: "blocks.3.attn.q")) { try model.replaceLayer(at: "blocks.3.attn.q", with: wide) }
        // The MLP's expansion is 8 → 32: a layer of those widths takes its place, parameters and all.
        let fc = Dense(inputs: 8, outputs: 32, bias: false, initialiser: .fanIn, generator: &generator)
        try model.replaceLayer(at: "blocks.0.mlp.fc", with: fc)
        #expect(model.parameter(named: "blocks.0.mlp.fc.weight") === fc.weight)
    }

    @Test func anAdapterTakesTheLayersPlaceAndMergingPutsItBack() throws {
        let model = try Model(.mlp(features: 4, hidden: [8], outputs: 2), seed: 2)
        let dense = try #require(model.linearLayers.first?.layer as? Dense)
        try model.addLoRA(matching: "dense.0", rank: 2, alpha: 4)
        let adapter = try #require(model.adapters.first)
        #expect(adapter.name == "dense.0" && adapter.adapter.base === dense)
        #expect(model.layers[0].layer is LoRA)
        #expect(model.parameters.map(\.name) == ["dense.0.weight", "dense.0.bias", "dense.0.lora_a", "dense.0.lora_b",
                                                 "dense.1.weight", "dense.1.bias"])
        #expect(throws: ModelError.noMatch(pattern: "dense.0")) { try model.addLoRA(matching: "dense.0", rank: 2, alpha: 4) }
        #expect(model.mergeLoRA() == 1)
        #expect(model.layers[0].layer === dense)
        #expect(model.adapters.isEmpty)
    }
}
