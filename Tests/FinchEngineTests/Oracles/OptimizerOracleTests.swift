@testable import FinchEngine
import Testing

extension KernelOracles {
    /// The eight-lane AdamW update and gradient clipping against `Naive.adamW` and `Naive.clip`.
    @Suite struct OptimizerOracleTests {
        /// Element counts below, at and past the eight lanes, with tails, and past the split between
        /// two threads (2·`elementGrain` = 32768, a ragged split).
        @Test(arguments: [1, 7, 8, 9, 33, 32_777])
        func adamWStepsMatchTheNaiveReference(_ count: Int) {
            let start = randomTensor([1, count], seed: 1)
            let gradients = (0..<3).map { randomTensor([1, count], seed: 10 + UInt64($0)).scalars }
            var results: [[Float]] = []
            for threads in [1, 2] {
                EngineThreads.set(threads)
                defer { EngineThreads.set(1) }
                // Rank 2, so the default weight decay applies.
                let p = Parameter(start)
                let optimizer = Optimizer(kind: .adamW(beta1: 0.9, beta2: 0.99, epsilon: 1e-8, weightDecay: 0.1),
                                          parameters: [NamedParameter(name: "w", parameter: p)], groups: [])
                for g in gradients {
                    p.gradPointer.update(from: g, count: count)
                    optimizer.step(learningRate: 0.01)
                }
                results.append(p.value.scalars)
            }
            #expect(results[0] == results[1], "one and two threads differ")
            let naive = Naive.adamW(start.scalars, gradients: gradients, learningRate: 0.01, beta1: 0.9, beta2: 0.99,
                                    epsilon: 1e-8, decay: 0.1)
            // The moves (about 3·lr each), not the values, so an error in the update is not hidden by |p|.
            let moved = zip(results[1], start.scalars).map { Float(Double($0) - Double($1)) }
            expectClose(moved, zip(naive, start.scalars).map { $0 - Double($1) }, "moves \(count)")
        }

        @Test func clippingScalesEveryGradientToTheGlobalNorm() {
            let parameters = [33, 9, 32_777].enumerated().map { Parameter(randomTensor([$0.element], seed: 20 + UInt64($0.offset))) }
            let gradients = parameters.enumerated().map { randomTensor($0.element.shape, seed: 30 + UInt64($0.offset)).scalars }
            for (p, g) in zip(parameters, gradients) { p.gradPointer.update(from: g, count: g.count) }
            let naive = Naive.clip(gradients, maxNorm: 10)
            let norm = clipGradients(parameters, maxNorm: 10)
            expectClose([norm], [naive.norm], "norm")
            for (n, p) in parameters.enumerated() { expectClose(p.grad.scalars, naive.clipped[n], "gradient \(n)") }
        }
    }
}
