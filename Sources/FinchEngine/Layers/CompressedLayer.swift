/// How compression changed a Dense layer, as a checkpoint records it.
public enum LayerCompression: Equatable, Sendable {
    /// int8 weights with a float scale per output channel (``QuantizedDense``).
    case int8
    /// A pruning mask over the weights (``MaskedDense``).
    case mask
    /// Two factors of `rank` (``LowRankDense``).
    case lowRank(rank: Int)

    /// The name a checkpoint and a report use: `int8`, `mask`, `low_rank`.
    public var name: String {
        switch self {
        case .int8: "int8"
        case .mask: "mask"
        case .lowRank: "low_rank"
        }
    }
}

/// A layer that compression put in a Dense layer's place (module swap), which a model can copy
/// and a checkpoint can store.
protocol CompressedLayer: LinearLayer {
    /// What was done to the Dense layer.
    var compression: LayerCompression { get }
    /// An independent copy: its own parameters and buffers with the same values.
    func replica() -> any CompressedLayer
}

extension QuantizedDense: CompressedLayer {
    var compression: LayerCompression { .int8 }

    func replica() -> any CompressedLayer {
        let copy = QuantizedDense(quantizing: Tensor(uncheckedZeros: [outputs, inputs]), bias: bias.map { Parameter($0.value) })
        _ = copy.restore(values: values, scales: scales)
        return copy
    }
}

extension MaskedDense: CompressedLayer {
    var compression: LayerCompression { .mask }

    func replica() -> any CompressedLayer {
        MaskedDense(wrapping: Dense(weight: base.weight.value, bias: base.bias?.value), mask: mask)
    }
}

extension LowRankDense: CompressedLayer {
    var compression: LayerCompression { .lowRank(rank: rank) }

    func replica() -> any CompressedLayer {
        LowRankDense(down: down.value, up: up.value, bias: bias.map(\.value))
    }
}
