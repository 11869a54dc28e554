@testable import FinchEngine
import Glibc
import Testing

/// A token classifier with two Transformer blocks of 4 heads (width 16, head width 4) and one
/// bare attention layer of 2 heads, every weight drawn with a large spread so heads differ.
private func attentionClassifier(seed: UInt64 = 3) throws -> Model {
    let spec = ModelSpec(input: .tokens(vocabulary: 13, length: 6), layers: [
        .embedding(width: 16), .positionalEmbedding, .transformerBlock(heads: 4, causal: false), .transformerBlock(heads: 4, causal: false),
        .selfAttention(heads: 2, causal: false), .layerNorm(), .pool(.mean), .dense(outputs: 3),
    ])
    let model = try Model(spec, head: ModelHead(kind: .classify, firstLayer: 6), seed: seed)
    var g = Xoshiro(seed: seed &+ 50)
    for named in model.parameters { try named.parameter.assign(Tensor(normal: named.parameter.shape, std: 0.4, generator: &g)) }
    return model
}

/// Four sequences of six tokens.
private var input: ModelInput { .tokens((0..<24).map { Int32(($0 * 7 + 3) % 13) }, batch: 4, length: 6) }

private func largestDifference(_ a: Tensor, _ b: Tensor) -> Float {
    zip(a.scalars, b.scalars).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

/// Zeroes the output-projection columns of `head` in the attention layer at `path`: the head
/// then adds nothing, which is what removing it must reproduce.
private func silence(head: Int, of path: String, in model: Model) throws {
    let o = try #require(model.parameter(named: path + ".o.weight"))
    let width = try #require(model.attentionLayers.first { $0.path == path }).layer.headWidth
    let (rows, columns) = (o.shape[0], o.shape[1])
    var values = o.value.scalars
    for r in 0..<rows { for c in (head * width)..<((head + 1) * width) { values[r * columns + c] = 0 } }
    try o.assign(Tensor(shape: [rows, columns], values: values))
}

@Suite struct HeadPruningTests {
    @Test func removingAHeadGivesTheOutputOfTheModelWithThatHeadSilenced() throws {
        let model = try attentionClassifier()
        let smaller = try model.prunedHeads(removing: [0: [1], 1: [0, 3]])
        #expect(smaller.attentionLayers.map(\.layer.heads) == [3, 2, 2])
        #expect(smaller.spec.layers[2] == .transformerBlock(heads: 3, causal: false, headWidth: 4))
        try silence(head: 1, of: "blocks.0.attn", in: model)
        try silence(head: 0, of: "blocks.1.attn", in: model)
        try silence(head: 3, of: "blocks.1.attn", in: model)
        let difference = largestDifference(try smaller.predict(input), try model.predict(input))
        #expect(difference < 1e-5, "largest difference \(difference)")
    }

    @Test func theModelReallyShrinksByTheHeadsWeights() throws {
        let model = try attentionClassifier()
        let smaller = try model.prunedHeads(removing: [1: [2]])
        // One head of width 4 in a width-16 block: 4 rows of q, k, v and 4 columns of o, with
        // the biases of its q, k and v rows.
        #expect(model.parameterCount - smaller.parameterCount == 4 * 16 * 4 + 3 * 4)
        #expect(smaller.parameterCount == smaller.parameters.reduce(0) { $0 + $1.parameter.value.count })
        let q = try #require(smaller.parameter(named: "blocks.1.attn.q.weight"))
        #expect(q.shape == [12, 16])
    }

    @Test func aFractionRemovesTheLeastImportantHeadsOfEveryLayer() throws {
        let model = try attentionClassifier()
        // Head 2 of the first block writes almost nothing: its value rows are tiny.
        let v = try #require(model.parameter(named: "blocks.0.attn.v.weight"))
        var values = v.value.scalars
        for i in (2 * 4 * 16)..<(3 * 4 * 16) { values[i] *= 1e-3 }
        try v.assign(Tensor(shape: v.shape, values: values))
        let importance = try model.headImportance()
        #expect(importance.map(\.count) == [4, 4, 2])
        #expect(importance[0].indices.min { importance[0][$0] < importance[0][$1] } == 2)
        let smaller = try model.prunedHeads(fraction: 0.5)
        #expect(smaller.attentionLayers.map(\.layer.heads) == [2, 2, 1])
        let kept = try #require(smaller.parameter(named: "blocks.0.attn.v.weight")).value.scalars
        #expect(!kept.contains(values[2 * 4 * 16]))
        let none = try model.prunedHeads(fraction: 0)
        #expect(try none.predict(input) == model.predict(input))
    }

    @Test func aPrunedModelSavesAndLoadsWithItsNarrowerHeads() throws {
        let smaller = try attentionClassifier().prunedHeads(removing: [0: [0, 1, 2], 2: [1]])
        let path = temporaryPath("heads.safetensors")
        defer { unlink(path) }
        try smaller.save(to: path)
        let loaded = try Model.load(from: path).model
        #expect(loaded.spec == smaller.spec)
        #expect(try loaded.predict(input) == smaller.predict(input))
    }

    @Test func badRequestsAreRefusedAndTheModelStaysAsItWas() throws {
        let model = try attentionClassifier()
        let before = model.parameters.map(\.parameter.value)
        #expect(throws: CompressionError.everyHead(layer: 1, heads: 4)) { try model.prunedHeads(removing: [1: [0, 1, 2, 3]]) }
        #expect(throws: CompressionError.noSuchHead(4, layer: 0, heads: 4)) { try model.prunedHeads(removing: [0: [1, 4]]) }
        #expect(throws: CompressionError.noSuchAttentionLayer(3, count: 3)) { try model.prunedHeads(removing: [3: [0]]) }
        #expect(throws: CompressionError.headFraction(1)) { try model.prunedHeads(fraction: 1) }
        #expect(throws: CompressionError.headFraction(-0.1)) { try model.prunedHeads(fraction: -0.1) }
        #expect(throws: CompressionError.compressedAttention(path: "blocks.0.attn")) { try model.quantized().prunedHeads(fraction: 0.5) }
        let dense = try Model(.mlp(features: 4, hidden: [8], outputs: 2, activation: .relu), seed: 1)
        #expect(throws: CompressionError.noAttention) { try dense.prunedHeads(fraction: 0.5) }
        #expect(model.parameters.map(\.parameter.value) == before)
        #expect(model.attentionLayers.map(\.layer.heads) == [4, 4, 2])
    }
}
