import FinchEngine
@testable import FinchLanguage
import Glibc
import Testing

/// `finetune … method: prompt(length: N)`: a soft prompt before the input of a frozen model.
@Suite struct PromptTuningTests {
    let finch = Harness()

    init() {
        finch.result("""
            seed 7
            text = corpus "reviews"
            tok = tokenizer words on: text
            reviews = dataset "reviews"
            fit, held = split reviews [80, 20] stratify: true
            few = sample fit per_class: 4
            model lm {
              embedding vocab: tok.size dim: 16 context: 12
              positions
              transformer heads: 2
              layernorm
              lm_head tied: true
            }
            pre = pretrain lm on text tokenizer: tok objective: next_token steps: 4 batch: 8
            clf = copy lm head: classify(classes: 2, pool: mean)
            """)
    }

    @Test func onlyThePromptAndTheHeadTrain() throws {
        finch.result("tuned = finetune clf on few method: prompt(length: 4) epochs: 2 lr: 1e-2")
        // length × width for the prompt, and the fresh head's weights and biases.
        #expect(finch.result("tuned.trainable") == String(4 * 16 + 16 * 2 + 2))
        #expect(finch.result("tuned.config.length") == "4")
        #expect(finch.result("tuned.config.method") == "prompt")
        let clf = try #require(finch.model("clf"))
        #expect(clf.model.promptLength == 4)
        // The texts are cut to the context less the prompt's positions.
        #expect(clf.textContext == 12 - 4)
        let summary = try #require(finch.result("summary clf"))
        #expect(summary.contains("prompt    soft prompt (4 vectors)"))
        finch.result("e = evaluate clf on held")
        let accuracy = try #require(Double(finch.result("e.accuracy") ?? ""))
        #expect(accuracy >= 0 && accuracy <= 1)
    }

    @Test func theDefaultLengthIsEight() throws {
        finch.result("tuned = finetune clf on few method: prompt epochs: 1")
        #expect(finch.model("clf")?.model.promptLength == 8)
        #expect(finch.result("tuned.trainable") == String(8 * 16 + 16 * 2 + 2))
    }

    @Test func aPromptTravelsWithCopiesAndCheckpoints() throws {
        let path = "/tmp/finch-prompt-test-\(getpid()).safetensors"
        defer { unlink(path) }
        finch.result("""
            finetune clf on few method: prompt(length: 3) epochs: 1
            save clf to "\(path)"
            back = load "\(path)"
            twin = copy clf head: classify(classes: 2)
            """)
        #expect(finch.model("back")?.model.promptLength == 3)
        #expect(finch.model("twin")?.model.promptLength == 3)
        let clf = try #require(finch.model("clf")?.model), twin = try #require(finch.model("twin")?.model)
        #expect(clf.softPrompt?.prompt.value.scalars == twin.softPrompt?.prompt.value.scalars)
    }

    @Test func aLanguageModelWithASoftPromptGivesLogitsButDoesNotGenerate() throws {
        finch.result("""
            finetune clf on few method: prompt(length: 3) epochs: 1
            talk = copy clf head: lm
            """)
        #expect(finch.model("talk")?.model.promptLength == 3)
        finch.result("e = evaluate talk on text")
        #expect(Double(finch.result("e.perplexity") ?? "").map { $0 > 1 } == true)
        let error = try #require(finch.error(#"generate talk from "the movie""#))
        #expect(error.message == "talk cannot generate: it has a soft prompt of 3 vectors, which the generator does not run")
        finch.result("reviews = dataset \"reviews\"")
        let prompting = try #require(finch.error(#"prompt talk on reviews template: "{text} it was" labels: record(positive: "good", negative: "bad")"#))
        #expect(prompting.message == "talk cannot be prompted: it has a soft prompt of 3 vectors, which the generator does not run")
    }

    @Test func badPromptLengthsSayWhatToWrite() throws {
        let tooLong = try #require(finch.error("finetune clf on few method: prompt(length: 12)"))
        #expect(tooLong.message == "a soft prompt of 12 vectors must be 1 to 11 long, to leave room for tokens in the context of 12")
        #expect(tooLong.note == "write method: prompt(length: N) with N below 12")
        finch.result("finetune clf on few method: prompt(length: 2) epochs: 1")
        let other = try #require(finch.error("finetune clf on few method: prompt(length: 5)"))
        #expect(other.message == "the model already has a soft prompt of 2 vectors")
        #expect(finch.model("clf")?.model.promptLength == 2)
        let features = Harness()
        features.define("train", Fixtures.blobs("train"))
        features.result(TrainingTests.mlp)
        let noTokens = try #require(features.error("finetune net on train method: prompt"))
        #expect(noTokens.message == "a soft prompt needs a token model with a layer after its embedding")
    }
}
