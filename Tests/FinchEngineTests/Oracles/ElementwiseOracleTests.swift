@testable import FinchEngine
import Glibc
import Testing

extension KernelOracles {
    /// GELU, the other elementwise ops, dropout and the mean squared error against plain Double
    /// formulas, at counts below and past the split between threads (2·`elementGrain` = 32768).
    @Suite struct ElementwiseOracleTests {
        static let counts = [1, 7, 8, 9, 33, 32_777]

        @Test(arguments: counts)
        func geluForwardAndBackwardMatchTheTanhFormula(_ count: Int) {
            // σ = 4 reaches |x| > 10, where the gate saturates and the exponential is clamped.
            let x = randomTensor([count], seed: 1, std: 4)
            let pass = graphPassAtOneAndTwoThreads([x]) { g, v in g.gelu(v[0]) }
            expectClose(pass.output, Naive.gelu(x.scalars), "gelu \(count)")
            expectClose(pass.gradients[0], Naive.geluBackward(pass.upstream, x: x.scalars), "dx \(count)")
        }

        @Test(arguments: counts)
        func unaryOpsMatchTheirFormulas(_ count: Int) {
            let x = randomTensor([count], seed: 2).map { $0 > 0 ? $0 + 0.1 : $0 - 0.1 }
            let xs = x.scalars.map(Double.init)
            let relu = graphPassAtOneAndTwoThreads([x]) { g, v in g.relu(v[0]) }
            expectClose(relu.output, xs.map { max($0, 0) }, "relu \(count)")
            expectClose(relu.gradients[0], zip(xs, relu.upstream).map { $0 > 0 ? Double($1) : 0 }, "relu dx \(count)")
            let tanh = graphPassAtOneAndTwoThreads([x]) { g, v in g.tanh(v[0]) }
            expectClose(tanh.output, xs.map { Glibc.tanh($0) }, "tanh \(count)")
            expectClose(tanh.gradients[0], zip(xs, tanh.upstream).map { (1 - Glibc.tanh($0) * Glibc.tanh($0)) * Double($1) },
                        "tanh dx \(count)")
            let scaled = graphPassAtOneAndTwoThreads([x]) { g, v in g.scale(v[0], by: -1.5) }
            expectClose(scaled.output, xs.map { -1.5 * $0 }, "scale \(count)")
            expectClose(scaled.gradients[0], scaled.upstream.map { -1.5 * Double($0) }, "scale dx \(count)")
            let reshaped = graphPassAtOneAndTwoThreads([x]) { g, v in g.reshape(v[0], [1, count]) }
            expectClose(reshaped.output, xs, "reshape \(count)")
            expectClose(reshaped.gradients[0], reshaped.upstream.map(Double.init), "reshape dx \(count)")
            let mean = graphPassAtOneAndTwoThreads([x]) { g, v in g.mean(v[0]) }
            expectClose(mean.output, [xs.reduce(0, +) / Double(count)], "mean \(count)")
            expectClose(mean.gradients[0], [Double](repeating: Double(mean.upstream[0]) / Double(count), count: count), "mean dx \(count)")
        }

        @Test(arguments: counts)
        func sumsAndProductsOfTwoInputsMatchTheirFormulas(_ count: Int) {
            let a = randomTensor([count], seed: 3), b = randomTensor([count], seed: 4)
            let (av, bv) = (a.scalars.map(Double.init), b.scalars.map(Double.init))
            // Without priors b's gradient is the sum's own (shared) and a's is a copy; with them both accumulate.
            for priors in [false, true] {
                let sum = graphPassAtOneAndTwoThreads([a, b], priors: priors) { g, v in g.add(v[0], v[1]) }
                expectClose(sum.output, zip(av, bv).map(+), "add \(count)")
                let dout = sum.upstream.map(Double.init)
                expectClose(sum.gradients[0], sum.expected(0, dout), "add da \(count) priors \(priors)")
                expectClose(sum.gradients[1], sum.expected(1, dout), "add db \(count) priors \(priors)")
                let product = graphPassAtOneAndTwoThreads([a, b], priors: priors) { g, v in g.mul(v[0], v[1]) }
                expectClose(product.output, zip(av, bv).map(*), "mul \(count)")
                expectClose(product.gradients[0], product.expected(0, zip(product.upstream, bv).map { Double($0) * $1 }),
                            "mul da \(count) priors \(priors)")
                expectClose(product.gradients[1], product.expected(1, zip(product.upstream, av).map { Double($0) * $1 }),
                            "mul db \(count) priors \(priors)")
            }
        }

