internal import FinchJSON

/// JSON forms of model descriptions and training configurations, as stored in checkpoint metadata.
extension ModelSpec {
    /// `{"input": {...}, "layers": [{"type": ..., ...}, ...]}`.
    var json: JSONValue {
        let input: JSONValue = switch self.input {
        case let .tokens(vocabulary, length):
            ["kind": "tokens", "vocabulary": .int(vocabulary), "length": .int(length)]
        case let .features(width):
            ["kind": "features", "width": .int(width)]
        }
        return ["input": input, "layers": .array(layers.map(\.json))]
    }

    /// The description in `json`, or nil if it is not one.
    init?(json: JSONValue) {
        guard let input = json["input"], let kind = input["kind"]?.stringValue, let layers = json["layers"]?.arrayValue else { return nil }
        switch kind {
        case "tokens":
            guard let v = input["vocabulary"]?.intValue, let l = input["length"]?.intValue else { return nil }
            self.input = .tokens(vocabulary: v, length: l)
        case "features":
            guard let w = input["width"]?.intValue else { return nil }
            self.input = .features(width: w)
        default:
            return nil
        }
        var parsed: [LayerSpec] = []
        for layer in layers {
            guard let spec = LayerSpec(json: layer) else { return nil }
            parsed.append(spec)
        }
        self.layers = parsed
    }
}

extension LayerSpec {
    var json: JSONValue {
        func object(_ type: String, _ fields: [(String, JSONValue)] = []) -> JSONValue { .object(JSONObject([("type", .string(type))] + fields)) }
        func n(_ x: Int) -> JSONValue { .int(x) }
        func f(_ x: Float) -> JSONValue { .double(Double(x)) }
        // Written only for pruned heads, so the checkpoints of other models are unchanged.
        func headWidthField(_ width: Int?) -> [(String, JSONValue)] { width.map { [("headWidth", n($0))] } ?? [] }
        return switch self {
        case let .embedding(width): object("embedding", [("width", n(width))])
        case .positionalEmbedding: object("positionalEmbedding")
        case let .dense(outputs, bias): object("dense", [("outputs", n(outputs)), ("bias", .bool(bias))])
        case let .activation(kind): object("activation", [("kind", .string(kind.rawValue))])
        case let .layerNorm(bias): object("layerNorm", [("bias", .bool(bias))])
        case let .dropout(p): object("dropout", [("probability", f(p))])
        case let .selfAttention(heads, causal, bias, headWidth):
            object("selfAttention", [("heads", n(heads)), ("causal", .bool(causal)), ("bias", .bool(bias))] + headWidthField(headWidth))
        case let .transformerBlock(heads, causal, bias, ratio, p, headWidth):
            object("transformerBlock", [("heads", n(heads)), ("causal", .bool(causal)), ("bias", .bool(bias)),
                                        ("mlpRatio", n(ratio)), ("dropout", f(p))] + headWidthField(headWidth))
        case let .pool(kind): object("pool", [("kind", .string(kind.rawValue))])
        case let .lmHead(tied, bias): object("lmHead", [("tied", .bool(tied)), ("bias", .bool(bias))])
        }
    }

    init?(json: JSONValue) {
        func int(_ key: String) -> Int? { json[key]?.intValue }
        func flag(_ key: String) -> Bool? { json[key]?.boolValue }
        func float(_ key: String) -> Float? { json[key]?.doubleValue.map(Float.init) }
        switch json["type"]?.stringValue {
        case "embedding": guard let w = int("width") else { return nil }; self = .embedding(width: w)
        case "positionalEmbedding": self = .positionalEmbedding
        case "dense": guard let o = int("outputs"), let b = flag("bias") else { return nil }; self = .dense(outputs: o, bias: b)
        case "activation":
            guard let k = json["kind"]?.stringValue.flatMap(Activation.init(rawValue:)) else { return nil }
            self = .activation(k)
        case "layerNorm": guard let b = flag("bias") else { return nil }; self = .layerNorm(bias: b)
        case "dropout": guard let p = float("probability") else { return nil }; self = .dropout(p)
        case "selfAttention":
            guard let h = int("heads"), let c = flag("causal"), let b = flag("bias") else { return nil }
            self = .selfAttention(heads: h, causal: c, bias: b, headWidth: int("headWidth"))
        case "transformerBlock":
            guard let h = int("heads"), let c = flag("causal"), let b = flag("bias"), let r = int("mlpRatio"),
                  let p = float("dropout") else { return nil }
            self = .transformerBlock(heads: h, causal: c, bias: b, mlpRatio: r, dropout: p, headWidth: int("headWidth"))
        case "pool":
            guard let k = json["kind"]?.stringValue.flatMap(Pooling.init(rawValue:)) else { return nil }
            self = .pool(k)
        case "lmHead": guard let t = flag("tied"), let b = flag("bias") else { return nil }; self = .lmHead(tied: t, bias: b)
        default: return nil
        }
    }
}

