@testable import FinchEngine
import Testing

extension KernelOracles {
    /// Softmax and the fused softmax–cross-entropy against `Naive.softmax` and `Naive.crossEntropy`.
    @Suite struct SoftmaxOracleTests {
        /// One shape of `[rows, width]` logits; `spread` is their standard deviation.
        struct Shape: CustomTestStringConvertible {
            var rows: Int, width: Int
            var spread: Float = 1
            var testDescription: String { "\(rows)×\(width) σ \(spread)" }
        }

        /// Widths from one class to past 769, and row counts at which the row loop splits between
        /// two threads (at least 2·⌊16384/width⌋ rows: 4099×8, 1000×33, 45×769, each a ragged split);
        /// logits spread by 40 put many exponentials below the fast exponential's clamp at −87.
        static let shapes = [1, 7, 8, 9, 16, 33, 64, 127, 769].map { Shape(rows: 3, width: $0) } + [
            Shape(rows: 4099, width: 8), Shape(rows: 1000, width: 33), Shape(rows: 45, width: 769),
            Shape(rows: 5, width: 64, spread: 40),
        ]

        @Test(arguments: shapes)
        func softmaxForwardAndBackwardMatchTheNaiveReference(_ shape: Shape) {
            let x = randomTensor([shape.rows, shape.width], seed: 1, std: shape.spread)
            let pass = graphPassAtOneAndTwoThreads([x]) { g, v in g.softmax(v[0]) }
            expectClose(pass.output, Naive.softmax(x.scalars, rows: shape.rows, width: shape.width), "y \(shape.testDescription)")
            expectClose(pass.gradients[0], Naive.softmaxBackward(pass.upstream, x: x.scalars, rows: shape.rows, width: shape.width),
                        "dx \(shape.testDescription)")
        }

        /// Class counts from one to 769, and row counts at which the gradient's row loop splits
        /// between two threads (1000×33, 50×769, 4099×8); with logits spread by 40, many
        /// probabilities of each row underflow, but not the target's (see below).
        static let crossEntropyShapes = [(3, 1), (5, 2), (7, 9), (6, 33), (4, 769), (1000, 33), (50, 769), (4099, 8)]
            .map { Shape(rows: $0.0, width: $0.1) } + [Shape(rows: 9, width: 64, spread: 40)]

        @Test(arguments: crossEntropyShapes)
        func crossEntropyWithIgnoredRowsMatchesTheNaiveReference(_ shape: Shape) {
            let (rows, classes) = (shape.rows, shape.width)
            let logits = randomTensor([rows, classes], seed: 2, std: shape.spread)
            var generator = Xoshiro(seed: 3)
            // Every third row is ignored (the masked-language-model case). Targets are drawn from the
            // classes within 40 of the row's largest logit, so none has a probability below Float's range.
            let targets = (0..<rows).map { r -> Int32 in
                guard r % 3 != 1 else { return -100 }
                let row = logits.scalars[r * classes..<(r + 1) * classes], top = row.max()!
                let near = row.indices.filter { row[$0] > top - 40 }.map { $0 - r * classes }
                return Int32(near[generator.nextInt(below: near.count)])
            }
            let pass = graphPassAtOneAndTwoThreads([logits]) { g, v in
                targets.withUnsafeBufferPointer { g.crossEntropy(v[0], targets: $0) }
            }
            let naive = Naive.crossEntropy(logits.scalars, targets: targets, rows: rows, classes: classes, ignoreIndex: -100,
                                           dloss: Double(pass.upstream[0]))
            expectClose(pass.output, [naive.loss], "loss \(shape.testDescription)")
            expectClose(pass.gradients[0], naive.dlogits, "dlogits \(shape.testDescription)")
        }

        @Test func crossEntropyOfAnUnderflowingTargetSaturatesNear87() {
            // The target's logit is 200 below the other's: its probability e⁻²⁰⁰ is below Float's
            // range; the fast exponential clamps its argument at −87.3, so the row's loss reads 87.3
            // (not 200), while the gradient, p − onehot, is still right.
            let targets: [Int32] = [1]
            let pass = graphPass([try! Tensor(shape: [1, 2], values: [200, 0])]) { g, v in
                targets.withUnsafeBufferPointer { g.crossEntropy(v[0], targets: $0) }
            }
            #expect(abs(pass.output[0] - 87.3) < 1e-3)
            expectClose(pass.gradients[0], [1, -1].map { $0 * Double(pass.upstream[0]) }, "dlogits")
        }

        @Test func crossEntropyOverOnlyIgnoredRowsIsZeroWithNoGradient() {
            let targets: [Int32] = [-100, -100]
            let pass = graphPass([randomTensor([2, 9], seed: 4)]) { g, v in
                targets.withUnsafeBufferPointer { g.crossEntropy(v[0], targets: $0) }
            }
            #expect(pass.output == [0])
            #expect(pass.gradients[0] == [Float](repeating: 0, count: 18))
        }
    }
}
