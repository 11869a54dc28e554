import FinchDisplay
import FinchEngine
@testable import FinchLanguage
import Testing

@Suite struct ModelTests {
    let finch = Harness()

    static let tinyGPT = """
        model gpt {
          embedding vocab: 12 dim: 8
          positions 6
          repeat 2 { transformer heads: 2 }
          layernorm
          lm_head tied: true
        }
        """

    @Test func aModelBlockBindsAModelOfTheWrittenLayers() {
        finch.result(ModelTests.tinyGPT)
        #expect(finch.result("gpt.layers") == #"["embed", "pos", "blocks.0", "blocks.1", "norm.0", "head"]"#)
        #expect(finch.result("gpt.context") == "6")
        #expect(finch.result("gpt.vocab") == "12")
        #expect(finch.result("gpt.head") == #""lm""#)
        let expected = 12 * 8 + 6 * 8 + 2 * (4 * (64 + 8) + 2 * 4 * 64 + 32 + 8 + 4 * 8) + 16
        #expect(finch.result("gpt.parameters") == String(expected))
    }

    @Test func theSameSeedDrawsTheSameWeights() throws {
        finch.result(ModelTests.tinyGPT)
        let first = try #require(finch.session.interpreter.variables["gpt"]?.object(ModelObject.self))
        finch.result(ModelTests.tinyGPT)
        let second = try #require(finch.session.interpreter.variables["gpt"]?.object(ModelObject.self))
        #expect(first !== second)
        #expect(first.model.parameters.map(\.parameter.value) == second.model.parameters.map(\.parameter.value))
        finch.result("seed 7")
        finch.result(ModelTests.tinyGPT)
        let third = try #require(finch.session.interpreter.variables["gpt"]?.object(ModelObject.self))
        #expect(first.model.parameters[0].parameter.value != third.model.parameters[0].parameter.value)
    }

    @Test func seedGivesAndSetsTheSessionSeed() {
        #expect(finch.result("seed") == "42")
        finch.result("seed 7")
        #expect(finch.result("seed") == "7")
    }

    @Test func summaryListsLayersShapesAndTotals() throws {
        finch.result("model mlp {\n input features: 4\n dense 3 activation: relu\n classify classes: 2\n}")
        let text = try #require(finch.result("summary mlp"))
        #expect(text.contains("dense.0"))
        #expect(text.contains("[3]"))
        #expect(text.contains("Total params: 23"))
        #expect(text.contains("Frozen params: 0"))
        guard case .success(let bundle) = finch.session.execute("summary mlp") else { return }
        #expect(bundle?.main["text/html"]?.contains("<table") == true)
    }

    @Test func aLayerOutsideAModelBlockIsAClearError() {
        #expect(finch.error("dense 4")?.message == "'dense' describes a layer: write it inside 'model NAME { … }'")
    }

    @Test func headsThatDoNotDivideTheWidthPointAtTheLayer() throws {
        let error = try #require(finch.error("model m {\n  embedding vocab: 5 dim: 6\n  transformer heads: 4\n}"))
        #expect(error.message == "4 heads do not divide the width 6")
        #expect(error.range?.line == 3)
        #expect(error.range?.column == 3)
        #expect(error.note == "use heads: 3, or a width divisible by 4")
    }

    @Test func aFailedModelBlockKeepsEarlierVariables() {
        finch.result("x = 1")
        _ = finch.error("model m {\n  input features: 3\n  attention heads: 1\n}")
        #expect(finch.result("x") == "1")
        #expect(finch.error("m")?.message == "unknown name 'm'")
    }

    @Test func layersAfterTheHeadAreRefused() {
        let error = finch.error("model m {\n input features: 3\n classify classes: 2\n dense 4\n}")
        #expect(error?.message == "a head must be the model's last layer")
        #expect(error?.range?.line == 4)
    }

    @Test func copyReplacesTheHeadAndCopiesTheBodyWeights() throws {
        finch.result(ModelTests.tinyGPT)
        finch.result("clf = copy gpt head: classify classes: 3 pool: mean")
        let gpt = try #require(finch.session.interpreter.variables["gpt"]?.object(ModelObject.self))
        let clf = try #require(finch.session.interpreter.variables["clf"]?.object(ModelObject.self))
        #expect(finch.result("clf.layers") == #"["embed", "pos", "blocks.0", "blocks.1", "norm.0", "pool.0", "dense.0"]"#)
        #expect(finch.result("clf.head") == #""classify""#)
        #expect(finch.result("clf.name") == #""clf""#)
        #expect(clf.model.parameter(named: "blocks.1.attn.q.weight")?.value == gpt.model.parameter(named: "blocks.1.attn.q.weight")?.value)
        #expect(clf.model.parameter(named: "embed.weight")?.value == gpt.model.parameter(named: "embed.weight")?.value)
        try clf.model.parameter(named: "embed.weight")?.assign(Tensor(zeros: [12, 8]))
        #expect(gpt.model.parameter(named: "embed.weight")?.value != clf.model.parameter(named: "embed.weight")?.value)
        #expect(finch.result("gpt.head") == #""lm""#)
    }

    @Test func copyOfASequenceBodyWithoutPoolingIsRefused() throws {
        finch.result(ModelTests.tinyGPT)
        let error = try #require(finch.error("clf = copy gpt head: classify classes: 2 pool: none"))
        #expect(error.message == "the body outputs a sequence (one vector per position); a classify head needs one vector per example")
        #expect(error.note == "write pool: mean (or pool: first)")
        #expect(error.range?.column == 22)
    }

    @Test func anLMHeadOnAFeatureModelIsRefused() {
        finch.result("model m {\n input features: 3\n dense 4\n}")
        #expect(finch.error("c = copy m head: lm")?.message == "an lm head predicts tokens, but this model reads features")
    }

    @Test func modelPropertiesComplete() {
        finch.result(ModelTests.tinyGPT)
        let completion = finch.session.complete("gpt.tra", cursor: 7)
        #expect(completion.matches == ["trainable"])
        #expect(finch.session.complete("c = copy gpt head: cl", cursor: 21).matches == ["classify"])
    }
}

/// Single-precision settings show their shortest decimal form.
@Suite struct FloatFormatTests {
    @Test func aDropoutRateReadsAsWritten() {
        #expect(Value.format(Float(0.1)) == "0.1")
        #expect(Value.format(Float(0.003)) == "0.003")
        #expect(Value.format(Float(2)) == "2")
        #expect(ModelObject.kind(of: .dropout(0.1), isHead: false) == "Dropout(0.1)")
    }
}
