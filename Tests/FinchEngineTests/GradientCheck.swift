@testable import FinchEngine
import Testing

/// Random tensor of `shape` with N(0, 1) entries from `seed`.
func randomTensor(_ shape: [Int], seed: UInt64, std: Float = 1) -> Tensor {
    var generator = Xoshiro(seed: seed)
    return try! Tensor(normal: shape, std: std, generator: &generator)
}

/// Compares `backward` gradients of every input against central finite differences.
///
/// The scalar checked is Σ output ⊙ W for a fixed random W, so every output element matters.
/// Tolerance: |analytic − numeric| ≤ `tolerance` · (1 + |numeric|), with step `epsilon`, all in
/// Float32 (the loss is accumulated in Float32; ε = 1e-2 keeps rounding error near 1e-4).
func expectGradientsMatch(
    _ inputs: [Tensor], epsilon: Float = 1e-2, tolerance: Float = 1e-2,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ build: (Graph, [Var]) -> Var
) {
    func loss(_ values: [Tensor], graph: Graph) -> (Var, [Var]) {
        let vars = values.map { graph.variable($0) }
        let out = build(graph, vars)
        let shape = graph.shape(of: out)
        if shape.reduce(1, *) == 1 { return (graph.reshape(out, []), vars) }
        let weights = graph.constant(randomTensor(shape, seed: 99))
        return (graph.sum(graph.mul(out, weights)), vars)
    }
    let graph = Graph(seed: 7)
    let (total, vars) = loss(inputs, graph: graph)
    graph.backward(from: total)
    for (n, input) in inputs.enumerated() {
        let analytic = graph.gradient(of: vars[n]).scalars
        for i in 0..<input.count {
            var values = inputs
            var plus = input, minus = input
            plus.withUnsafeMutablePointer { $0[i] += epsilon }
            minus.withUnsafeMutablePointer { $0[i] -= epsilon }
            values[n] = plus
            let up = Graph(seed: 7)
            let lossUp = up.scalar(loss(values, graph: up).0)
            values[n] = minus
            let down = Graph(seed: 7)
            let lossDown = down.scalar(loss(values, graph: down).0)
            let numeric = (lossUp - lossDown) / (2 * epsilon)
            #expect(abs(analytic[i] - numeric) <= tolerance * (1 + abs(numeric)),
                    "input \(n) element \(i): analytic \(analytic[i]) numeric \(numeric)", sourceLocation: sourceLocation)
        }
    }
}
