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

extension Model {
    /// How the layer `path` and its sublayers are compressed, for a summary row: a note such as
    /// ` · int8`, ` · rank 16`, ` · 80% zeros` (empty when not), and the int8 weights it holds
    /// (which are not parameters).
    public func compressionSummary(of path: String) -> (note: String, int8Weights: Int) {
        let mine = compressedLayers.filter { $0.path == path || $0.path.hasPrefix(path + ".") }
        guard !mine.isEmpty else { return ("", 0) }
        var notes: [String] = [], int8 = 0
        for (_, layer) in mine {
            switch layer {
            case let quantized as QuantizedDense:
                int8 += quantized.values.count
                if !notes.contains("int8") { notes.append("int8") }
            case let masked as MaskedDense:
                notes.append("\(Int((masked.sparsity * 100).rounded()))% zeros")
            case let factorised as LowRankDense:
                notes.append("rank \(factorised.rank)")
            default:
                break
            }
        }
        return (" · " + notes.joined(separator: ", "), int8)
    }
}
