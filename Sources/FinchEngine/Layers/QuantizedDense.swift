/// A Dense layer with int8 weights, symmetric per output channel: row `o` of the weight is
/// stored as `values[o, i] ∈ −127…127` with one float scale `scales[o] = max|W[o, :]| / 127`,
/// so `W[o, i] ≈ scales[o] · values[o, i]`. A quarter of the float layer's bytes. The forward
/// pass dequantises the weight into the graph and runs the float product; the bias stays float.
/// It takes a Dense layer's place in the model's tree (``Model/quantized()``).
public final class QuantizedDense: LinearLayer {
    /// The int8 weight, row-major `[outputs, inputs]`.
    public private(set) var values: [Int8]
    /// One scale per output channel.
    public private(set) var scales: [Float]
    /// Bias `[outputs]`, if any (float, like the scales).
    public let bias: Parameter?
    /// Input width.
    public let inputs: Int
    /// Output width.
    public let outputs: Int

    /// The int8 form of `weight` `[outputs, inputs]`, with `bias` kept as it is.
    public init(quantizing weight: Tensor, bias: Parameter?) {
        outputs = weight.shape[0]
        inputs = weight.shape[1]
        self.bias = bias
        let floats = weight.contiguous().scalars
        var values = [Int8](repeating: 0, count: floats.count), scales = [Float](repeating: 0, count: outputs)
        for o in 0..<outputs {
            let row = floats[(o * inputs)..<((o + 1) * inputs)]
            let largest = row.reduce(Float(0)) { max($0, abs($1)) }
            guard largest > 0 else { continue }
            let scale = largest / 127
            scales[o] = scale
            for (i, w) in zip(row.indices, row) { values[i] = Int8(max(-127, min(127, (w / scale).rounded()))) }
        }
        self.values = values
        self.scales = scales
    }

    /// `bias` only: the int8 weight is not a trainable parameter.
    public var namedParameters: [(String, Parameter)] { bias.map { [("bias", $0)] } ?? [] }

    /// The dequantised weight and the output values.
    public func activationFloats(batch: Int, length: Int) -> Int { inputs * outputs + batch * length * outputs }

    /// The product with the (frozen) dequantised weight.
    public func trainingFlops(batch: Int, length: Int) -> Double {
        2 * Double(batch * length) * Double(inputs) * Double(outputs) * 2
    }

    /// The float weight `scales[o] · values[o, i]`, `[outputs, inputs]`.
    public func dequantized() -> Tensor {
        var weight = Tensor(uncheckedZeros: [outputs, inputs])
        let width = inputs
        weight.withUnsafeMutablePointer { w in
            values.withUnsafeBufferPointer { q in
                for o in 0..<outputs {
                    let scale = scales[o]
                    for i in 0..<width { w[o * width + i] = scale * Float(q[o * width + i]) }
                }
            }
        }
        return weight
    }

    /// `x·Ŵᵀ + b` with Ŵ the dequantised weight.
    public func forward(_ x: Var, in graph: Graph) -> Var {
        graph.linear(x, weight: graph.constant(dequantized()), bias: bias.map { graph.parameter($0) })
    }

    /// Puts stored int8 values and scales in place; false unless they have this layer's sizes.
    func restore(values: [Int8], scales: [Float]) -> Bool {
        guard values.count == inputs * outputs, scales.count == outputs, scales.allSatisfy({ $0.isFinite && $0 >= 0 }) else { return false }
        self.values = values
        self.scales = scales
        return true
    }
}
