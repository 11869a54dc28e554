import FinchData
import FinchEngine
@testable import FinchLanguage
import Glibc
import Testing

@Suite struct CompressionCommandTests {
    let finch = Harness()

    static let net = "model net {\n  input features: 4\n  dense 16 activation: relu\n  dense 8 activation: relu\n  classify classes: 2\n}"

    /// A session with `points` (two classes) and `net` trained on it.
    init() {
        finch.define("points", Fixtures.blobs())
        finch.result(CompressionCommandTests.net)
        finch.result("r = finetune net on points epochs: 5 lr: 1e-2")
    }

    private func weights(_ name: String) throws -> [Tensor] {
        try #require(finch.model(name)).model.parameters.map(\.parameter.value)
    }

    @Test func quantizeReturnsAnInt8CopyAndLeavesTheOriginal() throws {
        let before = try weights("net")
        finch.result("q = quantize net")
        #expect(try weights("net") == before)
        let q = try #require(finch.model("q"))
        #expect(q.model.isQuantized && q.classNames == ["low", "high"])
        #expect(finch.sink.stdout.contains("q: 3 dense layers of net in int8, one scale per output channel"))
        #expect(finch.result("q.parameters") == finch.result("net.parameters"))
        #expect(finch.result("q.origin") == #""int8 quantisation of net""#)
        let summary = try #require(finch.result("summary q"))
        #expect(summary.contains("dense.0 int8"))
        #expect(summary.contains("Trainable params: 26") && summary.contains("Frozen params: 208"))
    }

    @Test func quantizingAQuantisedModelIsRefused() {
        finch.result("q = quantize net")
        let error = finch.error("quantize q")
        #expect(error?.message == "q is quantised already: its weights are int8")
        #expect(error?.range?.column == 10)
    }

    @Test func pruneBySparsitySaysItSavesNoTime() throws {
        finch.result("s = prune net sparsity: 0.5 scope: layer")
        #expect(abs(try #require(finch.model("s")).model.sparsity - 0.5) < 0.01)
        #expect(finch.sink.stdout.contains("the weights stay dense, so unstructured sparsity saves no memory or time on a dense CPU kernel"))
        #expect(try #require(finch.model("net")).model.sparsity == 0)
    }

    @Test func pruneByNeuronsMakesASmallerModel() throws {
        finch.result("p = prune net neurons: 0.5")
        #expect(finch.result("p.parameters") == "86")
        #expect(finch.sink.stdout.contains("p: dense.0 16 → 8, dense.1 8 → 4 neurons; 234 → 86 parameters"))
        #expect(finch.result("net.parameters") == "234")
    }

    @Test func pruningOutsideZeroToOneIsRefusedAtTheArgument() {
        let sparsity = finch.error("prune net sparsity: 1")
        #expect(sparsity?.message == "sparsity must lie in [0, 1), got 1.0")
        #expect(sparsity?.range?.column == 21)
        #expect(finch.error("prune net neurons: 1")?.message == "the fraction of neurons to prune must lie in [0, 1), got 1.0")
        #expect(finch.error("prune net")?.message == "'prune' needs sparsity: (masked weights) or neurons: (a smaller model)")
        #expect(finch.error("prune net sparsity: 0.5 neurons: 0.5")?.message == "'prune' takes sparsity: or neurons:, not both")
    }

    @Test func factorizeRefusesARankLargerThanTheLayer() throws {
        let before = try weights("net")
        let error = finch.error("factorize net rank: 5")
        #expect(error?.message == "rank 5 does not fit dense.0, whose smaller width is 4")
        #expect(error?.range?.column == 21)
        #expect(try weights("net") == before)
        finch.result("f = factorize net rank: 2 layers: [\"dense.0\"]")
        #expect(finch.sink.stdout.contains("f: dense.0 (4→16) as two layers of rank 2; 234 → 210 parameters"))
    }

    @Test func distillTrainsAStudentOnTheTeachersSoftTargets() throws {
        finch.result("model student {\n  input features: 4\n  dense 4 activation: relu\n  classify classes: 2\n}")
        finch.result("d = distill student from: net on points temperature: 2 alpha: 0.5 epochs: 10 lr: 1e-2")
        let run = try #require(finch.run("d"))
        #expect(run.losses.count == 40)
        #expect(finch.result("d.config.temperature") == "2")
        #expect(try #require(finch.model("student")).classNames == ["low", "high"])
    }

    @Test func distillLearnsFromUnlabelledData() throws {
        let blobs = Fixtures.blobs().dataset
        guard case let .features(values, width) = blobs.inputs else { return }
        finch.define("unlabelled", DatasetObject(try Dataset(name: "unlabelled", features: values, width: width)))
        finch.result("model student {\n  input features: 4\n  dense 4 activation: relu\n  classify classes: 2\n}")
        finch.result("d = distill student from: net on unlabelled epochs: 20 lr: 1e-2")
        #expect(finch.result("d.config.alpha") == "1")
        #expect(finch.result("d.config.labels") == #""none: soft targets only""#)
        let evaluation = finch.result("e = evaluate student on points; e.accuracy")
        #expect(Double(evaluation ?? "") ?? 0 > 0.9)
    }

    @Test func distillRefusesAStudentWithOtherClasses() {
        finch.result("model wide {\n  input features: 4\n  classify classes: 3\n}")
        let error = finch.error("distill wide from: net on points")
        #expect(error?.message == "the student wide outputs 3 classes, the teacher net 2")
        #expect(error?.range?.column == 9)
    }

    @Test func compressionReportsEveryModelSideBySide() throws {
        finch.result("q = quantize net")
        finch.result("p = prune net neurons: 0.5")
        let table = try #require(finch.result("compression [net, q, p] on points repeats: 1"))
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines[0] == "compression on points (net is the original)")
        #expect(lines[1].split(separator: " ").map(String.init)
            == ["model", "weights", "zeros", "on", "disk", "smaller", "latency", "throughput", "accuracy", "f1", "Δ", "accuracy"])
        #expect(lines[3].hasPrefix("net"))
        #expect(lines[4].hasPrefix("q"))
        #expect(lines[5].hasPrefix("p "))
        #expect(lines[3].contains(" ex/s"))
        #expect(finch.error("compression [net] on r")?.message != nil)
    }

    @Test func quantisedAndPrunedModelsSaveAndLoad() throws {
        let path = "/tmp/finch-compression-command-\(getpid()).safetensors"
        defer { unlink(path) }
        finch.result("s = prune net sparsity: 0.5")
        finch.result("q = quantize s")
        finch.result("save q to \"\(path)\"")
        finch.result("l = load \"\(path)\"")
        let loaded = try #require(finch.model("l")), q = try #require(finch.model("q"))
        #expect(loaded.model.isQuantized)
        let input = ModelInput.features(try Tensor(shape: [2, 4], values: [1, 1, 1, 1, -1, -1, -1, -1]))
        #expect(try loaded.model.predict(input) == q.model.predict(input))
    }

    @Test func aCompressedModelIsNotCopiedWithLostWeights() {
        finch.result("q = quantize net")
        let error = finch.error("c = copy q head: classify(classes: 2)")
        #expect(error?.message == "q has compressed layers (int8, pruning masks or factors), which a copy cannot take")
        #expect(finch.model("c") == nil)
        finch.result("p = prune net neurons: 0.5")
        #expect(finch.result("c = copy p head: classify(classes: 2); c.parameters") == "86")
    }
}
