/// Post-training int8 quantisation.
extension Model {
    /// A copy whose Dense layers (attention projections and the head included; a pruned layer's
    /// masked weights) hold int8 weights, symmetric per output channel (``QuantizedDense``).
    /// Factorised layers stay float. Refuses a model that is quantised already; this model is
    /// left unchanged.
    public func quantized() throws(CompressionError) -> Model {
        guard !isQuantized else { throw .alreadyQuantized }
        let copy = try replica()
        var count = 0
        for (path, layer) in copy.linearLayers {
            let dense: Dense
            switch layer {
            case let plain as Dense: dense = plain
            case let masked as MaskedDense: dense = masked.base
            default: continue
            }
            do { try copy.replaceLayer(at: path, with: QuantizedDense(quantizing: dense.weight.value, bias: dense.bias)) } catch {
                throw .model(error)
            }
            count += 1
        }
        guard count > 0 else { throw .nothingToCompress("quantise") }
        return copy
    }
}
