import FinchDisplay
import FinchEngine
@testable import FinchLanguage
import Testing

@Suite struct TrainingTests {
    let finch = Harness()

    static let lm = """
        model lm {
          embedding vocab: 6 dim: 8
          positions 8
          transformer heads: 2
          layernorm
          lm_head
        }
        """

    static let mlp = "model net {\n  input features: 4\n  dense 8 activation: relu\n  classify classes: 2\n}"

    private func mean(_ values: ArraySlice<Double>) -> Double { values.reduce(0, +) / Double(values.count) }

    @Test func nextTokenPretrainingLowersTheLoss() throws {
        finch.define("text", TokensObject(name: "text", stream: Fixtures.cycle))
        finch.result(TrainingTests.lm)
        finch.result("pre = pretrain lm on text steps: 40 batch: 4 lr: 1e-2")
        let run = try #require(finch.run("pre"))
        #expect(run.losses.count == 40)
        #expect(mean(run.losses.suffix(5)) < mean(run.losses.prefix(5)) / 2)
        #expect(run.validations.count == 10)
        #expect(finch.result("pre.steps") == "40")
        #expect(finch.result("pre.method") == #""next_token""#)
        #expect(finch.result("pre.config.batch") == "4")
        #expect(finch.result("pre.version") == "\"\(FinchRelease.version)\"")
    }

    @Test func theSameSeedGivesIdenticalLosses() throws {
        let other = Harness()
        for harness in [finch, other] {
            harness.define("text", TokensObject(name: "text", stream: Fixtures.cycle))
            harness.result(TrainingTests.lm)
            harness.result("pre = pretrain lm on text steps: 5 batch: 2")
        }
        let first = try #require(finch.run("pre")), second = try #require(other.run("pre"))
        #expect(first.losses == second.losses)
        #expect(first.seed == second.seed)
        other.result("seed 1")
        other.result(TrainingTests.lm)
        other.result("pre = pretrain lm on text steps: 5 batch: 2")
        #expect(other.run("pre")?.losses != first.losses)
    }

    @Test func progressEndsAtItsLastStepAndTheRunFollowsAsItsOwnOutputs() throws {
        finch.define("text", TokensObject(name: "text", stream: Fixtures.cycle))
        finch.result(TrainingTests.lm)
        finch.result("pre = pretrain lm on text steps: 3 batch: 2")
        guard case .display(let first, let id?) = finch.sink.events.first(where: { if case .display = $0 { true } else { false } }) else {
            Issue.record("no progress display")
            return
        }
        #expect(first.plainText.contains("pretrain lm"))
        let last = finch.sink.events.suffix(3)
        guard case .update(let bar, id: id) = last.first, case .display(let table, id: nil) = last.dropFirst().first,
              case .display(let chart, id: nil) = last.last else {
            Issue.record("expected the final bar, the run's table and its chart; got \(last)")
            return
        }
        #expect(bar.plainText.contains("100%") && bar.plainText.contains("3/3"))
        #expect(table["text/html"]?.contains("<table") == true)
        #expect(table["text/html"]?.contains("<svg") == false, "untrusted notebooks strip SVG inside HTML")
        #expect(chart["image/svg+xml"]?.hasPrefix("<svg") == true)
        #expect(chart.plainText.contains("pre: loss"))
        #expect(finch.sink.stdout.contains("trainable"))
        #expect(finch.sink.stdout.contains("seed"))
    }

    @Test func anUnassignedRunIsShownOnce() throws {
        finch.define("text", TokensObject(name: "text", stream: Fixtures.cycle))
        finch.result(TrainingTests.lm)
        #expect(finch.result("pretrain lm on text steps: 3 batch: 2") == nil, "the run was shown as training ended")
        let tables = finch.sink.events.filter { if case .display(let bundle, nil) = $0 { bundle["text/html"]?.contains("<table") == true } else { false } }
        #expect(tables.count == 1)
        #expect(finch.result("runs")?.contains("run 1") == true)
    }

    @Test func aLogGetsProgressAsAFewLines() throws {
        finch.sink.redrawsInPlace = false
        finch.define("text", TokensObject(name: "text", stream: Fixtures.cycle))
        finch.result(TrainingTests.lm)
        finch.result("pre = pretrain lm on text steps: 40 batch: 2")
        let lines = finch.sink.stderr.split(separator: "\n")
        #expect(lines.count == 10)
        #expect(lines.last?.contains("100%") == true && lines.last?.contains("40/40") == true)
        #expect(!finch.sink.events.contains { if case .update = $0 { true } else { false } })
    }