extension TrainConfig {
    /// The configuration as JSON (schedule and optimiser by kind and fields).
    var json: JSONValue {
        func f(_ x: Float) -> JSONValue { .double(Double(x)) }
        func n(_ x: Int) -> JSONValue { .int(x) }
        let schedule: JSONValue = switch self.schedule {
        case .constant: ["kind": "constant"]
        case let .linearWarmup(steps): ["kind": "linearWarmup", "steps": n(steps)]
        case let .cosine(warmup, total, minimum):
            ["kind": "cosine", "warmup": n(warmup), "total": n(total), "minimum": f(minimum)]
        case let .oneCycle(total, peak, div, finalDiv):
            ["kind": "oneCycle", "total": n(total), "peakFraction": f(peak), "divFactor": f(div), "finalDivFactor": f(finalDiv)]
        }
        let optimizer: JSONValue = switch self.optimizer {
        case let .sgd(momentum): ["kind": "sgd", "momentum": f(momentum)]
        case let .adam(b1, b2, eps): ["kind": "adam", "beta1": f(b1), "beta2": f(b2), "epsilon": f(eps)]
        case let .adamW(b1, b2, eps, wd):
            ["kind": "adamW", "beta1": f(b1), "beta2": f(b2), "epsilon": f(eps), "weightDecay": f(wd)]
        }
        let groups: JSONValue = .array(self.groups.map { group in
            ["pattern": .string(group.pattern), "learningRateScale": f(group.learningRateScale),
             "weightDecay": group.weightDecay.map(f) ?? .null]
        })
        return [
            "steps": n(steps), "learningRate": f(learningRate), "schedule": schedule, "optimizer": optimizer,
            "groups": groups, "gradientClip": gradientClip.map(f) ?? .null, "seed": .string(String(seed)),
            "ignoreIndex": n(Int(ignoreIndex)), "memoryBudget": memoryBudget.map(n) ?? .null,
        ]
    }

    /// The configuration in `json`, or nil if it is not one.
    init?(json: JSONValue) {
        func float(_ j: JSONValue?, _ key: String) -> Float? { j?[key]?.doubleValue.map(Float.init) }
        guard let steps = json["steps"]?.intValue, let rate = float(json, "learningRate"),
              let s = json["schedule"], let o = json["optimizer"], let seed = json["seed"]?.stringValue.flatMap({ UInt64($0) }),
              let ignore = json["ignoreIndex"]?.intValue else { return nil }
        let schedule: LearningRateSchedule
        switch s["kind"]?.stringValue {
        case "constant": schedule = .constant
        case "linearWarmup": guard let n = s["steps"]?.intValue else { return nil }; schedule = .linearWarmup(steps: n)
        case "cosine":
            guard let w = s["warmup"]?.intValue, let t = s["total"]?.intValue, let m = float(s, "minimum") else { return nil }
            schedule = .cosine(warmup: w, total: t, minimum: m)
        case "oneCycle":
            guard let t = s["total"]?.intValue, let p = float(s, "peakFraction"), let d = float(s, "divFactor"),
                  let fd = float(s, "finalDivFactor") else { return nil }
            schedule = .oneCycle(total: t, peakFraction: p, divFactor: d, finalDivFactor: fd)
        default: return nil
        }
        let optimizer: OptimizerKind
        switch o["kind"]?.stringValue {
        case "sgd": guard let m = float(o, "momentum") else { return nil }; optimizer = .sgd(momentum: m)
        case "adam":
            guard let b1 = float(o, "beta1"), let b2 = float(o, "beta2"), let e = float(o, "epsilon") else { return nil }
            optimizer = .adam(beta1: b1, beta2: b2, epsilon: e)
        case "adamW":
            guard let b1 = float(o, "beta1"), let b2 = float(o, "beta2"), let e = float(o, "epsilon"),
                  let wd = float(o, "weightDecay") else { return nil }
            optimizer = .adamW(beta1: b1, beta2: b2, epsilon: e, weightDecay: wd)
        default: return nil
        }
        var groups: [ParameterGroup] = []
        for g in json["groups"]?.arrayValue ?? [] {
            guard let pattern = g["pattern"]?.stringValue, let scale = float(g, "learningRateScale") else { return nil }
            groups.append(ParameterGroup(pattern: pattern, learningRateScale: scale, weightDecay: float(g, "weightDecay")))
        }
        self.init(steps: steps, learningRate: rate, schedule: schedule, optimizer: optimizer, groups: groups,
                  gradientClip: float(json, "gradientClip"), seed: seed, ignoreIndex: Int32(ignore),
                  memoryBudget: json["memoryBudget"]?.intValue)
    }
}

extension FeatureScaling {
    /// `{"means": [...], "scales": [...]}`; single-precision values round-trip exactly.
    var json: JSONValue {
        ["means": .array(means.map { .double(Double($0)) }), "scales": .array(scales.map { .double(Double($0)) })]
    }

    /// The scaling in `json`, or nil if it is not one.
    init?(json: JSONValue) {
        guard let means = json["means"]?.arrayValue?.compactMap(\.doubleValue),
              let scales = json["scales"]?.arrayValue?.compactMap(\.doubleValue) else { return nil }
        self.init(means: means.map(Float.init), scales: scales.map(Float.init))
    }
}
