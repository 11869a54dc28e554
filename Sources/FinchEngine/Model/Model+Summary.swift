/// What a summary shows of each layer of the plan, gathered in one walk over the layers, so that
/// a summary takes time in proportion to the model's depth and can stop between layers.
extension Model {
    /// What a summary shows of one layer of ``Model/plan``.
    public struct LayerSummary {
        /// The layer's parameters: those whose dotted names start with its name (a tied weight
        /// only under its first name, `embed.weight`), LoRA adapters included.
        public var parameters: [NamedParameter] = []
        /// The parameters of its LoRA adapters, among `parameters`.
        public var adapterParameters: Set<ObjectIdentifier> = []
        /// How it and its sublayers are compressed: a note such as ` · int8`, ` · rank 16`,
        /// ` · 80% zeros` (empty when not).
        public var compressionNote = ""
        /// The int8 weights it holds (which are not parameters).
        public var int8Weights = 0
    }

    /// Layers walked between two calls of the `check` of ``layerSummaries(checking:)``.
    public static let layersPerCheck = 1024

    /// The summary of each layer of ``plan``, in plan order, calling `check` every
    /// ``layersPerCheck`` layers: a check that throws (at an interrupt) stops the walk.
    public func layerSummaries<E: Error>(checking check: () throws(E) -> Void) throws(E) -> [LayerSummary] {
        var result = Array(repeating: LayerSummary(), count: plan.entries.count)
        var layerIndex: [String: Int] = [:]
        for (position, entry) in plan.entries.enumerated() where layerIndex[entry.name] == nil { layerIndex[entry.name] = position }
        var seen = Set<ObjectIdentifier>()
        func add(_ index: Int, _ name: String, _ parameter: Parameter) {
            guard seen.insert(ObjectIdentifier(parameter)).inserted else { return }
            result[index].parameters.append(NamedParameter(name: name, parameter: parameter))
        }
        if let embedding, let index = layerIndex["embed"] { add(index, "embed.weight", embedding.weight) }
        for (position, (name, layer)) in layers.enumerated() {
            if position % Self.layersPerCheck == 0 { try check() }
            guard let index = layerIndex[name] else { continue }
            for (inner, parameter) in layer.namedParameters { add(index, "\(name).\(inner)", parameter) }
            var compressed: [any CompressedLayer] = []
            visit(layer) { sublayer in
                if let adapter = sublayer as? LoRA { result[index].adapterParameters.formUnion([ObjectIdentifier(adapter.a), ObjectIdentifier(adapter.b)]) }
                if let layer = sublayer as? any CompressedLayer { compressed.append(layer) }
            }
            (result[index].compressionNote, result[index].int8Weights) = Model.compressionSummary(compressed)
        }
        return result
    }

    /// Calls `body` with `layer` and then each of its sublayers, depth first, as ``layerTree`` orders them.
    private func visit(_ layer: any Layer, _ body: (any Layer) -> Void) {
        body(layer)
        guard let container = layer as? any LayerContainer else { return }
        for (_, sublayer) in container.sublayers { visit(sublayer, body) }
    }

    /// The note and int8 weights of one layer's compressed layers `layers`.
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
}
