@testable import FinchData
@testable import FinchLanguage
import Glibc
import Testing

/// `evaluate LM on TEXT`: loss, perplexity and bits per token and character on held-out text.
@Suite struct LanguageModelEvaluationTests {
    let finch = Harness()

    /// A character tokenizer `tok` of `text`, five repeating characters, and a small untrained `lm`.
    static func prepare(_ finch: Harness) {
        finch.define("text", CorpusObject(Corpus(name: "abcd", text: String(repeating: "abcd ", count: 200))))
        finch.result("""
            seed 3
            tok = tokenizer chars on: text
            model lm {
              embedding vocab: tok.size dim: 16 context: 8
              positions
              transformer heads: 2
              layernorm
              lm_head
            }
            """)
    }

    private func prepare() { Self.prepare(finch) }

    @Test func anUntrainedModelIsNearAUniformGuessAndTrainingLowersTheLoss() throws {
        prepare()
        finch.result("before = evaluate lm on text tokenizer: tok")
        let vocabulary = try #require(Double(finch.result("tok.size") ?? ""))
        let untrained = try #require(Double(finch.result("before.loss") ?? ""))
        #expect(abs(untrained - log(vocabulary)) < 0.6, "a fresh model spreads its guesses: \(untrained) vs ln \(vocabulary)")
        finch.result("pre = pretrain lm on text tokenizer: tok steps: 150 batch: 8 lr: 1e-2")
        finch.result("after = evaluate lm on text")
        let trained = try #require(Double(finch.result("after.loss") ?? ""))
        #expect(trained < untrained / 3, "five repeating characters are easy to predict: \(trained)")
        #expect(finch.result("after.perplexity") == finch.result("exp(after.loss)"))
        #expect(finch.result("after.bits_per_token") == finch.result("after.loss / log(2)"))
        #expect(finch.result("after.bits_per_char") == finch.result("after.bits_per_token"), "one character per token")
        // 1000 characters in non-overlapping windows of 8 predicted tokens: 124 windows.
        #expect(finch.result("after.tokens") == "992")
        #expect(finch.result("after")?.contains("bits per character") == true)
    }

    @Test func tokensHaveNoBitsPerCharacterAndOtherDataIsRefused() throws {
        prepare()
        finch.define("ids", TokensObject(name: "ids", stream: TokenStream(ids: Array(repeating: [4, 5, 6], count: 20).flatMap { $0 }, vocabulary: 7)))
        finch.result("e = evaluate lm on ids context: 4")
        #expect(finch.result("e.bits_per_char") == nil, "none: no value to show")
        #expect(finch.result("e.tokens") == "56")
        let error = finch.error(#"evaluate lm on [1, 2]"#)
        #expect(error?.message == "evaluating a language model needs a corpus or tokens after 'on', not a list")
    }
}

/// `pretrain … validate: HELD`: explicit held-out text instead of the last tenth.
@Suite struct PretrainingValidationTests {
    let finch = Harness()

    @Test func heldOutTextIsValidatedOnAndTheWholeTextTrained() throws {
        LanguageModelEvaluationTests.prepare(finch)
        finch.define("held", CorpusObject(Corpus(name: "held", text: String(repeating: "dcba ", count: 40))))
        finch.result("pre = pretrain lm on text tokenizer: tok steps: 60 batch: 8 lr: 1e-2 validate: held")
        let run = try #require(finch.run("pre"))
        #expect(run.validations.count == 10)
        finch.result("e = evaluate lm on held")
        // The last validation is the held-out text's loss (up to its windows: the run measures 16 batches at most).
        let last = try #require(run.validations.last?.loss), measured = try #require(Double(finch.result("e.loss") ?? ""))
        #expect(abs(last - measured) < 1e-3)
        #expect(finch.error("pretrain lm on text tokenizer: tok steps: 5 validate: [1]")?.message
                == "'validate:' of a token objective needs a corpus or tokens, not a list")
        finch.define("short", CorpusObject(Corpus(name: "short", text: "ab")))
        #expect(finch.error("pretrain lm on text tokenizer: tok steps: 5 validate: short")?.message
                == "the validation text has 2 tokens, too few for a context of 8")
    }
}
