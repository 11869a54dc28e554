/// JSON forms of model descriptions and training configurations, as stored in checkpoint metadata.
extension ModelSpec {
    /// `{"input": {...}, "layers": [{"type": ..., ...}, ...]}`.
    var json: JSON {
        let input: JSON = switch self.input {
        case let .tokens(vocabulary, length):
            .object([("kind", .string("tokens")), ("vocabulary", .number(Double(vocabulary))), ("length", .number(Double(length)))])
        case let .features(width):
            .object([("kind", .string("features")), ("width", .number(Double(width)))])
        }
        return .object([("input", input), ("layers", .array(layers.map(\.json)))])
    }

    /// The description in `json`, or nil if it is not one.
    init?(json: JSON) {
        guard let input = json["input"], let kind = input["kind"]?.string, let layers = json["layers"]?.array else { return nil }
        switch kind {
        case "tokens":
            guard let v = input["vocabulary"]?.int, let l = input["length"]?.int else { return nil }
            self.input = .tokens(vocabulary: v, length: l)
        case "features":
            guard let w = input["width"]?.int else { return nil }
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
    var json: JSON {
        func object(_ type: String, _ fields: [(String, JSON)] = []) -> JSON { .object([("type", .string(type))] + fields) }
        func n(_ x: Int) -> JSON { .number(Double(x)) }
        func f(_ x: Float) -> JSON { .number(Double(x)) }
        return switch self {
        case let .embedding(width): object("embedding", [("width", n(width))])
        case .positionalEmbedding: object("positionalEmbedding")
        case let .dense(outputs, bias): object("dense", [("outputs", n(outputs)), ("bias", .bool(bias))])
        case let .activation(kind): object("activation", [("kind", .string(kind.rawValue))])
        case let .layerNorm(bias): object("layerNorm", [("bias", .bool(bias))])
        case let .dropout(p): object("dropout", [("probability", f(p))])
        case let .selfAttention(heads, causal, bias):
            object("selfAttention", [("heads", n(heads)), ("causal", .bool(causal)), ("bias", .bool(bias))])
        case let .transformerBlock(heads, causal, bias, ratio, p):
            object("transformerBlock", [("heads", n(heads)), ("causal", .bool(causal)), ("bias", .bool(bias)),
                                        ("mlpRatio", n(ratio)), ("dropout", f(p))])
        case let .pool(kind): object("pool", [("kind", .string(kind.rawValue))])
        case let .lmHead(tied, bias): object("lmHead", [("tied", .bool(tied)), ("bias", .bool(bias))])
        }
    }

    init?(json: JSON) {
        func int(_ key: String) -> Int? { json[key]?.int }
        func flag(_ key: String) -> Bool? { json[key]?.bool }
        func float(_ key: String) -> Float? { json[key]?.number.map(Float.init) }
        switch json["type"]?.string {
        case "embedding": guard let w = int("width") else { return nil }; self = .embedding(width: w)
        case "positionalEmbedding": self = .positionalEmbedding
        case "dense": guard let o = int("outputs"), let b = flag("bias") else { return nil }; self = .dense(outputs: o, bias: b)
        case "activation":
            guard let k = json["kind"]?.string.flatMap(Activation.init(rawValue:)) else { return nil }
            self = .activation(k)
        case "layerNorm": guard let b = flag("bias") else { return nil }; self = .layerNorm(bias: b)
        case "dropout": guard let p = float("probability") else { return nil }; self = .dropout(p)
        case "selfAttention":
            guard let h = int("heads"), let c = flag("causal"), let b = flag("bias") else { return nil }
            self = .selfAttention(heads: h, causal: c, bias: b)
        case "transformerBlock":
            guard let h = int("heads"), let c = flag("causal"), let b = flag("bias"), let r = int("mlpRatio"),
                  let p = float("dropout") else { return nil }
            self = .transformerBlock(heads: h, causal: c, bias: b, mlpRatio: r, dropout: p)
        case "pool":
            guard let k = json["kind"]?.string.flatMap(Pooling.init(rawValue:)) else { return nil }
            self = .pool(k)
        case "lmHead": guard let t = flag("tied"), let b = flag("bias") else { return nil }; self = .lmHead(tied: t, bias: b)
        default: return nil
        }
    }
}

extension TrainConfig {
    /// The configuration as JSON (schedule and optimiser by kind and fields).
    var json: JSON {
        func f(_ x: Float) -> JSON { .number(Double(x)) }
        func n(_ x: Int) -> JSON { .number(Double(x)) }
        let schedule: JSON = switch self.schedule {
        case .constant: .object([("kind", .string("constant"))])
        case let .linearWarmup(steps): .object([("kind", .string("linearWarmup")), ("steps", n(steps))])
        case let .cosine(warmup, total, minimum):
            .object([("kind", .string("cosine")), ("warmup", n(warmup)), ("total", n(total)), ("minimum", f(minimum))])
        case let .oneCycle(total, peak, div, finalDiv):
            .object([("kind", .string("oneCycle")), ("total", n(total)), ("peakFraction", f(peak)),
                     ("divFactor", f(div)), ("finalDivFactor", f(finalDiv))])
        }
        let optimizer: JSON = switch self.optimizer {
        case let .sgd(momentum): .object([("kind", .string("sgd")), ("momentum", f(momentum))])
        case let .adam(b1, b2, eps): .object([("kind", .string("adam")), ("beta1", f(b1)), ("beta2", f(b2)), ("epsilon", f(eps))])
        case let .adamW(b1, b2, eps, wd):
            .object([("kind", .string("adamW")), ("beta1", f(b1)), ("beta2", f(b2)), ("epsilon", f(eps)), ("weightDecay", f(wd))])
        }
        let groups: JSON = .array(self.groups.map { group in
            .object([("pattern", .string(group.pattern)), ("learningRateScale", f(group.learningRateScale)),
                     ("weightDecay", group.weightDecay.map(f) ?? .null)])
        })
        return .object([
            ("steps", n(steps)), ("learningRate", f(learningRate)), ("schedule", schedule), ("optimizer", optimizer),
            ("groups", groups), ("gradientClip", gradientClip.map(f) ?? .null), ("seed", .string(String(seed))),
            ("ignoreIndex", n(Int(ignoreIndex))), ("memoryBudget", memoryBudget.map(n) ?? .null),
        ])
    }

    /// The configuration in `json`, or nil if it is not one.
    init?(json: JSON) {
        func float(_ j: JSON?, _ key: String) -> Float? { j?[key]?.number.map(Float.init) }
        guard let steps = json["steps"]?.int, let rate = float(json, "learningRate"),
              let s = json["schedule"], let o = json["optimizer"], let seed = json["seed"]?.string.flatMap({ UInt64($0) }),
              let ignore = json["ignoreIndex"]?.int else { return nil }
        let schedule: LearningRateSchedule
        switch s["kind"]?.string {
        case "constant": schedule = .constant
        case "linearWarmup": guard let n = s["steps"]?.int else { return nil }; schedule = .linearWarmup(steps: n)
        case "cosine":
            guard let w = s["warmup"]?.int, let t = s["total"]?.int, let m = float(s, "minimum") else { return nil }
            schedule = .cosine(warmup: w, total: t, minimum: m)
        case "oneCycle":
            guard let t = s["total"]?.int, let p = float(s, "peakFraction"), let d = float(s, "divFactor"),
                  let fd = float(s, "finalDivFactor") else { return nil }
            schedule = .oneCycle(total: t, peakFraction: p, divFactor: d, finalDivFactor: fd)
        default: return nil
        }
        let optimizer: OptimizerKind
        switch o["kind"]?.string {
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
        for g in json["groups"]?.array ?? [] {
            guard let pattern = g["pattern"]?.string, let scale = float(g, "learningRateScale") else { return nil }
            groups.append(ParameterGroup(pattern: pattern, learningRateScale: scale, weightDecay: float(g, "weightDecay")))
        }
        self.init(steps: steps, learningRate: rate, schedule: schedule, optimizer: optimizer, groups: groups,
                  gradientClip: float(json, "gradientClip"), seed: seed, ignoreIndex: Int32(ignore),
                  memoryBudget: json["memoryBudget"]?.int)
    }
}
