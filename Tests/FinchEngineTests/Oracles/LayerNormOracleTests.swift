@testable import FinchEngine
import Testing

extension KernelOracles {
    /// Layer norm forward and backward (`layerNormForward`, `layerNormBackward`) against
    /// `Naive.layerNorm` at the shapes where their code paths change.
    @Suite struct LayerNormOracleTests {
        /// One shape of `[rows, width]` input.
        struct Shape: CustomTestStringConvertible {
            var rows: Int, width: Int
            var testDescription: String { "\(rows)×\(width)" }
        }

        /// Widths below, at and past the eight lanes of `lanesDot` (forward) and of the backward loop,
        /// with and without a scalar tail; row counts that keep one chunk of dw/db partial sums on
        /// one thread (1, 3, 127), make two chunks split between two threads (128 = 2·`rowGrain`),
        /// three ragged chunks (200), the most chunks, eight of 128 rows (1024), and eight ragged
        /// ones (1100).
        static let shapes = [1, 7, 8, 9, 16, 33, 64, 127].map { Shape(rows: 3, width: $0) } + [
            Shape(rows: 2, width: 769), Shape(rows: 1, width: 33), Shape(rows: 127, width: 33), Shape(rows: 128, width: 9),
            Shape(rows: 200, width: 16), Shape(rows: 1024, width: 8), Shape(rows: 1100, width: 9),
        ]

        @Test(arguments: shapes)
        func forwardAndBackwardMatchTheNaiveReference(_ shape: Shape) {
            let (rows, width) = (shape.rows, shape.width)
            // Rows with a mean far from zero, so a wrong mean shows.
            let x = randomTensor([rows, width], seed: 1).map { $0 + 3 }
            let w = randomTensor([width], seed: 2), b = randomTensor([width], seed: 3)
            for (useWeight, useBias) in [(true, true), (true, false), (false, true), (false, false)] {
                let inputs = [x] + (useWeight ? [w] : []) + (useBias ? [b] : [])
                let pass = graphPassAtOneAndTwoThreads(inputs) { g, v in
                    g.layerNorm(v[0], weight: useWeight ? v[1] : nil, bias: useBias ? v[inputs.count - 1] : nil)
                }
                let label = "\(shape.testDescription) weight \(useWeight) bias \(useBias)"
                let weight = useWeight ? w.scalars : nil
                expectClose(pass.output, Naive.layerNorm(x.scalars, weight: weight, bias: useBias ? b.scalars : nil,
                                                         rows: rows, width: width), "out \(label)")
                let naive = Naive.layerNormBackward(pass.upstream, x: x.scalars, weight: weight, rows: rows, width: width)
                expectClose(pass.gradients[0], naive.dx, "dx \(label)")
                if useWeight { expectClose(pass.gradients[1], naive.dw, "dw \(label)") }
                if useBias { expectClose(pass.gradients[inputs.count - 1], naive.db, "db \(label)") }
            }
        }

        @Test func weightAndBiasGradientsAloneMatchTheNaiveReference() {
            // A constant input: the kernel skips dx but still sums dw and db, in three chunks.
            let rows = 200, width = 33
            let x = randomTensor([rows, width], seed: 4), w = randomTensor([width], seed: 5), b = randomTensor([width], seed: 6)
            let pass = graphPassAtOneAndTwoThreads([w, b]) { g, v in g.layerNorm(g.constant(x), weight: v[0], bias: v[1]) }
            let naive = Naive.layerNormBackward(pass.upstream, x: x.scalars, weight: w.scalars, rows: rows, width: width)
            expectClose(pass.gradients[0], naive.dw, "dw")
            expectClose(pass.gradients[1], naive.db, "db")
        }
    }
}