    @Test func denoisingPretrainingRebuildsFeatures() throws {
        finch.define("points", Fixtures.blobs("points"))
        finch.result("model ae {\n  input features: 4\n  dense 8 activation: tanh\n  reconstruct\n}")
        finch.result("pre = pretrain ae on points steps: 60 batch: 16 lr: 1e-2")
        let run = try #require(finch.run("pre"))
        #expect(run.method == "denoise")
        #expect(mean(run.losses.suffix(5)) < mean(run.losses.prefix(5)) / 2)
    }

    @Test func denoisingNeedsAReconstructHead() {
        finch.define("points", Fixtures.blobs("points"))
        finch.result(TrainingTests.mlp)
        let error = finch.error("pretrain net on points")
        #expect(error?.message == "denoising rebuilds the 4 features, but net outputs 2 values")
        #expect(error?.note == "end the model with 'reconstruct'")
    }

    @Test func fullFineTuningLearnsSeparableClasses() throws {
        finch.define("train", Fixtures.blobs("train"))
        finch.define("val", Fixtures.blobs("val", count: 20))
        finch.result(TrainingTests.mlp)
        finch.result("ft = finetune net on train epochs: 5 lr: 1e-2 validate: val")
        let run = try #require(finch.run("ft"))
        #expect(run.losses.count == 20)
        #expect(run.validations.map(\.step) == [4, 8, 12, 16, 20])
        #expect((run.accuracy ?? 0) >= 0.95)
        #expect(finch.result("ft.trainable") == finch.result("ft.parameters"))
    }

    @Test func aProbeTrainsOnlyTheHead() throws {
        finch.define("train", Fixtures.blobs("train"))
        finch.result(TrainingTests.mlp)
        let net = try #require(finch.model("net"))
        let body = try #require(net.model.parameter(named: "dense.0.weight")).value
        let head = try #require(net.model.parameter(named: "dense.1.weight")).value
        finch.result("probe = finetune net on train method: probe epochs: 2 lr: 1e-2")
        #expect(net.model.parameter(named: "dense.0.weight")?.value == body)
        #expect(net.model.parameter(named: "dense.1.weight")?.value != head)
        #expect(finch.result("probe.trainable") == "18")
        #expect(finch.sink.stdout.contains("trainable 18 of 58 parameters"))
    }

    @Test func aRunSaysBeforehandHowMuchMemoryAndTimeAStepTakes() throws {
        finch.define("train", Fixtures.blobs("train"))
        finch.result(TrainingTests.mlp)
        finch.result("f = finetune net on train steps: 5")
        let header = try #require(finch.sink.stdout.split(separator: "\n").first { $0.hasPrefix("finetune net") })
        let pattern = /about \d+ KiB and [\d.e-]+ms per step \(~[\d.e-]+s in all\)/
        #expect(header.contains(pattern), "\(header)")
    }

    @Test func aRunShowsItselfInOneNarrowTable() throws {
        finch.define("train", Fixtures.blobs("train"))
        finch.result(TrainingTests.mlp)
        let text = try #require(finch.result("f = finetune net on train steps: 5 seed: 3; f"))
        #expect(text.hasPrefix("run f: finetune net (full), 58 of 58 parameters trained\nsteps  final loss"), "\(text)")
        #expect(!text.contains("folded"))
        // The version is the run's property and the notebook's language_info, not a footer on every table.
        #expect(!text.contains("Finch \(FinchRelease.version)"))
        #expect(finch.result("f.version") == "\"\(FinchRelease.version)\"")
    }

    @Test func aRunIsShownOnceNotAgainAsTheCellsResult() throws {
        finch.define("train", Fixtures.blobs("train"))
        finch.result(TrainingTests.mlp)
        #expect(finch.result("finetune net on train steps: 3") == nil)
        #expect(finch.result("r = finetune net on train steps: 3; r.steps") == "3")
        #expect(finch.result("runs")?.contains("finetune") == true)
    }

