@testable import FinchEngine
import Testing

/// Every differentiable op against central finite differences (see `expectGradientsMatch`).
@Suite struct GradientTests {
    @Test func linearWithBias() {
        expectGradientsMatch([randomTensor([3, 4], seed: 1), randomTensor([5, 4], seed: 2), randomTensor([5], seed: 3)]) { g, v in
            g.linear(v[0], weight: v[1], bias: v[2])
        }
    }

    @Test func matmulAllTransposesBatched() {
        for ta in [false, true] {
            for tb in [false, true] {
                let a = randomTensor(ta ? [2, 4, 3] : [2, 3, 4], seed: 1)
                let b = randomTensor(tb ? [2, 5, 4] : [2, 4, 5], seed: 2)
                expectGradientsMatch([a, b]) { g, v in g.matmul(v[0], v[1], transposeA: ta, transposeB: tb) }
                let shared = randomTensor(tb ? [5, 4] : [4, 5], seed: 3)
                expectGradientsMatch([a, shared]) { g, v in g.matmul(v[0], v[1], transposeA: ta, transposeB: tb) }
            }
        }
    }

    @Test func addWithBroadcastMulAndScale() {
        expectGradientsMatch([randomTensor([2, 3, 4], seed: 1), randomTensor([3, 4], seed: 2)]) { g, v in g.add(v[0], v[1]) }
        expectGradientsMatch([randomTensor([2, 3], seed: 1), randomTensor([2, 3], seed: 2)]) { g, v in g.mul(v[0], v[1]) }
        expectGradientsMatch([randomTensor([6], seed: 1)]) { g, v in g.scale(v[0], by: -1.5) }
    }

    @Test func activations() {
        expectGradientsMatch([randomTensor([10], seed: 1)]) { g, v in g.gelu(v[0]) }
        expectGradientsMatch([randomTensor([10], seed: 2)]) { g, v in g.tanh(v[0]) }
        let awayFromKink = randomTensor([10], seed: 3).map { $0 > 0 ? $0 + 0.1 : $0 - 0.1 }
        expectGradientsMatch([awayFromKink]) { g, v in g.relu(v[0]) }
        expectGradientsMatch([randomTensor([3, 5], seed: 4)]) { g, v in g.softmax(v[0]) }
    }

    @Test func layerNormWithAndWithoutAffine() {
        // Width 19: two passes of the backward's eight-lane loop and a three-element tail.
        let x = randomTensor([3, 19], seed: 1), w = randomTensor([19], seed: 2), b = randomTensor([19], seed: 3)
        expectGradientsMatch([x, w, b], tolerance: 2e-2) { g, v in g.layerNorm(v[0], weight: v[1], bias: v[2]) }
        expectGradientsMatch([x], tolerance: 2e-2) { g, v in g.layerNorm(v[0], weight: nil, bias: nil) }
    }

    @Test func causalAndBidirectionalAttention() {
        let q = randomTensor([2, 4, 6], seed: 1), k = randomTensor([2, 4, 6], seed: 2), v = randomTensor([2, 4, 6], seed: 3)
        for causal in [true, false] {
            expectGradientsMatch([q, k, v]) { g, x in g.attention(q: x[0], k: x[1], v: x[2], heads: 2, causal: causal) }
        }
    }

    @Test func packedProjectionsAndLinearGELU() {
        let x = randomTensor([2, 3, 4], seed: 1)
        expectGradientsMatch([x, randomTensor([5, 4], seed: 2), randomTensor([4, 4], seed: 3), randomTensor([3, 4], seed: 4)]) { g, v in
            g.linearPacked(v[0], v[1], v[2], v[3])
        }
        expectGradientsMatch([x, randomTensor([5, 4], seed: 2), randomTensor([5], seed: 3)]) { g, v in
            g.linearGELU(v[0], weight: v[1], bias: v[2])
        }
        // The packed product equals the three separate ones, and linearGELU equals gelu(linear).
        let g = Graph()
        let xv = g.constant(x), w = [5, 4, 3].enumerated().map { g.constant(randomTensor([$0.element, 4], seed: UInt64(10 + $0.offset))) }
        let packed = g.value(of: g.linearPacked(xv, w[0], w[1], w[2])).scalars
        let separate = w.map { g.value(of: g.linear(xv, weight: $0)).scalars }
        for row in 0..<6 {
            var expected: [Float] = []
            for (part, width) in zip(separate, [5, 4, 3]) { expected += part[row * width..<(row + 1) * width] }
            #expect(Array(packed[row * 12..<row * 12 + 12]) == expected)
        }
        #expect(g.value(of: g.linearGELU(xv, weight: w[0])) == g.value(of: g.gelu(g.linear(xv, weight: w[0]))))
    }

    @Test func packedAttention() {
        let qkv = randomTensor([2, 4, 18], seed: 1)
        for causal in [true, false] {
            expectGradientsMatch([qkv]) { g, x in g.attention(packed: x[0], heads: 2, causal: causal) }
        }
    }

