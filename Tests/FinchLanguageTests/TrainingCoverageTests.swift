import FinchData
import FinchEngine
@testable import FinchLanguage
import Testing

/// Masked-LM pre-training, early stopping, discriminative learning rates and the real digits.
@Suite struct TrainingCoverageTests {
    let finch = Harness()

    private func mean(_ values: ArraySlice<Double>) -> Double { values.reduce(0, +) / Double(values.count) }

    @Test func maskedPretrainingLowersTheLoss() throws {
        finch.define("text", TokensObject(name: "text", stream: Fixtures.cycle))
        finch.result("model lm {\n embedding vocab: 6 dim: 16\n positions 8\n transformer heads: 2 causal: false\n layernorm\n lm_head\n}")
        finch.result("pre = pretrain lm on text objective: masked mask_rate: 0.25 steps: 200 batch: 8 lr: 1e-2")
        let run = try #require(finch.run("pre"))
        #expect(run.method == "masked")
        #expect(run.losses.count == 200)
        #expect(mean(run.losses.suffix(10)) < mean(run.losses.prefix(10)) / 2)
        #expect(run.validations.count == 10)
    }

    /// Validation labels opposite to the training labels: the better the model fits, the worse
    /// the validation loss, so early stopping ends the run after `patience` bad evaluations.
    @Test func earlyStoppingEndsTheRunWhenValidationStopsImproving() throws {
        let points = Fixtures.blobs("train").dataset
        let flipped = try FinchData.Dataset(name: "flipped", features: (0..<points.count).flatMap { Array(points.featureRow($0)) },
                                            width: 4, labels: points.labels?.map { 1 - $0 }, classNames: points.classNames)
        finch.define("train", Fixtures.blobs("train"))
        finch.define("flipped", DatasetObject(flipped))
        finch.result("model net {\n  input features: 4\n  dense 8 activation: relu\n  classify classes: 2\n}")
        finch.result("ft = finetune net on train steps: 200 lr: 1e-2 validate: flipped eval_every: 2 early_stop: val_loss(patience: 3)")
        let run = try #require(finch.run("ft"))
        #expect(run.validations.count == 4)
        #expect(run.losses.count == 8)
        #expect(run.note == "stopped early after step 8: val_loss did not improve for 3 evaluations")
        finch.result("model net {\n  input features: 4\n  dense 8 activation: relu\n  classify classes: 2\n}")
        finch.result("all = finetune net on train steps: 20 lr: 1e-2 validate: flipped eval_every: 2")
        #expect(finch.run("all")?.losses.count == 20)
    }

    static let deep = "model net {\n  input features: 4\n  dense 8 activation: relu\n  dense 8 activation: relu\n  classify classes: 2\n}"

    @Test func layerDecayGivesLowerLayersSmallerRates() throws {
        finch.result(TrainingCoverageTests.deep)
        let net = try #require(finch.model("net"))
        let scales = Dictionary(uniqueKeysWithValues: TuningMethod.discriminativeGroups(net, decay: 0.5).map { ($0.pattern, $0.learningRateScale) })
        #expect(scales["dense.2"] == 1)
        #expect(scales["dense.1"] == 0.5)
        #expect(scales["dense.0"] == 0.25)
    }

    /// One SGD step from the same weights and batch: the first layer moves by the decayed rate.
    @Test func layerDecayScalesTheUpdatesOfTheFirstLayer() throws {
        func firstLayerChange(_ options: String) throws -> Double {
            let harness = Harness()
            harness.define("train", Fixtures.blobs("train"))
            harness.result(TrainingCoverageTests.deep)
            let net = try #require(harness.model("net"))
            let before = try #require(net.model.parameter(named: "dense.0.weight")).value.scalars
            harness.result("ft = finetune net on train steps: 1 optimizer: sgd lr: 0.1 " + options)
            let after = try #require(net.model.parameter(named: "dense.0.weight")).value.scalars
            return zip(before, after).reduce(0) { $0 + Double(abs($1.0 - $1.1)) }
        }
        let full = try firstLayerChange(""), decayed = try firstLayerChange("layer_decay: 0.5")
        #expect(full > 0)
        #expect(abs(decayed / full - 0.25) < 1e-3)
    }

    @Test func theDigitsDataSetIsTheRealOne() {
        finch.result("digits = dataset \"digits\"")
        #expect(finch.result("digits.length") == "1797")
        #expect(finch.result("digits.features") == "64")
        #expect(finch.result("length(digits.classes)") == "10")
        finch.result("fit, held = split digits [80, 20]")
        #expect(finch.result("fit.length") == "1438")
        #expect(finch.result("held.length") == "359")
        finch.result("few = sample fit per_class: 5")
        #expect(finch.result("few.length") == "50")
    }
}
