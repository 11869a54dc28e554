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
        #expect(finch.error("prune net")?.message == "'prune' needs sparsity: (masked weights), neurons: or heads: (a smaller model)")
        #expect(finch.error("prune net sparsity: 0.5 neurons: 0.5")?.message
            == "'prune' takes one of sparsity:, neurons: or heads:, not sparsity and neurons")
        #expect(finch.error("prune net sparsity: 0.5 layer: 1")?.message == "layer: goes with heads: [...]")
    }

    static let attention = "model att {\n  embedding vocab: 20 dim: 8 context: 4\n  positions\n  repeat 2 { transformer heads: 4 }\n"
        + "  layernorm\n  classify classes: 2 pool: mean\n}"

    @Test func pruneByHeadsMakesASmallerTransformer() throws {
        finch.result(Self.attention)
        finch.result("h = prune att heads: 0.5")
        // Each head of width 2 in a width-8 block: 2 rows of q, k, v (with biases) and 2 columns of o, 70 weights.
        #expect(finch.sink.stdout.contains("h: blocks.0.attn 4 → 2, blocks.1.attn 4 → 2 heads; 1,970 → 1,690 parameters"))
        let summary = try #require(finch.result("summary h"))
        #expect(summary.contains("Transformer(2 heads × 2, mlp ×4, causal)"))
        finch.result("one = prune att heads: [0, 3] layer: 1")
        #expect(finch.sink.stdout.contains("one: blocks.1.attn 4 → 2 heads; 1,970 → 1,830 parameters"))
        #expect(finch.result("att.parameters") == "1970")
    }

    @Test func pruningEveryHeadOrAMissingOneIsRefusedAndTheModelStays() throws {
        finch.result(Self.attention)
        let before = try weights("att")
        let every = finch.error("prune att heads: [0, 1, 2, 3] layer: 0")
        #expect(every?.message == "that removes all 4 heads of attention layer 0; a layer must keep at least one")
        #expect(every?.range?.column == 18)
        #expect(finch.error("prune att heads: [4] layer: 0")?.message == "attention layer 0 has no head 4: it has 4 (0 to 3)")
        let layer = finch.error("prune att heads: [1] layer: 2")
        #expect(layer?.message == "the model has no attention layer 2: it has 2 (0 to 1)")
        #expect(layer?.range?.column == 29)
        #expect(finch.error("prune att heads: [1]")?.message == "heads: [...] needs layer: — the attention layer the heads belong to")
        #expect(finch.error("prune att heads: 0.5 layer: 1")?.message == "layer: goes with a list of heads, not a fraction")
        #expect(finch.error("prune att heads: 1")?.message == "the fraction of heads to prune must lie in [0, 1), got 1.0")
        #expect(finch.error("prune net heads: 0.5")?.message == "net: the model has no attention layer whose heads could be pruned")
        #expect(finch.error("q = quantize att; prune q heads: 0.5")?.message
            == "q: blocks.0.attn's projections are compressed already; prune heads before quantising, masking or factorising")
        #expect(try weights("att") == before)
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
