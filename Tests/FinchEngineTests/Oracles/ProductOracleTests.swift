@testable import FinchEngine
import Testing

extension KernelOracles {
    /// Linear layers (plain, fused with GELU, three packed projections) and batched products
    /// against `Naive.linear` and `Naive.matmul`, forward and backward.
    @Suite struct ProductOracleTests {
        /// `x [rows, inputs] · w[outputs, inputs]ᵀ`.
        struct Shape: CustomTestStringConvertible {
            var rows: Int, inputs: Int, outputs: Int
            var testDescription: String { "\(rows)×\(inputs)→\(outputs)" }
        }

        /// Tiny products, run whole; and products of at least 2¹⁸ multiply-adds, which
        /// `sgemmParallel` splits by rows of C between two threads when C has 96 rows or more
        /// (forward: 96 rows, split at 48, and 100 rows, also split at 48 with an uneven second
        /// part; 70 rows run whole), and whose dx and dw `linearBackward` runs side by side, one
        /// product per thread.
        static let shapes = [
            Shape(rows: 1, inputs: 1, outputs: 1), Shape(rows: 3, inputs: 4, outputs: 5), Shape(rows: 7, inputs: 9, outputs: 33),
            Shape(rows: 70, inputs: 65, outputs: 63), Shape(rows: 96, inputs: 40, outputs: 70), Shape(rows: 100, inputs: 48, outputs: 70),
        ]

        @Test(arguments: shapes)
        func linearMatchesTheNaiveReference(_ s: Shape) {
            let x = randomTensor([s.rows, s.inputs], seed: 1), w = randomTensor([s.outputs, s.inputs], seed: 2)
            let b = randomTensor([s.outputs], seed: 3)
            // Without priors dx is written into a fresh buffer (β = 0); with them it accumulates.
            for (useBias, priors) in [(true, false), (false, true)] {
                let label = "\(s.testDescription) bias \(useBias) priors \(priors)"
                let pass = graphPassAtOneAndTwoThreads(useBias ? [x, w, b] : [x, w], priors: priors) { g, v in
                    g.linear(v[0], weight: v[1], bias: useBias ? v[2] : nil)
                }
                expectClose(pass.output, Naive.linear(x.scalars, weight: w.scalars, bias: useBias ? b.scalars : nil,
                                                      rows: s.rows, inputs: s.inputs, outputs: s.outputs), "out \(label)")
                let naive = Naive.linearBackward(pass.upstream, x: x.scalars, weight: w.scalars,
                                                 rows: s.rows, inputs: s.inputs, outputs: s.outputs)
                expectClose(pass.gradients[0], pass.expected(0, naive.dx), "dx \(label)")
                expectClose(pass.gradients[1], pass.expected(1, naive.dw), "dw \(label)")
                if useBias { expectClose(pass.gradients[2], pass.expected(2, naive.db), "db \(label)") }
            }
        }

        @Test func inputGradientAloneIsSplitByRows() {
            // A frozen weight: dx is the only product, split by its 96 rows between two threads.
            let s = Shape(rows: 96, inputs: 40, outputs: 70)
            let x = randomTensor([s.rows, s.inputs], seed: 14), w = randomTensor([s.outputs, s.inputs], seed: 15)
            let pass = graphPassAtOneAndTwoThreads([x]) { g, v in g.linear(v[0], weight: g.constant(w)) }
            let naive = Naive.linearBackward(pass.upstream, x: x.scalars, weight: w.scalars,
                                             rows: s.rows, inputs: s.inputs, outputs: s.outputs)
            expectClose(pass.gradients[0], naive.dx, "dx")
        }

        @Test(arguments: shapes)
        func linearGELUMatchesGELUOfTheNaiveLinear(_ s: Shape) {
            let x = randomTensor([s.rows, s.inputs], seed: 4), w = randomTensor([s.outputs, s.inputs], seed: 5)
            let b = randomTensor([s.outputs], seed: 6)
            for (useBias, priors) in [(true, false), (false, true)] {
                let label = "\(s.testDescription) bias \(useBias) priors \(priors)"
                let pass = graphPassAtOneAndTwoThreads(useBias ? [x, w, b] : [x, w], priors: priors) { g, v in
                    g.linearGELU(v[0], weight: v[1], bias: useBias ? v[2] : nil)
                }
                let pre = Naive.linear(x.scalars, weight: w.scalars, bias: useBias ? b.scalars : nil,
                                       rows: s.rows, inputs: s.inputs, outputs: s.outputs)
                expectClose(pass.output, Naive.gelu(pre), "out \(label)")
                let naive = Naive.linearBackward(Naive.geluBackward(pass.upstream, x: pre), x: x.scalars, weight: w.scalars,
                                                 rows: s.rows, inputs: s.inputs, outputs: s.outputs)
                expectClose(pass.gradients[0], pass.expected(0, naive.dx), "dx \(label)")
                expectClose(pass.gradients[1], pass.expected(1, naive.dw), "dw \(label)")
                if useBias { expectClose(pass.gradients[2], pass.expected(2, naive.db), "db \(label)") }
            }
        }

