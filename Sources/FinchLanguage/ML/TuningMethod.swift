import FinchEngine

/// What a fine-tuning run trains: every parameter, all but frozen layers, only the head (a
/// linear probe), LoRA adapters plus the head, or a soft prompt. The model does the freezing;
/// this names it.
enum TuningMethod: String, CaseIterable {
    /// Every parameter.
    case full
    /// All but the layers named by `layers:`.
    case freeze
    /// Only the head.
    case probe
    /// LoRA adapters on the body's Dense layers, and the head.
    case lora
    /// Prompt tuning (Lester et al., 2021): `length` soft-prompt vectors before the input, the
    /// rest of the model frozen. A classifier's or regressor's head trains too, as PEFT's prompt
    /// tuning for sequence classification does (a new head knows nothing yet); a language
    /// model's head stays frozen, so only the prompt trains.
    case prompt

    /// The `finetune` keywords each method takes as its settings.
    static let settings = ["freeze": ["layers"], "lora": ["rank", "alpha", "targets", "merge"], "prompt": ["length"]]

    /// The soft prompt's length when none is given.
    static let defaultPromptLength = 8

    /// The positions a soft prompt will take in `model`'s context once `invocation`'s method
    /// is applied: its `length:` under `method: prompt`, else the prompt the model has.
    static func promptPositions(_ invocation: Invocation, of model: Model) -> Int {
        guard invocation.word("method") == TuningMethod.prompt.rawValue else { return model.promptLength }
        return (try? invocation.integer("length", in: 1...100_000)) ?? defaultPromptLength
    }

    /// The keywords that choose the method and its settings, shared by the training commands;
    /// `merge:` only where the command merges adapters after training.
    static func parameters(merge: Bool) -> [Parameter] {
        let settings = merge ? settings : settings.mapValues { $0.filter { $0 != "merge" } }
        return [
            Parameter("method", .choice(allCases.map(\.rawValue)), doc: "full, freeze (some layers), probe (only the head), lora or prompt (a soft prompt)",
                      default: .symbol("full"), settings: settings),
            Parameter("layers", .any, doc: "method: freeze — layer names or patterns, e.g. [\"embed\", \"blocks.0\"], or a range of blocks 0..1"),
            Parameter("rank", .number, doc: "method: lora — the adapters' rank", default: .number(8)),
            Parameter("alpha", .number, doc: "method: lora — the adapters' scale numerator (scale = alpha / rank)", default: .number(16)),
            Parameter("targets", .any, doc: "method: lora — parts of the layer names to adapt, e.g. [\"attn\"] or [\"q\", \"v\"]",
                      default: .list([.string("attn")])),
            Parameter("length", .number, doc: "method: prompt — the number of soft-prompt vectors placed before the input",
                      default: .number(Double(defaultPromptLength))),
        ] + (merge ? [Parameter("merge", .bool, doc: "method: lora — add the adapters into the weights after training", default: .bool(false))] : [])
    }

    /// The method `invocation` names (`method:` and its settings), applied to `target`; returns
    /// it with the layers it froze.
    static func apply(_ invocation: Invocation, to target: ModelObject, seed: UInt64) throws(FinchError) -> (method: TuningMethod, frozen: [String]) {
        let method = invocation.word("method").flatMap(TuningMethod.init(rawValue:)) ?? .full
        var freezing = try invocation.strings("layers") ?? []
        if case .range(let span) = invocation["layers"] {
            freezing = (0..<span.count).map { "blocks.\(span.lower + $0)" }
        }
        let targets = try invocation.strings("targets") ?? ["attn"]
        let rank = try invocation.integer("rank", in: 1...4096) ?? 8
        let alpha = try invocation.number("alpha", in: 0.001...1e6) ?? 16
        let length = try invocation.integer("length", in: 1...100_000) ?? defaultPromptLength
        try method.apply(to: target, freezing: freezing, targets: targets, rank: rank, alpha: alpha, promptLength: length, seed: seed,
                         at: invocation.place("method"))
        return (method, freezing)
    }

    /// Sets which parameters of `object` train; LoRA adapters are added to the Dense layers of
    /// the body whose names contain one of `targets`; a soft prompt of `promptLength` vectors
    /// is placed before the input.
    func apply(to object: ModelObject, freezing: [String], targets: [String], rank: Int, alpha: Double,
               promptLength: Int, seed: UInt64, at range: SourceRange) throws(FinchError) {
        let model = object.model
        model.unfreezeAll()
        switch self {
        case .full:
            break
        case .probe:
            guard !model.headEntries.isEmpty else {
                throw FinchError(FineTuningFailure.probeWithoutHead(model: object.name), at: range)
            }
            model.freezeBody()
        case .freeze:
            guard !freezing.isEmpty else {
                throw FinchError(FineTuningFailure.freezeWithoutLayers, at: range)
            }
            for pattern in freezing {
                do throws(ModelError) { try model.freeze(matching: pattern) } catch {
                    let layers = model.plan.entries.map(\.name)
                    throw FinchError(FineTuningFailure.noLayerToFreeze(pattern: pattern, model: object.name, layers: layers), at: range)
                }
            }
        case .lora:
            let chosen = model.linearLayers.filter { entry in
                !model.isInHead(entry.name) && targets.contains { entry.name.contains($0) }
            }
            guard !chosen.isEmpty else {
                throw FinchError(FineTuningFailure.noLoRATarget(model: object.name, targets: targets), at: range)
            }
            model.freezeBody()
            for entry in chosen where entry.layer is Dense {
                do throws(ModelError) {
                    try model.addLoRA(matching: entry.name, rank: rank, alpha: Float(alpha), seed: seed)
                } catch {
                    throw FinchError(EngineRefusal.model(error), at: range)
                }
            }
        case .prompt:
            do throws(ModelError) { try model.addSoftPrompt(length: promptLength, seed: seed) } catch {
                throw ModelBuilder.describe(error, ranges: [], fallback: range)
            }
            model.freezeAllButPrompt(head: [.classify, .regress].contains(model.head.kind))
        }
    }

    /// Per-layer learning-rate scales falling by `decay` per layer below the head (discriminative
    /// learning rates): the head trains at the full rate, the layer below at `decay`×, and so on.
    static func discriminativeGroups(_ object: ModelObject, decay: Double) -> [ParameterGroup] {
        let entries = object.model.plan.entries, headStart = object.model.head.firstLayer
        return entries.indices.reversed().compactMap { (index) -> ParameterGroup? in
            // Layers without parameters (activations, pooling) do not count as a step down.
            let depth = entries[index..<max(index, headStart)].filter { $0.parameterCount > 0 }.count
            guard entries[index].parameterCount > 0 || index == 0 else { return nil }
            var scale = 1.0
            for _ in 0..<depth { scale *= decay }
            return ParameterGroup(pattern: entries[index].name, learningRateScale: Float(scale))
        }
    }
}
