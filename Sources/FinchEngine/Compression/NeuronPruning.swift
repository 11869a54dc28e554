/// Structured pruning: whole neurons out of Dense layers, for a model that is really smaller.
extension Model {
    /// The Dense layers whose neurons can be removed: each feeds the next Dense layer directly
    /// or through activations and dropout, both plain Dense layers. Pairs of (this layer's
    /// index in the spec, the next Dense layer's).
    var prunableNeuronLayers: [(layer: Int, next: Int)] {
        var pairs: [(Int, Int)] = []
        for (i, spec) in spec.layers.enumerated() {
            guard case .dense = spec, plainDense(at: i) != nil else { continue }
            var j = i + 1
            while j < self.spec.layers.count, [.activation, .dropout].contains(self.spec.layers[j].family) { j += 1 }
            guard j < self.spec.layers.count, case .dense = self.spec.layers[j], plainDense(at: j) != nil else { continue }
            pairs.append((i, j))
        }
        return pairs
    }

    /// A smaller model: each prunable Dense layer (see ``prunableNeuronLayers``) loses the
    /// `fraction` of its neurons with the lowest importance, `‖W[k, :]‖ · ‖Wnext[:, k]‖` (the
    /// neuron's incoming and outgoing weights), with their rows, biases and the next layer's
    /// columns. Every layer keeps at least one neuron. The weights that remain are copied; this
    /// model is left unchanged.
    public func prunedNeurons(fraction: Double) throws(CompressionError) -> Model {
        guard fraction >= 0, fraction < 1 else { throw .neuronFraction(fraction) }
        guard adapters.isEmpty else { throw .hasAdapters }
        let pairs = prunableNeuronLayers
        guard !pairs.isEmpty else { throw .nothingToCompress("prune by neurons (it needs a dense layer that feeds another)") }
        var kept: [Int: [Int]] = [:]
        for (i, j) in pairs {
            guard let layer = plainDense(at: i), let next = plainDense(at: j) else { continue }
            let w = layer.weight.value.scalars, v = next.weight.value.scalars
            let outputs = layer.outputs, nextOutputs = next.outputs
            let importance = (0..<outputs).map { k in
                let incoming = (0..<layer.inputs).reduce(Float(0)) { $0 + w[k * layer.inputs + $1] * w[k * layer.inputs + $1] }
                let outgoing = (0..<nextOutputs).reduce(Float(0)) { $0 + v[$1 * outputs + k] * v[$1 * outputs + k] }
                return (incoming * outgoing).squareRoot()
            }
            let keep = max(1, outputs - Int((Double(outputs) * fraction).rounded(.down)))
            kept[i] = (0..<outputs).sorted { importance[$0] != importance[$1] ? importance[$0] > importance[$1] : $0 < $1 }
                .prefix(keep).sorted()
        }
        var layers = spec.layers
        for (i, rows) in kept { if case let .dense(_, bias) = layers[i] { layers[i] = .dense(outputs: rows.count, bias: bias) } }
        let smaller: Model
        do { smaller = try Model(ModelSpec(input: spec.input, layers: layers), head: head) } catch { throw .model(error) }
        for (i, entry) in plan.entries.enumerated() {
            let previous = pairs.first { $0.next == i }.flatMap { kept[$0.layer] }
            for named in smaller.parameters where named.name.hasPrefix(entry.name + ".") {
                guard var value = parameter(named: named.name)?.value else { continue }
                if let rows = kept[i] { value = value.selecting(rows, axis: 0) }
                if let columns = previous, named.name.hasSuffix(".weight") { value = value.selecting(columns, axis: 1) }
                try? named.parameter.assign(value)
                named.parameter.requiresGrad = parameter(named: named.name)?.requiresGrad ?? true
            }
        }
        smaller.inputScaling = inputScaling
        smaller.targetScaling = targetScaling
        return smaller
    }

    /// The layer of spec entry `i` when it is a plain Dense layer.
    private func plainDense(at i: Int) -> Dense? {
        let name = plan.entries[i].name
        return layers.first { $0.name == name }?.layer as? Dense
    }
}

extension LayerSpec {
    /// The kind of layer, without its settings.
    enum Family { case embedding, positions, dense, activation, layerNorm, dropout, attention, transformer, pool, lmHead }

    /// This layer's family.
    var family: Family {
        switch self {
        case .embedding: .embedding
        case .positionalEmbedding: .positions
        case .dense: .dense
        case .activation: .activation
        case .layerNorm: .layerNorm
        case .dropout: .dropout
        case .selfAttention: .attention
        case .transformerBlock: .transformer
        case .pool: .pool
        case .lmHead: .lmHead
        }
    }
}

extension Tensor {
    /// The rows (`axis` 0) or columns (`axis` 1) `indices` of a matrix, or the elements
    /// `indices` of a vector (axis 0).
    func selecting(_ indices: [Int], axis: Int) -> Tensor {
        let values = contiguous().scalars
        if shape.count == 1 { return try! Tensor(shape: [indices.count], values: indices.map { values[$0] }) }
        let rows = shape[0], columns = shape[1]
        if axis == 0 {
            return try! Tensor(shape: [indices.count, columns], values: indices.flatMap { values[($0 * columns)..<(($0 + 1) * columns)] })
        }
        return try! Tensor(shape: [rows, indices.count], values: (0..<rows).flatMap { r in indices.map { values[r * columns + $0] } })
    }
}