        /// Outputs of the three packed weights; 30 + 20 + 20 over 96×40 is a split product.
        @Test(arguments: [(3, 4, [5, 4, 3]), (96, 40, [30, 20, 20])])
        func packedProjectionsMatchTheNaiveLinearOfTheStackedWeights(_ rows: Int, _ inputs: Int, _ parts: [Int]) {
            let x = randomTensor([rows, inputs], seed: 7)
            let weights = parts.enumerated().map { randomTensor([$0.element, inputs], seed: 8 + UInt64($0.offset)) }
            let stacked = weights.flatMap(\.scalars), outputs = parts.reduce(0, +)
            for priors in [false, true] {
                let label = "\(rows)×\(inputs)→\(parts) priors \(priors)"
                let pass = graphPassAtOneAndTwoThreads([x] + weights, priors: priors) { g, v in g.linearPacked(v[0], v[1], v[2], v[3]) }
                expectClose(pass.output, Naive.linear(x.scalars, weight: stacked, bias: nil, rows: rows, inputs: inputs, outputs: outputs),
                            "out \(label)")
                let naive = Naive.linearBackward(pass.upstream, x: x.scalars, weight: stacked, rows: rows, inputs: inputs, outputs: outputs)
                expectClose(pass.gradients[0], pass.expected(0, naive.dx), "dx \(label)")
                var offset = 0
                for (n, count) in parts.map({ $0 * inputs }).enumerated() {
                    expectClose(pass.gradients[n + 1], pass.expected(n + 1, Array(naive.dw[offset..<offset + count])), "dw\(n) \(label)")
                    offset += count
                }
            }
        }

        /// Products big enough to split between two threads, of 96 rows (two parts of 48) and of
        /// 100, 130 and 200, whose halves are not multiples of OpenBLAS's row tiles; A read both ways.
        @Test(arguments: [96, 100, 130, 200], [false, true])
        func aProductSplitBetweenThreadsEqualsTheWholeBitForBit(_ m: Int, _ transA: Bool) {
            let n = 64, k = 65
            let a = randomTensor([m * k], seed: 17), b = randomTensor([k * n], seed: 18)
            func product(threads: Int) -> [Float] {
                EngineThreads.set(threads)
                defer { EngineThreads.set(1) }
                var c = [Float](repeating: 0, count: m * n)
                a.withUnsafePointer { ap in
                    b.withUnsafePointer { bp in
                        sgemmParallel(transA: transA, transB: false, m: m, n: n, k: k, alpha: 1, a: ap, lda: transA ? m : k,
                                      b: bp, ldb: n, beta: 0, c: &c, ldc: n)
                    }
                }
                return c
            }
            let whole = product(threads: 1), split = product(threads: 2)
            let first = whole.indices.first { whole[$0] != split[$0] }
            #expect(first == nil, "row \((first ?? 0) / n): \(first.map { whole[$0] } ?? 0) whole, \(first.map { split[$0] } ?? 0) split")
        }

        /// Every transpose of both operands, with B per batch entry or shared (its gradient then sums
        /// over the batch), small and with 33 rows.
        @Test(arguments: [false, true], [false, true])
        func batchedMatmulMatchesTheNaiveReference(_ transposeA: Bool, _ transposeB: Bool) {
            for (batch, m, n, k) in [(2, 3, 5, 4), (3, 33, 17, 9)] {
                for batchedB in [true, false] {
                    let s = Naive.Product(batch: batch, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB,
                                          batchedB: batchedB)
                    let a = randomTensor(transposeA ? [batch, k, m] : [batch, m, k], seed: 12)
                    let bMatrix = transposeB ? [n, k] : [k, n]
                    let b = randomTensor(batchedB ? [batch] + bMatrix : bMatrix, seed: 13)
                    let pass = graphPass([a, b]) { g, v in g.matmul(v[0], v[1], transposeA: transposeA, transposeB: transposeB) }
                    let label = "\(batch)×\(m)×\(n)×\(k) batched B \(batchedB)"
                    expectClose(pass.output, Naive.matmul(a.scalars, b.scalars, s), "out \(label)")
                    let naive = Naive.matmulBackward(pass.upstream, a: a.scalars, b: b.scalars, s)
                    expectClose(pass.gradients[0], naive.da, "da \(label)")
                    expectClose(pass.gradients[1], naive.db, "db \(label)")
                }
            }
        }
    }
}
