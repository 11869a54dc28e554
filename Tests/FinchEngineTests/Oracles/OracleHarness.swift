@testable import FinchEngine
import Testing

/// One forward and backward pass of an op through a `Graph`, as a training step runs it.
struct Pass {
    /// The op's output.
    var output: [Float]
    /// The gradient that reached each input (the prior included, when there was one).
    var gradients: [[Float]]
    /// ∂loss/∂output: the fixed random weights W of the loss Σ output ⊙ W.
    var upstream: [Float]
    /// What each input's gradient held before the pass (zeros without priors).
    var priors: [[Double]]

    /// The expected gradient of input `n`: its prior plus the oracle's `gradient`.
    func expected(_ n: Int, _ gradient: [Double]) -> [Double] { zip(priors[n], gradient).map { $0 + $1 } }
}

/// Records `inputs` as variables, applies `build` to them, and backpropagates the loss
/// Σ output ⊙ W for a random W of the output's shape, so the op's upstream gradient is W (every
/// element distinct) rather than ones. With `priors`, each input's gradient already holds
/// random values before the pass, so ops that write a fresh gradient buffer (the products,
/// packed attention, a sum's shared gradient) take their accumulating path instead.
func graphPass(_ inputs: [Tensor], priors: Bool = false, _ build: (Graph, [Var]) -> Var) -> Pass {
    let graph = Graph(seed: 7)
    let vars = inputs.map { graph.variable($0) }
    let out = build(graph, vars)
    let upstream = randomTensor(graph.shape(of: out), seed: 99)
    let loss = graph.sum(graph.mul(out, graph.constant(upstream)))
    var before: [[Double]] = []
    for (n, v) in vars.enumerated() {
        let prior = priors ? randomTensor(inputs[n].shape, seed: 500 + UInt64(n)).scalars : [Float](repeating: 0, count: inputs[n].count)
        if priors { graph.grad(v.index).update(from: prior, count: prior.count) }
        before.append(prior.map(Double.init))
    }
    graph.backward(from: loss)
    return Pass(output: graph.value(of: out).scalars, gradients: vars.map { graph.gradient(of: $0).scalars },
                upstream: upstream.scalars, priors: before)
}

/// Expects the engine's Float32 `actual` to equal the Double oracle's `expected` element by
/// element: |actual − expected| ≤ `tolerance` · (|expected| + RMS of `expected`).
///
/// Why 1e-4: Float32 rounds each operation to a relative 2⁻²⁴ ≈ 6e-8, and a sum of n terms
/// drifts by about 6e-8·√n of its scale (a random walk): 2e-6 for the kernels' reductions of up
/// to 10³ terms (a row of 769, dw over 1100 rows), 1e-5 for the mean of 32777; the fast
/// exponential adds 2e-7. Results that cancel (a layer-norm or softmax input gradient) are small
/// next to the terms they came from, hence the RMS of the whole result in the bound. 1e-4 leaves
/// a margin of 10 to 50, while a dropped, doubled or misplaced term in those reductions (a lost
/// SIMD tail, a chunk added twice, rows split wrongly, a mask off by one) moves an element by
/// about 1/√n ≥ 3e-2 of that scale.
func expectClose(
    _ actual: [Float], _ expected: [Double], tolerance: Double = 1e-4, _ what: @autoclosure () -> String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.count == expected.count, "\(what()): \(actual.count) values, expected \(expected.count)",
            sourceLocation: sourceLocation)
    guard actual.count == expected.count, !expected.isEmpty else { return }
    let rms = (expected.reduce(0) { $0 + $1 * $1 } / Double(expected.count)).squareRoot()
    let wrong = expected.indices.filter { abs(Double(actual[$0]) - expected[$0]) > tolerance * (abs(expected[$0]) + rms) }
    let first = wrong.first ?? 0
    #expect(wrong.isEmpty, "\(what()): \(wrong.count) of \(expected.count) differ; first [\(first)] \(actual[first]) vs \(expected[first])",
            sourceLocation: sourceLocation)
}

/// `graphPass` with the engine's loops on one thread and then split across two (restoring one),
/// so the parallel kernels run both whole and divided between the worker pool's threads.
/// Expects the two passes to be bit-identical, as `EngineThreads` promises, and returns one. A
/// concurrent test that changes the thread count or holds the pool (a region then runs on its
/// caller) must not change the numbers either.
func graphPassAtOneAndTwoThreads(
    _ inputs: [Tensor], priors: Bool = false, sourceLocation: SourceLocation = #_sourceLocation, _ build: (Graph, [Var]) -> Var
) -> Pass {
    defer { EngineThreads.set(1) }
    EngineThreads.set(1)
    let one = graphPass(inputs, priors: priors, build)
    EngineThreads.set(2)
    let two = graphPass(inputs, priors: priors, build)
    let pairs = [("output", one.output, two.output)]
        + zip(one.gradients, two.gradients).enumerated().map { ("gradient \($0)", $1.0, $1.1) }
    for (name, a, b) in pairs {
        let first = a.indices.first { a[$0] != b[$0] }
        #expect(first == nil, "\(name) [\(first ?? 0)]: \(first.map { a[$0] } ?? 0) at one thread, \(first.map { b[$0] } ?? 0) at two",
                sourceLocation: sourceLocation)
    }
    return two
}
