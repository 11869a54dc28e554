@testable import FinchEngine
import Testing

/// The attention probabilities of a forward pass, and their rollout across layers.
@Suite struct AttentionWeightsTests {
    @Test func everyLayerAndHeadGivesAMapWhoseRowsSumToOne() throws {
        let model = try Model(.gpt(vocabulary: 7, context: 6, depth: 2, heads: 2, width: 8), seed: 1)
        let weights = try model.attentionWeights(tokens: [1, 2, 3, 4])
        #expect(weights.layerPaths == ["blocks.0.attn", "blocks.1.attn"])
        #expect(weights.layers == 2 && weights.heads(of: 1) == 2 && weights.length == 4)
        for layer in 0..<2 {
            for map in try weights.maps(layer: layer) {
                for (i, row) in map.enumerated() {
                    #expect(abs(row.reduce(0, +) - 1) < 1e-5)
                    // Causal: nothing above the diagonal.
                    #expect(row[(i + 1)...].allSatisfy { $0 == 0 })
                }
            }
        }
        let rollout = weights.rollout
        for row in rollout { #expect(abs(row.reduce(0, +) - 1) < 1e-5) }
    }

    @Test func theRolloutOfOneLayerIsItsHeadMeanHalvedWithTheIdentity() throws {
        let model = try Model(.sequenceClassifier(vocabulary: 9, length: 8, depth: 1, heads: 2, width: 8, classes: 2), seed: 2)
        let weights = try model.attentionWeights(tokens: [3, 1, 4])
        let heads = try weights.maps(layer: 0)
        for i in 0..<3 {
            for j in 0..<3 {
                let expected = 0.5 * (heads[0][i][j] + heads[1][i][j]) / 2 + (i == j ? 0.5 : 0)
                #expect(abs(weights.rollout[i][j] - expected) < 1e-6)
            }
        }
    }

    @Test func aSoftPromptsPositionsComeFirst() throws {
        let model = try Model(.gpt(vocabulary: 7, context: 6, depth: 1, heads: 2, width: 8), seed: 1)
        try model.addSoftPrompt(length: 2)
        let weights = try model.attentionWeights(tokens: [1, 2, 3])
        #expect(weights.length == 5 && weights.promptLength == 2)
        #expect(try weights.map(layer: 0, head: 1).count == 5)
        #expect(throws: AttentionError.tooLong(tokens: 5, capacity: 4)) { try model.attentionWeights(tokens: [1, 2, 3, 4, 5]) }
    }

    @Test func readingTheMapsChangesNoPrediction() throws {
        let model = try Model(.gpt(vocabulary: 7, context: 6, depth: 1, heads: 2, width: 8), seed: 1)
        let input = ModelInput.tokens([1, 2, 3], batch: 1, length: 3)
        let before = try model.predict(input).scalars
        _ = try model.attentionWeights(tokens: [1, 2, 3])
        #expect(try model.predict(input).scalars == before)
    }

    @Test func badRequestsSayWhatThereIs() throws {
        #expect(throws: AttentionError.noAttention) { try Model(.mlp(features: 3, hidden: [4], outputs: 2)).attentionWeights(tokens: [1]) }
        let model = try Model(.gpt(vocabulary: 7, context: 6, depth: 2, heads: 2, width: 8), seed: 1)
        #expect(throws: AttentionError.emptyInput) { try model.attentionWeights(tokens: []) }
        #expect(throws: AttentionError.tooLong(tokens: 7, capacity: 6)) { try model.attentionWeights(tokens: Array(repeating: 1, count: 7)) }
        #expect(throws: AttentionError.tokenOutOfRange(9, vocabulary: 7)) { try model.attentionWeights(tokens: [9]) }
        let weights = try model.attentionWeights(tokens: [1, 2])
        #expect(throws: AttentionError.noSuchLayer(2, layers: 2)) { try weights.maps(layer: 2) }
        #expect(throws: AttentionError.noSuchHead(2, heads: 2, layer: 0)) { try weights.map(layer: 0, head: 2) }
        #expect(AttentionError.noSuchHead(2, heads: 2, layer: 0).description == "attention layer 0 has no head 2: it has 2 (0 to 1)")
    }
}