    @Test func freezingKeepsTheNamedLayers() throws {
        finch.define("train", Fixtures.blobs("train"))
        finch.result(TrainingTests.mlp)
        let net = try #require(finch.model("net"))
        let body = try #require(net.model.parameter(named: "dense.0.weight")).value
        finch.result(#"f = finetune net on train method: freeze(layers: ["dense.0"]) epochs: 1"#)
        #expect(net.model.parameter(named: "dense.0.weight")?.value == body)
        let error = finch.error(#"finetune net on train method: freeze layers: ["dens.0"]"#)
        #expect(error?.message == "no layer of net matches 'dens.0'")
        #expect(error?.note == "did you mean 'dense.0'?")
    }

    @Test func loraLeavesBaseWeightsUntilMerged() throws {
        finch.define("train", Fixtures.blobs("train"))
        finch.result("model net {\n  input features: 4\n  dense 8 activation: relu\n  dense 8 activation: relu\n  classify classes: 2\n}")
        let net = try #require(finch.model("net"))
        let base = try #require(net.model.parameter(named: "dense.0.weight")).value
        finch.result(#"a = finetune net on train method: lora rank: 2 alpha: 4 targets: ["dense.0", "dense.1"] epochs: 2 lr: 1e-2"#)
        #expect(net.model.parameter(named: "dense.0.weight")?.value == base)
        #expect(net.model.parameter(named: "dense.0.lora_a") != nil)
        let adapters = (2 * 4 + 8 * 2) + (2 * 8 + 8 * 2)
        #expect(finch.result("a.trainable") == String(adapters + 18))
        #expect(try #require(finch.result("summary net")).contains("LoRA adapters"))
        finch.result(#"b = finetune net on train method: lora targets: ["dense.0"] rank: 2 merge: true epochs: 1"#)
        #expect(net.model.parameter(named: "dense.0.lora_a") == nil)
        #expect(net.model.parameter(named: "dense.0.weight")?.value != base)
    }

    @Test func theMemoryGuardRefusesAndSaysWhatToShrink() {
        finch.define("text", TokensObject(name: "text", stream: Fixtures.cycle))
        finch.result(TrainingTests.lm)
        let error = finch.error("pretrain lm on text batch: 20000 memory_mb: 1")
        #expect(error?.message.hasPrefix("one training step needs about ") == true)
        #expect(error?.message.hasSuffix("over the budget of 1 MiB") == true)
        #expect(error?.note == "activations dominate: lower batch: (now 20000) or context: (now 8)")
    }

    @Test func aDivergingRunStopsWithANote() throws {
        finch.define("points", Fixtures.blobs("points", scale: 1e6))
        finch.result("model ae {\n  input features: 4\n  dense 4\n  reconstruct\n}")
        finch.result("pre = pretrain ae on points steps: 50 optimizer: sgd lr: 10")
        let run = try #require(finch.run("pre"))
        #expect(run.losses.count < 50)
        #expect(run.note?.contains("the loss became NaN or infinite") == true)
        #expect(finch.sink.stderr.contains("Try a lower lr: (now 10) or clip: 1"))
    }

    @Test func anInterruptKeepsTheFinishedStepsAndReturnsAPartialRun() throws {
        let countdown = Countdown(checks: 4)
        let finch = Harness(isInterrupted: { countdown.check() })
        finch.define("text", TokensObject(name: "text", stream: Fixtures.cycle))
        let spec = ModelSpec(input: .tokens(vocabulary: 6, length: 4), layers: [.embedding(width: 4), .lmHead(tied: true)])
        finch.define("lm", ModelObject(name: "lm", model: try Model(spec, head: ModelHead(kind: .lm, firstLayer: 1)), seed: 0, origin: "test"))
        let error = finch.error("pre = pretrain lm on text steps: 100 batch: 2")
        #expect(error?.kind == .interrupted)
        #expect(error?.message == "interrupted by the user; pre kept what finished before the interrupt")
        let run = try #require(finch.run("pre"))
        #expect(run.losses.count == 3)
        #expect(run.note == "interrupted after step 3 of 100; the weights are those of step 3")
    }

    @Test func fineTuningChecksTheClassCount() {
        finch.define("train", Fixtures.blobs("train"))
        finch.result("model net {\n  input features: 4\n  classify classes: 3\n}")
        let error = finch.error("finetune net on train")
        #expect(error?.message == "train has 2 classes, but net outputs 3 values")
        #expect(error?.note == "make a classifier with 'copy net head: classify(classes: 2)'")
    }
}
