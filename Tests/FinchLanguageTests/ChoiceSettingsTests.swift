import FinchEngine
@testable import FinchLanguage
import Testing

/// Settings of a choice written inside it (`method: lora(rank: 2)`) or beside it (`method: lora rank: 2`).
@Suite struct ChoiceSettingsTests {
    let finch = Harness()

    init() {
        finch.define("train", Fixtures.blobs("train"))
        finch.result(TrainingTests.mlp)
    }

    @Test func settingsInsideAChoiceAreTheCommandsKeywords() throws {
        finch.result(#"a = finetune net on train method: lora(rank: 2, alpha: 4, targets: ["dense.0"]) epochs: 1"#)
        #expect(finch.result("a.config.rank") == "2")
        #expect(finch.result("a.config.alpha") == "4")
        #expect(finch.result("a.trainable") == String(2 * 4 + 8 * 2 + 18))
    }

    @Test func insideAndBesideGiveTheSameRun() throws {
        let other = Harness()
        other.define("train", Fixtures.blobs("train"))
        other.result(TrainingTests.mlp)
        finch.result("a = finetune net on train optimizer: sgd(momentum: 0.9) schedule: cosine(warmup: 2) epochs: 1 seed: 3")
        other.result("a = finetune net on train optimizer: sgd momentum: 0.9 schedule: cosine warmup: 2 epochs: 1 seed: 3")
        let inside = try #require(finch.run("a")), beside = try #require(other.run("a"))
        #expect(inside.losses == beside.losses)
        #expect(finch.result("a.config.momentum") == "0.9")
    }

    @Test func aVariableGivesTheChoiceItHolds() throws {
        finch.result(#"methods = []; for m in ["probe", "full"] { r = finetune net on train method: m epochs: 1; methods = methods + [r.method] }"#)
        #expect(finch.result("methods") == #"["probe", "full"]"#)
        let error = try #require(finch.error(#"m = "lorra"; finetune net on train method: m"#))
        #expect(error.message == "'lorra' is not a value of method:; expected full, freeze, probe, lora, prompt")
        #expect(finch.error("finetune net on train method: nothing")?.message.hasPrefix("'nothing' is not a value of method:") == true,
                "a word that is neither a choice nor a variable")
    }

    @Test func aSettingOfAnotherChoiceIsRefused() throws {
        let error = try #require(finch.error("finetune net on train method: full rank: 4"))
        #expect(error.message == "'rank:' is a setting of method: lora, not of full")
        #expect(error.note == "full takes no settings")
        #expect(error.range?.column == 42)
        let optimizer = try #require(finch.error("finetune net on train optimizer: adam decay: 0.1"))
        #expect(optimizer.message == "'decay:' is a setting of optimizer: adamw, not of adam")
        let patience = try #require(finch.error("finetune net on train patience: 3"))
        #expect(patience.message == "'patience:' is a setting of early_stop: val_accuracy or val_f1 or val_loss or val_macro_f1 or val_precision or val_recall, not of none")
    }

    @Test func anUnknownSettingNamesTheChoicesSettings() throws {
        let error = try #require(finch.error("finetune net on train method: lora(rnak: 4)"))
        #expect(error.message == "'rnak' is not a setting of method: lora")
        #expect(error.note == "did you mean 'rank'?")
        let other = try #require(finch.error("finetune net on train method: lora(epochs: 4)"))
        #expect(other.note == "lora takes rank:, alpha:, targets:, merge:")
    }

    @Test func aSettingWithoutItsNameOrGivenTwiceIsRefused() throws {
        let positional = try #require(finch.error("finetune net on train method: lora(4)"))
        #expect(positional.message == "the settings of method: lora are written name: value")
        let twice = try #require(finch.error("finetune net on train method: lora(rank: 4) rank: 2"))
        #expect(twice.message == "'rank' is given twice")
    }

    @Test func aSettingIsCheckedLikeItsKeyword() throws {
        let error = try #require(finch.error(#"finetune net on train method: lora(rank: "four")"#))
        #expect(error.message == "'finetune' needs a number for rank:, not a string")
        let word = try #require(finch.error("finetune net on train method: lorra(rank: 2)"))
        #expect(word.message == "'lorra' is not a value of method:; expected full, freeze, probe, lora, prompt")
    }

    @Test func earlyStoppingCanWatchValidationAccuracy() throws {
        finch.define("held", Fixtures.blobs("held"))
        finch.result("a = finetune net on train steps: 400 eval_every: 2 validate: held early_stop: val_accuracy(patience: 2)")
        let run = try #require(finch.run("a"))
        #expect(run.losses.count < 400)
        #expect(run.note?.contains("val_accuracy did not improve for 2 evaluations") == true)
    }
}