    @Test func causalBlocksMatchTheWholeProduct() {
        // Blocks of 2 rows over length 7 (a ragged last block) against one block of 7.
        var blocked = AttentionShape(batch: 2, length: 7, width: 8, heads: 2, causal: true)
        blocked.causalBlock = 2
        var whole = blocked
        whole.causalBlock = 7
        let n = 2 * 7 * 8, pCount = 2 * 2 * 49
        let q = randomTensor([n], seed: 1), k = randomTensor([n], seed: 2), v = randomTensor([n], seed: 3), dout = randomTensor([n], seed: 4)
        func run(_ s: AttentionShape) -> [[Float]] {
            var out = [Float](repeating: 0, count: n), probs = [Float](repeating: 0, count: pCount)
            var dq = out, dk = out, dv = out, scratch = [Float](repeating: 0, count: attentionScratch(s))
            q.withUnsafePointer { qp in k.withUnsafePointer { kp in v.withUnsafePointer { vp in dout.withUnsafePointer { dp in
                attentionForward(&out, probs: &probs, q: qp, k: kp, v: vp, shape: s)
                attentionBackward(dq: &dq, dk: &dk, dv: &dv, dout: dp, probs: probs, q: qp, k: kp, v: vp, scratch: &scratch, shape: s)
            } } } }
            return [out, probs, dq, dk, dv]
        }
        let naive = Naive.attention(q: q.scalars, k: k.scalars, v: v.scalars,
                                    Naive.Attention(batch: 2, length: 7, width: 8, heads: 2, causal: true))
        let a = run(blocked), b = run(whole)
        expectClose(a[0], naive, "blocked output")
        for (x, y) in zip(a, b) {
            for i in 0..<x.count { #expect(abs(x[i] - y[i]) <= 1e-5 * (1 + abs(y[i]))) }
        }
    }

    @Test func attentionMatchesNaiveReference() {
        let s = AttentionShape(batch: 2, length: 5, width: 8, heads: 2, causal: true)
        let q = randomTensor([2, 5, 8], seed: 1), k = randomTensor([2, 5, 8], seed: 2), v = randomTensor([2, 5, 8], seed: 3)
        var fast = [Float](repeating: 0, count: 80), probs = [Float](repeating: 0, count: 2 * 2 * 25)
        q.withUnsafePointer { qp in k.withUnsafePointer { kp in v.withUnsafePointer { vp in
            attentionForward(&fast, probs: &probs, q: qp, k: kp, v: vp, shape: s)
        } } }
        let naive = Naive.Attention(batch: 2, length: 5, width: 8, heads: 2, causal: true)
        expectClose(fast, Naive.attention(q: q.scalars, k: k.scalars, v: v.scalars, naive), "out")
        expectClose(probs, Naive.attentionProbabilities(q: q.scalars, k: k.scalars, naive), "probabilities")
        #expect(probs[1] == 0)
    }

    @Test func embeddingScatterAddsRepeatedIds() {
        let ids: [Int32] = [2, 0, 2, 1]
        expectGradientsMatch([randomTensor([3, 4], seed: 1)]) { g, v in
            ids.withUnsafeBufferPointer { g.embedding(v[0], ids: $0, shape: [2, 2]) }
        }
    }

    @Test func poolingAndReductions() {
        let x = randomTensor([2, 3, 4], seed: 1)
        expectGradientsMatch([x]) { g, v in g.meanPool(v[0]) }
        expectGradientsMatch([x]) { g, v in g.firstToken(v[0]) }
        expectGradientsMatch([x]) { g, v in g.mean(v[0]) }
        expectGradientsMatch([x]) { g, v in g.reshape(v[0], [6, 4]) }
    }

    @Test func dropoutUsesTheSameMaskForwardAndBackward() {
        expectGradientsMatch([randomTensor([20], seed: 1)]) { g, v in g.dropout(v[0], probability: 0.5) }
        let g = Graph(seed: 3)
        let out = g.dropout(g.constant(Tensor(uncheckedZeros: [1000]).map { _ in 1 }), probability: 0.25)
        let kept = g.value(of: out).scalars.filter { $0 != 0 }
        #expect(kept.allSatisfy { abs($0 - 4.0 / 3.0) < 1e-6 })
        #expect(abs(Float(kept.count) / 1000 - 0.75) < 0.05)
        let eval = Graph(isTraining: false)
        let x = eval.constant(randomTensor([5], seed: 1))
        #expect(eval.dropout(x, probability: 0.5) == x)
    }

    @Test func crossEntropyWithIgnoredRows() {
        let targets: [Int32] = [1, -100, 3]
        expectGradientsMatch([randomTensor([3, 4], seed: 1)]) { g, v in
            targets.withUnsafeBufferPointer { g.crossEntropy(v[0], targets: $0) }
        }
        let g = Graph()
        let logits = g.constant(try! Tensor(shape: [2, 2], values: [0, 0, 0, 0]))
        let loss = targets.withUnsafeBufferPointer { g.crossEntropy(logits, targets: UnsafeBufferPointer(rebasing: $0[0..<2])) }
        #expect(abs(g.scalar(loss) - 0.693_147) < 1e-5)
    }

    @Test func meanSquaredError() {
        let target = randomTensor([6], seed: 5).scalars
        expectGradientsMatch([randomTensor([2, 3], seed: 1)]) { g, v in
            target.withUnsafeBufferPointer { g.mse(v[0], target: $0) }
        }
    }

    @Test func frozenInputsGetNoGradientWork() {
        let g = Graph()
        let frozen = Parameter(randomTensor([4, 3], seed: 1), requiresGrad: false)
        let trainable = Parameter(randomTensor([2, 4], seed: 2))
        let x = g.constant(randomTensor([5, 3], seed: 3))
        let hidden = g.linear(x, weight: g.parameter(frozen))
        #expect(!g.nodes[hidden.index].requiresGrad)
        let out = g.linear(hidden, weight: g.parameter(trainable))
        g.backward(from: g.sum(out))
        #expect(g.nodes[hidden.index].grad == nil)
        #expect(frozen.grad.scalars.allSatisfy { $0 == 0 })
        #expect(trainable.grad.scalars.contains { $0 != 0 })
    }
}
