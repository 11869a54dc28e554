import FinchEngine

/// Chooses what a fine-tuning run trains: every parameter, all but frozen layers, only the head
/// (a linear probe), or LoRA adapters plus the head.
enum TuningMethod {
    /// The method names `finetune method:` accepts.
    static let names = ["full", "freeze", "probe", "lora"]
    /// The `finetune` keywords each method takes as its settings.
    static let settings = ["freeze": ["layers"], "lora": ["rank", "alpha", "targets", "merge"]]

    /// Sets which parameters of `object` train for `method`; LoRA adapters are added to the Dense
    /// layers of the body whose names contain one of `targets`.
    static func apply(_ method: String, to object: ModelObject, freezing: [String], targets: [String], rank: Int, alpha: Double,
                      seed: UInt64, at range: SourceRange) throws(FinchError) {
        let model = object.model
        let headNames = Set(model.plan.entries[object.headStart...].map(\.name))
        func isHead(_ name: String) -> Bool { headNames.contains { name.hasPrefix($0 + ".") } }
        for named in model.parameters { named.parameter.requiresGrad = true }
        switch method {
        case "probe":
            guard !headNames.isEmpty else {
                throw FinchError(.value, "a probe trains only the head, but \(object.name) has none", at: range,
                                 note: "use 'copy \(object.name) head: classify(classes: N)'")
            }
            for named in model.parameters where !isHead(named.name) { named.parameter.requiresGrad = false }
        case "freeze":
            guard !freezing.isEmpty else {
                throw FinchError(.argument, "method: freeze needs 'layers:' naming the layers to freeze, e.g. method: freeze(layers: [\"embed\", \"blocks.0\"])", at: range)
            }
            for pattern in freezing {
                do throws(ModelError) { try model.freeze(matching: pattern) } catch {
                    let layers = model.plan.entries.map(\.name)
                    throw FinchError(.value, "no layer of \(object.name) matches '\(pattern)'", at: range,
                                     note: Suggestion.note(for: pattern, in: layers) ?? "its layers are \(layers.joined(separator: ", "))")
                }
            }
        case "lora":
            let chosen = model.linearLayers.filter { entry in
                !isHead(entry.name + ".weight") && targets.contains { entry.name.contains($0) }
            }
            guard !chosen.isEmpty else {
                throw FinchError(.value, "no Dense layer of \(object.name)'s body matches the targets \(targets.map(Value.quote).joined(separator: ", "))",
                                 at: range, note: "targets name parts of layers: attn, mlp, dense, or q, k, v, o")
            }
            for named in model.parameters where !isHead(named.name) { named.parameter.requiresGrad = false }
            for entry in chosen where entry.layer is Dense {
                do throws(ModelError) {
                    try model.addLoRA(matching: entry.name, rank: rank, alpha: Float(alpha), seed: seed)
                } catch {
                    throw FinchError(.value, error.description, at: range)
                }
            }
        default:
            break
        }
    }

    /// Per-layer learning-rate scales falling by `decay` per layer below the head (discriminative
    /// learning rates): the head trains at the full rate, the layer below at `decay`×, and so on.
    static func discriminativeGroups(_ object: ModelObject, decay: Double) -> [ParameterGroup] {
        let entries = object.model.plan.entries
        return entries.indices.reversed().compactMap { (index) -> ParameterGroup? in
            // Layers without parameters (activations, pooling) do not count as a step down.
            let depth = entries[index..<max(index, object.headStart)].filter { $0.parameterCount > 0 }.count
            guard entries[index].parameterCount > 0 || index == 0 else { return nil }
            var scale = 1.0
            for _ in 0..<depth { scale *= decay }
            return ParameterGroup(pattern: entries[index].name, learningRateScale: Float(scale))
        }
    }
}