        @Test func aSumPastTheSplitOfCopiesAndZeroingMatchesItsFormula() {
            // 131077 > 2·4·`elementGrain`: the gradient buffers are zeroed, and a's copied from the
            // sum's, in two parts.
            let count = 131_077
            let a = randomTensor([count], seed: 3), b = randomTensor([count], seed: 4)
            let sum = graphPassAtOneAndTwoThreads([a, b]) { g, v in g.add(v[0], v[1]) }
            expectClose(sum.output, zip(a.scalars, b.scalars).map { Double($0) + Double($1) }, "add")
            expectClose(sum.gradients[0], sum.upstream.map(Double.init), "da")
            expectClose(sum.gradients[1], sum.upstream.map(Double.init), "db")
        }

        /// `[repeats, width]` + `[width]`; 1000×33 splits between two threads (blocks ≥ 2·⌊16384/33 + 1⌋).
        @Test(arguments: [(3, 1), (4, 9), (1000, 33)])
        func broadcastAddSumsTheGradientOverRepeats(_ repeats: Int, _ width: Int) {
            let a = randomTensor([repeats, width], seed: 5), b = randomTensor([width], seed: 6)
            let pass = graphPassAtOneAndTwoThreads([a, b]) { g, v in g.add(v[0], v[1]) }
            expectClose(pass.output, (0..<repeats * width).map { Double(a.scalars[$0]) + Double(b.scalars[$0 % width]) },
                        "out \(repeats)×\(width)")
            expectClose(pass.gradients[0], pass.upstream.map(Double.init), "da \(repeats)×\(width)")
            expectClose(pass.gradients[1], (0..<width).map { j in (0..<repeats).reduce(0) { $0 + Double(pass.upstream[$1 * width + j]) } },
                        "db \(repeats)×\(width)")
        }

        @Test(arguments: [1, 33, 769])
        func meanSquaredErrorMatchesTheNaiveReference(_ count: Int) {
            let prediction = randomTensor([count], seed: 7), target = randomTensor([count], seed: 8).scalars
            let pass = graphPass([prediction]) { g, v in target.withUnsafeBufferPointer { g.mse(v[0], target: $0) } }
            let naive = Naive.meanSquaredError(prediction.scalars, target: target, dloss: Double(pass.upstream[0]))
            expectClose(pass.output, [naive.loss], "loss \(count)")
            expectClose(pass.gradients[0], naive.grad, "grad \(count)")
        }

        @Test func dropoutMultipliesByItsMaskForwardAndBackward() {
            let count = 32_777, p: Float = 0.3
            let x = randomTensor([count], seed: 9)
            let graph = Graph(seed: 10)
            let xv = graph.variable(x)
            let out = graph.dropout(xv, probability: p)
            guard case let .dropout(_, mask) = graph.nodes[out.index].op else {
                Issue.record("dropout recorded no mask")
                return
            }
            let keep = (0..<count).map { Double(mask[$0]) }
            #expect(keep.allSatisfy { $0 == 0 || $0 == Double(1 / (1 - p)) })
            let upstream = randomTensor([count], seed: 11)
            graph.backward(from: graph.sum(graph.mul(out, graph.constant(upstream))))
            expectClose(graph.value(of: out).scalars, zip(x.scalars, keep).map { Double($0) * $1 }, "out")
            expectClose(graph.gradient(of: xv).scalars, zip(upstream.scalars, keep).map { Double($0) * $1 }, "dx")
        }
    }
}
