@testable import FinchEngine
import Testing

/// Right padding with real sequence lengths: mean pooling and bidirectional attention ignore the
/// positions past each sequence's length, forward and backward.
@Suite struct PaddingMaskTests {
    @Test func maskedMeanPoolGradientsMatchFiniteDifferences() {
        expectGradientsMatch([randomTensor([3, 4, 2], seed: 1)]) { g, v in g.meanPool(v[0], lengths: [2, 4, 1]) }
    }

    @Test func maskedMeanPoolAveragesTheRealPositionsOnly() {
        let g = Graph()
        let x = g.variable(try! Tensor(shape: [2, 3, 1], values: [1, 2, 100, 4, 5, 6]))
        let pooled = g.meanPool(x, lengths: [2, 3])
        #expect(g.value(of: pooled).scalars == [1.5, 5])
        g.backward(from: g.sum(pooled))
        let third: Float = 1 / 3
        #expect(g.gradient(of: x).scalars == [0.5, 0.5, 0, third, third, third])
    }

    @Test func maskedAttentionGradientsMatchFiniteDifferences() {
        let q = randomTensor([2, 5, 6], seed: 1), k = randomTensor([2, 5, 6], seed: 2), v = randomTensor([2, 5, 6], seed: 3)
        expectGradientsMatch([q, k, v]) { g, x in g.attention(q: x[0], k: x[1], v: x[2], heads: 2, causal: false, lengths: [3, 5]) }
        expectGradientsMatch([randomTensor([2, 5, 18], seed: 4)]) { g, x in
            g.attention(packed: x[0], heads: 2, causal: false, lengths: [2, 4])
        }
    }

    @Test func maskedAttentionMatchesTheNaiveReference() {
        let lengths: [Int32] = [3, 5]
        let q = randomTensor([2, 5, 8], seed: 1), k = randomTensor([2, 5, 8], seed: 2), v = randomTensor([2, 5, 8], seed: 3)
        var fast = [Float](repeating: 0, count: 80), probs = [Float](repeating: 0, count: 2 * 2 * 25)
        lengths.withUnsafeBufferPointer { keyLengths in
            let s = AttentionShape(batch: 2, length: 5, width: 8, heads: 2, causal: false, keyLengths: keyLengths.baseAddress)
            q.withUnsafePointer { qp in k.withUnsafePointer { kp in v.withUnsafePointer { vp in
                attentionForward(&fast, probs: &probs, q: qp, k: kp, v: vp, shape: s)
            } } }
        }
        let naive = Naive.Attention(batch: 2, length: 5, width: 8, heads: 2, causal: false, lengths: [3, 5])
        expectClose(fast, Naive.attention(q: q.scalars, k: k.scalars, v: v.scalars, naive), "out")
        // Example 0, head 0: every query row gives the two pad keys no weight.
        for row in 0..<5 { #expect(probs[row * 5 + 3] == 0 && probs[row * 5 + 4] == 0) }
    }

    @Test func realPositionsAttendAsIfThePaddingWereNotThere() {
        // Rows of example 0 with 3 real positions of 5 equal attention over those 3 alone.
        let q = randomTensor([1, 5, 4], seed: 1), k = randomTensor([1, 5, 4], seed: 2), v = randomTensor([1, 5, 4], seed: 3)
        let g = Graph()
        let padded = g.value(of: g.attention(q: g.constant(q), k: g.constant(k), v: g.constant(v), heads: 2, causal: false,
                                             lengths: [3])).scalars
        let prefix = { (t: Tensor) in g.constant(try! Tensor(shape: [1, 3, 4], values: Array(t.scalars[0..<12]))) }
        let alone = g.value(of: g.attention(q: prefix(q), k: prefix(k), v: prefix(v), heads: 2, causal: false)).scalars
        for i in 0..<12 { #expect(abs(padded[i] - alone[i]) < 1e-6) }
    }

    @Test func causalAttentionIgnoresTheLengths() {
        let qkv = randomTensor([2, 5, 12], seed: 1)
        let g = Graph()
        let x = g.constant(qkv)
        #expect(g.value(of: g.attention(packed: x, heads: 2, causal: true, lengths: [2, 3]))
            == g.value(of: g.attention(packed: x, heads: 2, causal: true)))
    }

    /// A body that pools (`head: false`) or a classifier with the same weights (`head: true`).
    func model(causal: Bool, head: Bool) throws -> Model {
        var layers: [LayerSpec] = [.embedding(width: 16), .positionalEmbedding]
        layers += [.transformerBlock(heads: 2, causal: causal), .transformerBlock(heads: 2, causal: causal), .layerNorm(), .pool(.mean)]
        if head { layers.append(.dense(outputs: 3)) }
        return try Model(ModelSpec(input: .tokens(vocabulary: 12, length: 16), layers: layers), seed: 5)
    }

    /// Two texts of 5 and 8 tokens, padded with id 0 to `length`, with their real lengths.
    func texts(paddedTo length: Int, lengths: Bool = true) -> ModelInput {
        let texts: [[Int32]] = [[4, 9, 5, 11, 7], [6, 6, 8, 10, 4, 5, 9, 7]]
        let ids = texts.flatMap { $0 + [Int32](repeating: 0, count: length - $0.count) }
        return .tokens(ids, batch: 2, length: length, lengths: lengths ? texts.map(\.count) : nil)
    }

    @Test func morePaddingChangesNeitherThePooledVectorNorTheLogits() throws {
        for causal in [false, true] {
            for head in [false, true] {
                let model = try model(causal: causal, head: head)
                let short = try model.predict(texts(paddedTo: 8)).scalars, long = try model.predict(texts(paddedTo: 16)).scalars
                #expect(short.count == (head ? 6 : 32))
                for (a, b) in zip(short, long) { #expect(abs(a - b) <= 1e-6 * (1 + abs(a)), "causal \(causal), head \(head)") }
            }
        }
        // Without lengths the pads are averaged in, and the logits move.
        let model = try model(causal: false, head: true)
        let short = try model.predict(texts(paddedTo: 8, lengths: false)), long = try model.predict(texts(paddedTo: 16, lengths: false))
        #expect(zip(short.scalars, long.scalars).contains { abs($0 - $1) > 1e-3 })
    }

    @Test func maskedClassifierGradientsMatchFiniteDifferences() throws {
        let model = try model(causal: false, head: true)
        try expectModelGradientsMatch(model, Batch(input: texts(paddedTo: 10), targets: .classes([2, 0])))
        // Nothing that counts reads a pad position, so the pad id's (0) embedding row gets no gradient.
        #expect(model.parameter(named: "embed.weight")!.grad.scalars[0..<16].allSatisfy { $0 == 0 })
    }

    @Test func lengthsMustBeOnePerRowWithinTheLength() throws {
        let model = try model(causal: false, head: true)
        let ids = [Int32](repeating: 1, count: 8)
        for lengths in [[4], [4, 5, 1], [0, 4], [4, 5]] {
            #expect(throws: BatchError.sequenceLengths(count: lengths.count, rows: 2, length: 4)) {
                try model.validate(.tokens(ids, batch: 2, length: 4, lengths: lengths))
            }
        }
        try model.validate(.tokens(ids, batch: 2, length: 4, lengths: [1, 4]))
    }
}
