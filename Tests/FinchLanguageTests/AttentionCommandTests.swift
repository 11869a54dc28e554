import FinchEngine
@testable import FinchLanguage
import Testing

/// `attention MODEL on TEXT`: heatmaps of attention, one head, a layer's heads, or the rollout.
@Suite struct AttentionCommandTests {
    let finch = Harness()

    init() {
        finch.result("""
            seed 7
            text = corpus "reviews"
            tok = tokenizer words on: text
            model lm {
              embedding vocab: tok.size dim: 16 context: 12
              positions
              repeat 2 { transformer heads: 2 }
              layernorm
              lm_head tied: true
            }
            pre = pretrain lm on text tokenizer: tok objective: next_token steps: 2 batch: 8
            """)
    }

    @Test func oneHeadIsATokensByTokensHeatmap() throws {
        let text = try #require(finch.result(#"attention lm on "the movie was" layer: 1 head: 0"#))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == #"attention of lm, layer 1 (blocks.1.attn), head 0 on "the movie was""#)
        #expect(lines[1].split(separator: " ") == ["the", "movie", "was"])
        #expect(lines[2].hasPrefix("  the ") && lines[3].hasPrefix("movie ") && lines[4].hasPrefix("  was "))
        // Causal: the first token attends only to itself.
        #expect(lines[2].hasSuffix("█████"))
    }

    @Test func everyHeadOfALayerByDefaultAndTheRollout() throws {
        let grid = try #require(finch.result(#"attention lm on "the film""#))
        #expect(grid.hasPrefix(#"attention of lm, layer 0 (blocks.0.attn), 2 heads on "the film""#))
        #expect(grid.contains("head 0") && grid.contains("head 1"))
        #expect(finch.result(#"attention lm on "the film" heads: all"#) == grid)
        let rollout = try #require(finch.result(#"attention lm on "the film" rollout: true"#))
        #expect(rollout.hasPrefix(#"attention rollout of lm over 2 layers on "the film""#))
    }

    @Test func aSoftPromptsPositionsAreLabelled() throws {
        finch.result("""
            reviews = dataset "reviews"
            few = sample reviews per_class: 2
            clf = copy lm head: classify(classes: 2)
            finetune clf on few method: prompt(length: 2) epochs: 1
            """)
        let text = try #require(finch.result(#"attention clf on "the movie" head: 1"#))
        #expect(text.split(separator: "\n")[1].split(separator: " ") == ["<p0>", "<p1>", "the", "movie"])
    }

    @Test func badRequestsSayWhatThereIs() throws {
        let layer = try #require(finch.error(#"attention lm on "the film" layer: 2"#))
        #expect(layer.message == "there is no attention layer 2: the model has 2 (0 to 1)")
        #expect(layer.note == "write layer: 0 to layer: 1")
        let head = try #require(finch.error(#"attention lm on "the film" head: 5"#))
        #expect(head.message == "attention layer 0 has no head 5: it has 2 (0 to 1)")
        let long = try #require(finch.error(#"attention lm on "a b c d e f g h i j k l m""#))
        #expect(long.message == "the text has 13 tokens, but the model reads at most 12")
        let empty = try #require(finch.error(#"attention lm on """#))
        #expect(empty.message == "the text has no tokens")
        let both = try #require(finch.error(#"attention lm on "the" head: 0 heads: all"#))
        #expect(both.message == "'head:' shows one head and 'heads: all' every head; give one of them")
        let rollout = try #require(finch.error(#"attention lm on "the" rollout: true layer: 1"#))
        #expect(rollout.note == "leave out layer:, or leave out rollout: true")
        finch.result("model bag {\n  embedding vocab: tok.size dim: 8 context: 12\n  classify classes: 2 pool: mean\n}")
        let none = try #require(finch.error(#"attention bag on "the" tokenizer: tok"#))
        #expect(none.message == "bag has no attention layer to show")
        #expect(none.note == "attention maps need a model with 'transformer' or 'attention' layers")
    }

    @Test func insideAModelItIsStillALayer() throws {
        finch.result("""
            model a {
              embedding vocab: 10 dim: 8 context: 4
              attention heads: 2
              classify classes: 2
            }
            """)
        #expect(finch.model("a")?.model.layerTree.contains { $0.layer is SelfAttention } == true)
        #expect(finch.error("attention heads: 2")?.message == "'attention' describes a layer: write it inside 'model NAME { … }'")
    }
}
