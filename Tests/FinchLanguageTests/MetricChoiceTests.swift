import FinchData
import FinchEngine
@testable import FinchLanguage
import Testing

/// F1, precision and recall as measures of runs and evaluations, and class weights for
/// imbalanced data.
@Suite struct MetricChoiceTests {
    let finch = Harness()

    /// `count` rows of 2 features: one in eight is class `rare`, a little apart from `common`.
    static func imbalanced(count: Int, seed: UInt64) -> DatasetObject {
        var generator = Xoshiro(seed: seed)
        var values: [Float] = [], labels: [Int] = []
        for index in 0..<count {
            let label = index % 8 == 0 ? 1 : 0
            values += [Float(label) * 1.2 + generator.nextNormal(), generator.nextNormal()]
            labels.append(label)
        }
        return DatasetObject(try! Dataset(name: "rare", features: values, width: 2, labels: labels, classNames: ["common", "rare"]))
    }

    init() {
        finch.define("fit", MetricChoiceTests.imbalanced(count: 160, seed: 1))
        finch.define("held", MetricChoiceTests.imbalanced(count: 80, seed: 2))
        finch.result("model net {\n input features: 2\n dense 8 activation: tanh\n classify classes: 2\n}")
    }

    @Test func balancedWeightsAreRecordedAndRaiseTheRareClassesRecall() throws {
        finch.result("c = copy net head: classify(classes: 2)")
        finch.result("plain = finetune net on fit epochs: 20 lr: 1e-2 validate: held")
        finch.result("weighted = finetune c on fit epochs: 20 lr: 1e-2 validate: held class_weights: balanced")
        #expect(finch.result("weighted.config.class_weights") == "[0.5714286, 4]")
        let plain = try #require(Double(finch.result("plain.recall") ?? ""))
        let weighted = try #require(Double(finch.result("weighted.recall") ?? ""))
        #expect(weighted > plain, "weighting the rare class makes the model find more of it")
        #expect(finch.result("compare [plain, weighted] by: recall")?.contains("comparison by recall") == true)
    }

    @Test func f1PrecisionAndRecallOfTwoClassesAreThoseOfThePositiveClass() throws {
        finch.result("run = finetune net on fit epochs: 5 lr: 1e-2 validate: held early_stop: val_f1 patience: 3")
        finch.result("e = evaluate net on held")
        let evaluation = try #require(finch.session.interpreter.variables["e"]?.object(EvaluationObject.self))
        let rare = evaluation.matrix.scores(of: 1)
        #expect(finch.result("e.f1") == Value.number(rare.f1).text)
        #expect(finch.result("e.recall") == Value.number(rare.recall).text)
        #expect(finch.result("e.macro_f1") == Value.number(evaluation.matrix.macro.f1).text)
        #expect(finch.result("run.f1") == finch.result("e.f1"), "the run's last validation is the same data and weights")
        #expect(finch.result("run.macro_f1") == finch.result("e.macro_f1"))
    }

    @Test func classWeightsMustFitTheClasses() throws {
        let error = try #require(finch.error("finetune net on fit class_weights: [1, 2, 3]"))
        #expect(error.message == "'class_weights:' needs one positive number for each of the 2 classes of rare")
        #expect(error.note == "its classes are common, rare; or write class_weights: balanced")
        #expect(finch.error("finetune net on fit class_weights: 3")?.message == "'class_weights:' needs balanced or a list of numbers, not a number")
        #expect(finch.error("finetune net on fit early_stop: val_f2")?.note == "did you mean 'val_f1'?")
    }

    @Test func labelSmoothingMakesAFewLabelClassifierLessSureAndIsRecorded() throws {
        finch.result("c = copy net head: classify(classes: 2)")
        finch.result("plain = finetune net on fit epochs: 40 lr: 3e-2")
        finch.result("smooth = finetune c on fit epochs: 40 lr: 3e-2 label_smoothing: 0.2")
        #expect(finch.result("smooth.config.label_smoothing") == "0.2")
        finch.result("a = evaluate net on held")
        finch.result("b = evaluate c on held")
        let plain = try #require(Double(finch.result("a.confidence") ?? ""))
        let smoothed = try #require(Double(finch.result("b.confidence") ?? ""))
        #expect(smoothed < plain, "a smoothed target stops short of certainty")
        #expect(smoothed <= 0.9 + 1e-6, "with ε = 0.2 over 2 classes the loss is least at confidence 0.9")
        let evaluation = try #require(finch.session.interpreter.variables["a"]?.object(EvaluationObject.self))
        #expect(finch.result("a.ece") == Value.number(evaluation.calibration.expectedError).text)
    }

    @Test func anAnchorHoldsTheBodyNearItsStartingWeightsAndIsRecorded() throws {
        finch.result("c = copy net head: classify(classes: 2)")
        func model(_ name: String) throws -> Model {
            try #require(finch.session.interpreter.variables[name]?.object(ModelObject.self)).model
        }
        func body(_ model: Model) -> [Float] { model.parameters.filter { !model.isInHead($0.name) }.flatMap(\.parameter.value.scalars) }
        let start = body(try model("net"))
        #expect(body(try model("c")) == start)
        finch.result("free = finetune net on fit epochs: 40 lr: 3e-2")
        finch.result("held = finetune c on fit epochs: 40 lr: 3e-2 anchor: 1")
        #expect(finch.result("held.config.anchor") == "1")
        func moved(_ name: String) throws -> Float { zip(body(try model(name)), start).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) }
        #expect(try moved("c") < 0.5 * moved("net"))
        #expect(finch.error("finetune c on fit anchor: -1")?.message == "'anchor' must be a number from 0 to 1000, not -1")
    }

    @Test func labelSmoothingIsForClassesAndBelowOneHalf() throws {
        #expect(finch.error("finetune net on fit label_smoothing: 0.7")?.message == "'label_smoothing' must be a number from 0 to 0.5, not 0.7")
    }
}
