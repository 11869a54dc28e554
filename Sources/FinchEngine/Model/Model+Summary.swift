/// What a summary shows of each layer of the plan, gathered in one pass over the parameters and
/// the layer tree, so that a summary takes time in proportion to the model's depth.
extension Model {
    /// The parameters of each layer of ``plan``, in plan order: those whose dotted names start
    /// with the layer's name (a tied weight only under its first name, `embed.weight`).
    public var parametersByLayer: [[NamedParameter]] {
        var result = Array(repeating: [NamedParameter](), count: plan.entries.count)
        let layerIndex = indexOfLayers
        var seen = Set<ObjectIdentifier>()
        func add(_ index: Int?, _ name: String, _ parameter: Parameter) {
            guard seen.insert(ObjectIdentifier(parameter)).inserted, let index else { return }
            result[index].append(NamedParameter(name: name, parameter: parameter))
        }
        if let embedding { add(layerIndex["embed"], "embed.weight", embedding.weight) }
        for (name, layer) in layers {
            let index = layerIndex[name]
            for (inner, parameter) in layer.namedParameters { add(index, "\(name).\(inner)", parameter) }
        }
        return result
    }

    /// How each layer of ``plan`` and its sublayers are compressed, in plan order: a note such as
    /// ` · int8`, ` · rank 16`, ` · 80% zeros` (empty when not), and the int8 weights it holds
    /// (which are not parameters).
    public var compressionSummaries: [(note: String, int8Weights: Int)] {
        var mine = Array(repeating: [any CompressedLayer](), count: plan.entries.count)
        let layerIndex = indexOfLayers
        for (path, layer) in compressedLayers {
            for prefix in dottedPrefixes(of: path) {
                if let index = layerIndex[prefix] { mine[index].append(layer) }
            }
        }
        return mine.map(Model.compressionSummary)
    }

    /// The summary of one layer's compressed layers `layers`.
    private static func compressionSummary(_ layers: [any CompressedLayer]) -> (note: String, int8Weights: Int) {
        guard !layers.isEmpty else { return ("", 0) }
        var notes: [String] = [], int8 = 0
        for layer in layers {
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

    /// The index in ``plan`` of each layer name.
    private var indexOfLayers: [String: Int] {
        var index: [String: Int] = [:]
        for (position, entry) in plan.entries.enumerated() where index[entry.name] == nil { index[entry.name] = position }
        return index
    }
}

/// Each prefix of the dotted `path` that ends before a dot, then `path` itself
/// (`blocks.0.attn`: `blocks`, `blocks.0`, `blocks.0.attn`).
private func dottedPrefixes(of path: String) -> [String] {
    var prefixes: [String] = []
    for index in path.indices where path[index] == "." { prefixes.append(String(path[..<index])) }
    return prefixes + [path]
}
