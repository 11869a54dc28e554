@testable import FinchEngine
import Testing

extension KernelOracles {
    /// Multi-head attention (`attentionForward`, `attentionBackward`), separate and packed q, k, v,
    /// causal and bidirectional with padding masks, against `Naive.attention`.
    @Suite struct AttentionOracleTests {
        /// One shape; `lengths` are the real lengths the bidirectional runs mask with.
        struct Shape: CustomTestStringConvertible {
            var batch: Int, length: Int, width: Int, heads: Int
            var lengths: [Int]?
            var testDescription: String { "\(batch)×\(length)×\(width)/\(heads) lengths \(lengths ?? [])" }

            func naive(causal: Bool) -> Naive.Attention {
                Naive.Attention(batch: batch, length: length, width: width, heads: heads, causal: causal, lengths: causal ? nil : lengths)
            }
        }

        /// One position; a single (example, head) pair, which runs on one thread whatever the count,
        /// over 33 positions (two causal row blocks of 32 and 1); four pairs split between two
        /// threads over 70 positions (three causal blocks, the last ragged, and rows of visible keys
        /// below, at and past the 8 lanes of `lanesMax` and `lanesDot`); masks down to one real key.
        static let shapes = [
            Shape(batch: 1, length: 1, width: 8, heads: 1),
            Shape(batch: 2, length: 5, width: 16, heads: 2, lengths: [3, 5]),
            Shape(batch: 1, length: 33, width: 24, heads: 1, lengths: [20]),
            Shape(batch: 2, length: 70, width: 12, heads: 2, lengths: [70, 9]),
            Shape(batch: 3, length: 40, width: 16, heads: 4, lengths: [40, 1, 17]),
        ]

        @Test(arguments: shapes, [true, false])
        func attentionMatchesTheNaiveReference(_ shape: Shape, causal: Bool) {
            let dims = [shape.batch, shape.length, shape.width]
            let q = randomTensor(dims, seed: 1), k = randomTensor(dims, seed: 2), v = randomTensor(dims, seed: 3)
            let s = shape.naive(causal: causal)
            let pass = graphPassAtOneAndTwoThreads([q, k, v]) { g, x in
                g.attention(q: x[0], k: x[1], v: x[2], heads: shape.heads, causal: causal, lengths: shape.lengths)
            }
            let label = "\(shape.testDescription) causal \(causal)"
            expectClose(pass.output, Naive.attention(q: q.scalars, k: k.scalars, v: v.scalars, s), "out \(label)")
            let naive = Naive.attentionBackward(pass.upstream, q: q.scalars, k: k.scalars, v: v.scalars, s)
            expectClose(pass.gradients[0], naive.dq, "dq \(label)")
            expectClose(pass.gradients[1], naive.dk, "dk \(label)")
            expectClose(pass.gradients[2], naive.dv, "dv \(label)")
        }

        @Test(arguments: shapes, [true, false])
        func packedAttentionMatchesTheNaiveReference(_ shape: Shape, causal: Bool) {
            let width = shape.width, rows = shape.batch * shape.length
            let qkv = randomTensor([shape.batch, shape.length, 3 * width], seed: 4)
            // Column block `part` (0 q, 1 k, 2 v) of every row of qkv.
            func columns(_ part: Int) -> [Float] {
                (0..<rows).flatMap { qkv.scalars[(3 * $0 + part) * width..<(3 * $0 + part + 1) * width] }
            }
            let (q, k, v) = (columns(0), columns(1), columns(2)), s = shape.naive(causal: causal)
            // Without priors the gradient is written into a fresh buffer; with them it accumulates.
            let passes = [false, true].map { priors in
                graphPassAtOneAndTwoThreads([qkv], priors: priors) { g, x in
                    g.attention(packed: x[0], heads: shape.heads, causal: causal, lengths: shape.lengths)
                }
            }
            let out = Naive.attention(q: q, k: k, v: v, s)
            let naive = Naive.attentionBackward(passes[0].upstream, q: q, k: k, v: v, s)
            let packed = (0..<rows).flatMap { r in [naive.dq, naive.dk, naive.dv].flatMap { $0[r * width..<(r + 1) * width] } }
            for (pass, priors) in zip(passes, [false, true]) {
                let label = "\(shape.testDescription) causal \(causal) priors \(priors)"
                expectClose(pass.output, out, "out \(label)")
                expectClose(pass.gradients[0], pass.expected(0, packed), "dqkv \(label)")
            }
        }
    }
}
