import FinchEngine

extension Command {
    /// `copy MODEL [head: KIND] [classes: N] [outputs: N] [pool: mean|first|none] [tied: BOOL]`:
    /// a new model with MODEL's body and weights and a new head; MODEL is left unchanged.
    static let copy = Command(
        name: "copy",
        summary: "A copy of a model's body (weights included) with a new head; the original is left unchanged.",
        positional: [Parameter("model", .any, doc: "the model whose body is copied", required: true)],
        keywords: [
            Parameter("head", .choice(HeadLayers.kinds), doc: "the new head: classify, regress, lm, reconstruct, or none (the body alone); default the same lm or reconstruct head, and none for a classify or regress head",
                      settings: ["classify": ["classes", "pool"], "regress": ["outputs", "pool"], "lm": ["tied"]]),
            Parameter("classes", .number, doc: "the number of classes of a classify head"),
            Parameter("outputs", .number, doc: "the number of values of a regress head", default: .number(1)),
            Parameter("pool", .choice(HeadLayers.poolings), doc: "how a sequence becomes one vector for the head", default: .symbol("mean")),
            Parameter("tied", .bool, doc: "an lm head shares the embedding's weights", default: .bool(true)),
        ]
    ) { invocation throws(FinchError) in
        let source = try invocation.object("model", ModelObject.self, what: "a model")
        if !source.model.adapters.isEmpty {
            throw FinchError(ModelCommandFailure.copyWithLoRA(model: source.name), at: invocation.place("model"))
        }
        if source.model.hasCompressedLayers {
            throw FinchError(ModelCommandFailure.copyOfCompressed(model: source.name), at: invocation.place("model"))
        }
        let name = invocation.interpreter.assigningTo.first ?? "\(source.name)_copy"
        let sourceHead = source.model.head
        let kind = invocation.word("head").flatMap(HeadKind.init(rawValue:))
            ?? ([.classify, .regress].contains(sourceHead.kind) ? .none : sourceHead.kind)
        let spec = source.model.spec
        let body = Array(spec.layers[..<sourceHead.firstLayer])
        let plan = try? ModelSpec(input: spec.input, layers: body.isEmpty ? spec.layers : body).plan()
        let isSequence = body.isEmpty ? { if case .tokens = spec.input { true } else { false } }() : plan?.entries.last?.isSequence ?? false
        let outputs: Int
        switch kind {
        case .classify:
            guard let classes = try invocation.integer("classes", in: 2...100_000) else {
                throw FinchError(ModelCommandFailure.classifyWithoutClasses, at: invocation.place("head"))
            }
            outputs = classes
        case .reconstruct:
            guard case .features(let width) = spec.input else {
                throw FinchError(ModelCommandFailure.reconstructOnTokens(model: source.name), at: invocation.place("head"))
            }
            outputs = width
        default:
            outputs = try invocation.integer("outputs", in: 1...100_000) ?? 1
        }
        let head = try HeadLayers.layers(kind: kind, outputs: outputs, pool: invocation.word("pool").flatMap(PoolChoice.init(rawValue:)), tied: invocation.flag("tied") ?? true,
                                         isSequence: isSequence, isTokenModel: source.model.embedding != nil,
                                         range: invocation.place("head"))
        let newSpec = ModelSpec(input: spec.input, layers: body + head)
        let seed = invocation.interpreter.workbench.seed(for: "model " + name)
        let model: Model
        do throws(ModelError) { model = try Model(newSpec, head: ModelHead(kind: kind, firstLayer: body.count), seed: seed,
                                                         memoryBudget: invocation.interpreter.workbench.memoryBudget) } catch {
            throw ModelBuilder.describe(error, ranges: [], fallback: invocation.place("head"))
        }
        if let prompt = source.model.softPrompt {
            do throws(ModelError) { try model.addSoftPrompt(length: prompt.length) } catch {
                throw ModelBuilder.describe(error, ranges: [], fallback: invocation.place("model"))
            }
        }
        let bodyNames = Set(model.plan.entries.prefix(body.count).map(\.name))
        for named in model.parameters {
            guard let layer = named.name.split(separator: ".").first.map(String.init),
                  bodyNames.contains(layer) || bodyNames.contains(named.name.split(separator: ".").prefix(2).joined(separator: ".")),
                  let original = source.model.parameter(named: named.name), original.shape == named.parameter.shape else { continue }
            try? named.parameter.assign(original.value)
        }
        model.inputScaling = source.model.inputScaling
        let copy = ModelObject(name: name, model: model, seed: seed,
                               origin: "copy of \(source.name)'s body with \(kind == .none ? "no" : "a \(kind.rawValue)") head")
        copy.tokenizer = source.tokenizer
        copy.retention = source.retention
            ?? source.pretrainingValidation.flatMap { PretrainingRetention(pretrained: source.model, validation: $0,
                                                                            memoryBudget: invocation.interpreter.workbench.memoryBudget) }
        return .wrap(copy)
    }
}
