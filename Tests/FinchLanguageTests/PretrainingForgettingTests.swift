@testable import FinchLanguage
import Testing

/// After `finetune` of a pre-trained model's copy, the run re-scores the pre-training objective
/// on the held-out text `pretrain` validated on, under the pre-trained head, and shows how much
/// it rose.
@Suite struct PretrainingForgettingTests {
    let finch = Harness()

    /// A small language model pre-trained on `reviews`, and few labelled reviews.
    private func pretrain() {
        let outcome = finch.result("""
            seed 3
            text = corpus "reviews"
            tok = tokenizer words on: text
            reviews = dataset "reviews"
            fit, held = split reviews [80, 20] stratify: true
            few = sample fit per_class: 10
            model lm {
              embedding vocab: tok.size dim: 16 context: 24
              positions
              transformer heads: 2
              layernorm
              lm_head tied: true
            }
            pre = pretrain lm on text tokenizer: tok steps: 20 batch: 8 eval_every: 10
            """)
        #expect(outcome?.hasPrefix("unexpected") != true, "\(outcome ?? "")")
    }

    private func number(_ expression: String) throws -> Double {
        try #require(Double(finch.result(expression) ?? ""), "\(expression) is a number")
    }

    @Test func theLossBeforeIsThePreTrainedModelsAndAFullFineTuneRaisesIt() throws {
        pretrain()
        finch.result("clf = copy lm head: classify classes: 2 pool: mean")
        finch.result("ft = finetune clf on few method: full epochs: 5 lr: 1e-2")
        let lastValidation = try #require(finch.run("pre")?.validations.last)
        #expect(lastValidation.step == 20)
        #expect(abs(try number("ft.pretrain_loss_before") - lastValidation.loss) < 1e-4, "the same weights on the same held-out batches")
        #expect(try number("ft.pretrain_loss_after") > number("ft.pretrain_loss_before") + 0.05)
        #expect(finch.sink.displayedText.contains("pre-training next_token loss on its held-out data:"))
    }

    @Test func aProbeForgetsNothingAndACopyOfTheCopyKeepsThePreTraining() throws {
        pretrain()
        finch.result("clf = copy lm head: classify classes: 2 pool: mean")
        finch.result("probe = finetune clf on few method: probe epochs: 3 lr: 1e-2")
        #expect(try number("probe.pretrain_loss_after") == number("probe.pretrain_loss_before"), "the body is frozen")
        finch.result("again = copy clf head: classify classes: 2")
        finch.result("ft = finetune again on few method: full epochs: 1")
        #expect(try number("ft.pretrain_loss_before") == number("probe.pretrain_loss_before"))
    }

    @Test func loraCountsItsAdaptersMergedOrNot() throws {
        pretrain()
        for (name, merge) in [("kept", "false"), ("merged", "true")] {
            finch.result("clf = copy lm head: classify classes: 2 pool: mean")
            finch.result("\(name)_run = finetune clf on few method: lora rank: 4 targets: [\"attn\", \"mlp\"] merge: \(merge) epochs: 5 lr: 1e-2 seed: 5")
        }
        let kept = try number("kept_run.pretrain_loss_after"), merged = try number("merged_run.pretrain_loss_after")
        #expect(kept != (try number("kept_run.pretrain_loss_before")), "the adapters changed what the body computes")
        #expect(abs(kept - merged) < 1e-3)
    }

    @Test func aModelThatWasNotPreTrainedShowsNoForgetting() throws {
        finch.define("points", Fixtures.blobs(count: 32))
        finch.result("model net { input features: 4; classify classes: 2 }")
        finch.result("run = finetune net on points epochs: 1")
        #expect(finch.result("run.pretrain_loss_before") == nil)
        #expect(!finch.sink.displayedText.contains("pre-training"))
    }
}
