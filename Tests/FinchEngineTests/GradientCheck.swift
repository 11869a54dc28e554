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

/// Redraws every parameter of `model` from N(0, 0.5²), then compares the gradients of its loss
/// on `batch` against central finite differences at about five elements of every parameter
/// (tolerance as above, 2e-2).
func expectModelGradientsMatch(_ model: Model, _ batch: Batch, sourceLocation: SourceLocation = #_sourceLocation) throws {
    for named in model.parameters {
        try named.parameter.assign(randomTensor(named.parameter.shape, seed: UInt64(named.name.count), std: 0.5))
    }
    func loss() -> Float {
        let g = Graph()
        return g.scalar(model.loss(batch, objective: standardObjective(for: batch.targets), in: g).loss)
    }
    let graph = Graph()
    for named in model.parameters { named.parameter.zeroGrad() }
    graph.backward(from: model.loss(batch, objective: standardObjective(for: batch.targets), in: graph).loss)
    let epsilon: Float = 1e-2
    for named in model.parameters {
        let p = named.parameter
        for i in stride(from: 0, to: p.count, by: max(1, p.count / 5)) {
            let original = p.valuePointer[i]
            p.valuePointer[i] = original + epsilon
            let up = loss()
            p.valuePointer[i] = original - epsilon
            let down = loss()
            p.valuePointer[i] = original
            let numeric = (up - down) / (2 * epsilon)
            #expect(abs(p.grad.scalars[i] - numeric) <= 2e-2 * (1 + abs(numeric)), "\(named.name)[\(i)]", sourceLocation: sourceLocation)
        }
    }
}
