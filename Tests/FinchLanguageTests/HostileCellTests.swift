import FinchData
import FinchEngine
@testable import FinchLanguage
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Cells that used to kill the kernel (issue 11's fuzzing): each is now a clear error, and the
/// session goes on.
@Suite struct HostileCellTests {
    let finch = Harness()

    @Test func aHugeListShowsItsEndsAndLength() throws {
        let shown = try #require(finch.result("(1..10000000).list"))
        #expect(shown == "[1, 2, 3, 4, 5, …, 9999996, 9999997, 9999998, 9999999, 10000000] (10,000,000 elements)")
        #expect(finch.result("(1..1000).list")?.hasSuffix("999, 1000]") == true, "up to a thousand elements show whole")
        #expect(finch.result("length((1..10000000).list)") == "10000000", "only the display is short")
    }

    @Test func aHugeStringShowsItsBeginningAndLength() throws {
        finch.result(#"s = "ab"; repeat 22 { s = s + s }; t = "ab"; repeat 12 { t = t + t }"#)
        let shown = try #require(finch.result("s"))
        #expect(shown == "\"" + String(repeating: "ab", count: 500) + "\"… (8,388,608 characters)")
        #expect(finch.result("s.length") == "8388608", "only the display is short")
        #expect(finch.result("t")?.count == 8194, "up to ten thousand bytes show whole")
    }

    @Test func predictOnAnEmptyListIsAnError() {
        finch.define("train", Fixtures.blobs("train"))
        finch.result(TrainingTests.mlp)
        let error = finch.error("predict net on []")
        #expect(error?.message == "'predict' needs at least one input, but the list is empty")
        #expect(finch.result("1 + 1") == "2")
    }

    @Test func predictWithALanguageModelPointsToGenerate() {
        finch.result(TrainingTests.lm)
        let error = finch.error("predict lm on [[1, 2, 3]]")
        #expect(error?.message == "lm outputs a vector at every position, not one prediction per example")
        #expect(error?.note == "use 'generate lm from …' to continue a text")
    }

    @Test func aModelTooLargeToBuildIsRefusedBeforeAllocating() {
        let wide = "model wide {\n  input features: 64\n  repeat 50 { dense 100000 }\n  classify classes: 2\n}"
        let error = finch.error(wide)
        #expect(error?.message.hasPrefix("the model needs about ") == true)
        #expect(error?.message.hasSuffix("for its weights and gradients, over the budget of 2048 MiB") == true)
        #expect(finch.error("wide") != nil)
        let huge = "model huge {\n  embedding vocab: 10000000 dim: 100000\n  lm_head\n}"
        #expect(finch.error(huge)?.message.hasPrefix("the model needs about 7629395 MiB") == true)
    }

    @Test func aConfusionMatrixOverTheBudgetIsRefused() throws {
        let classes = 20_000
        let names = (0..<classes).map { "c\($0)" }
        let data = try FinchData.Dataset(name: "many", features: [Float](repeating: 0, count: classes), width: 1,
                                         labels: Array(0..<classes), classNames: names)
        finch.define("many", DatasetObject(data))
        finch.result("model wide {\n  input features: 1\n  classify classes: 20000\n}")
        let error = finch.error("evaluate wide on many")
        #expect(error?.message == "a confusion matrix of 20000 classes needs about 3052 MiB, over the budget of 2048 MiB")
    }
}

/// Huge sizes never overflow an Int in the engine's plan: they are typed errors.
@Suite struct HostilePlanTests {
    @Test func sizesBeyondReasonAreTooLargeNotATrap() {
        let spec = ModelSpec(input: .tokens(vocabulary: 8, length: 4),
                             layers: [.embedding(width: 8), .transformerBlock(heads: 1, causal: true, bias: true, mlpRatio: Int.max / 2, dropout: 0)])
        #expect(throws: ModelError.tooLarge(layer: 1)) { try spec.plan() }
        let wide = ModelSpec(input: .features(width: Int.max / 4), layers: [.dense(outputs: Int.max / 4)])
        #expect(throws: ModelError.tooLarge(layer: 0)) { try wide.plan() }
    }

    @Test func aModelOverTheBudgetIsRefusedBeforeItIsBuilt() throws {
        let spec = ModelSpec.mlp(features: 1000, hidden: [1000], outputs: 10)
        let bytes = try spec.plan().bytesToBuild
        #expect(bytes == 8 * (1000 * 1000 + 1000 + 1000 * 10 + 10))
        #expect(throws: ModelError.overBudget(bytes: bytes, budget: 1 << 20)) { try Model(spec, memoryBudget: 1 << 20) }
        _ = try Model(spec, memoryBudget: bytes)
    }
}
