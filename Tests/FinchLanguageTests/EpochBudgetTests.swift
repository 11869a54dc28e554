@testable import FinchLanguage
import Testing

/// `finetune` without `epochs:` or `steps:` trains for about 4,000 steps, in whole passes.
@Suite struct EpochBudgetTests {
    let finch = Harness()

    @Test(arguments: [(7, 500), (9, 445), (1, 500), (2000, 3), (1000, 4), (400, 10), (85, 48)])
    func choosesWholePassesForAboutFourThousandSteps(stepsPerEpoch: Int, epochs: Int) {
        #expect(EpochBudget.epochs(stepsPerEpoch: stepsPerEpoch) == epochs)
    }

    @Test func aFinetuneWithoutEpochsOrStepsRunsTheBudgetAndSaysSo() throws {
        finch.define("points", Fixtures.blobs(count: 112))
        finch.result("model net { input features: 4; classify classes: 2 }")
        finch.result("run = finetune net on points")
        #expect(finch.run("run")?.losses.count == 7 * 500)
        #expect(finch.result("run.config.epochs") == "500")
        #expect(finch.sink.stdout.contains("finetune net (full): 3500 steps (500 epochs: auto), seed"))
        finch.result("again = finetune net on points epochs: auto batch: 12")
        #expect(finch.run("again")?.losses.count == 10 * 400)
        #expect(finch.result("again.config.epochs") == "400")
    }

    @Test func givenEpochsOrStepsAreKeptAsWritten() throws {
        finch.define("points", Fixtures.blobs(count: 112))
        finch.result("model net { input features: 4; classify classes: 2 }")
        finch.result("a = finetune net on points epochs: 2")
        finch.result("b = finetune net on points steps: 5")
        #expect(finch.run("a")?.losses.count == 14)
        #expect(finch.run("b")?.losses.count == 5)
        #expect(!finch.sink.stdout.contains("auto"))
        #expect(finch.error(#"finetune net on points epochs: "often""#)?.message.contains("epochs") == true)
    }
}

/// `pretrain` without `steps:` or `lr:` trains long enough to matter: 6,000 steps at 3e-3, while
/// `finetune` keeps 1e-3.
@Suite struct PretrainingDefaultsTests {
    let finch = Harness()

    @Test func pretrainDefaultsToSixThousandStepsAtThreeTimesTheFineTuningRate() throws {
        finch.define("text", TokensObject(name: "text", stream: Fixtures.cycle))
        finch.result(TrainingTests.lm)
        finch.result("pre = pretrain lm on text batch: 2")
        let run = try #require(finch.run("pre"))
        #expect(run.losses.count == 6000)
        #expect(run.learningRates.allSatisfy { abs($0 - 3e-3) < 1e-9 })
        finch.define("points", Fixtures.blobs(count: 32))
        finch.result("model net { input features: 4; classify classes: 2 }")
        finch.result("tuned = finetune net on points epochs: 1")
        #expect(finch.run("tuned")?.learningRates.allSatisfy { abs($0 - 1e-3) < 1e-9 } == true)
        #expect(Command.pretrain.keywords.first { $0.name == "lr" }?.defaultValue == .number(3e-3), "help shows the default")
        #expect(Command.finetune.keywords.first { $0.name == "lr" }?.defaultValue == .number(1e-3))
    }
}
