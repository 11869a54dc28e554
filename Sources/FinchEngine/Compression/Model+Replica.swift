/// Copies of whole models, which compression changes while the original stays as it was.
extension Model {
    /// An independent copy with the same layers (compressed layers and a soft prompt included),
    /// weights, head and scalings; nothing is shared with this model.
    public func replica() throws(CompressionError) -> Model {
        guard adapters.isEmpty else { throw .hasAdapters }
        let copy: Model
        do {
            copy = try Model(spec, head: head)
            if let prompt = softPrompt { try copy.addSoftPrompt(length: prompt.length) }
        } catch { throw .model(error) }
        for (path, layer) in layerTree {
            guard let compressed = layer as? any CompressedLayer else { continue }
            do { try copy.replaceLayer(at: path, with: compressed.replica()) } catch { throw .model(error) }
        }
        for named in copy.parameters {
            if let original = parameter(named: named.name) { try? named.parameter.assign(original.value) }
            named.parameter.requiresGrad = parameter(named: named.name)?.requiresGrad ?? true
        }
        copy.inputScaling = inputScaling
        copy.targetScaling = targetScaling
        return copy
    }

    /// Every compressed layer with its dotted path.
    var compressedLayers: [(path: String, layer: any CompressedLayer)] {
        layerTree.compactMap { path, layer in (layer as? any CompressedLayer).map { (path, $0) } }
    }

    /// Whether some layer is compressed in place of a Dense layer (int8, a pruning mask or two
    /// factors): such layers are not rebuilt from the architecture alone.
    public var hasCompressedLayers: Bool { !compressedLayers.isEmpty }

    /// Whether some layer holds int8 weights.
    public var isQuantized: Bool { compressedLayers.contains { $0.layer.compression == .int8 } }

    /// The number of stored weights: the parameters and the int8 weights (which are not
    /// parameters: they do not train).
    public var weightCount: Int {
        parameterCount + compressedLayers.reduce(0) { $0 + (($1.layer as? QuantizedDense)?.values.count ?? 0) }
    }

    /// The fraction of the weights of linear layers that a pruning mask sets to zero (0 when
    /// none is pruned).
    public var sparsity: Double {
        var pruned = 0, total = 0
        for (_, layer) in linearLayers {
            total += layer.inputs * layer.outputs
            if let masked = layer as? MaskedDense { pruned += masked.mask.count - masked.keptWeights }
        }
        return total == 0 ? 0 : Double(pruned) / Double(total)
    }
}
