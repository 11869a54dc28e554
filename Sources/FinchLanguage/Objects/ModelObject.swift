import FinchDisplay
import FinchEngine

/// A model the user named: the engine's model, which layers form its head, and what it was
/// trained on (the tokenizer and class names that `generate`, `predict` and `evaluate` use).
final class ModelObject: FinchObject {
    /// The name given in `model NAME { … }` or by assignment of a copy.
    let name: String
    /// The engine's model; its weights change as it trains.
    let model: Model
    /// The seed its weights were drawn from.
    let seed: UInt64
    /// How it came to be, e.g. `copy of gpt with a classify head`.
    let origin: String
    /// Names of the classes its classification head predicts, once trained on labelled data.
    var classNames: [String]?
    /// The tokenizer of the text it was trained on, if any.
    var tokenizer: Value?
    /// The tokens per text it was fine-tuned with, which `evaluate` and `predict` keep to.
    var textContext: Int?
    /// The held-out data of its last `pretrain` run, which its copies re-score after fine-tuning.
    var pretrainingValidation: PretrainingValidation?
    /// For a copy of a pre-trained model: its pre-training, to re-score after each fine-tune.
    var retention: PretrainingRetention?

    /// A model object; see the properties.
    init(name: String, model: Model, seed: UInt64, origin: String) {
        self.name = name
        self.model = model
        self.seed = seed
        self.origin = origin
    }

    var typeName: String { "model" }

    var text: String {
        "model \(name): \(inputText), \(model.spec.layers.count) layers, "
            + "\(NumberFormat.count.string(model.weightCount)) parameters (\(NumberFormat.count.string(model.trainableParameterCount)) trainable)"
    }

    /// What the model reads, e.g. `tokens (vocab 65, context 64)`.
    var inputText: String {
        switch model.spec.input {
        case .tokens(let vocabulary, let length): "tokens (vocab \(vocabulary), context \(length))"
        case .features(let width): "\(width) features"
        }
    }

    /// Positions per sequence (1 for a feature model).
    var context: Int {
        if case .tokens(_, let length) = model.spec.input { length } else { 1 }
    }

    /// The summary table: one row per layer, LoRA adapters, a soft prompt (before the layer it
    /// precedes) and int8 weights (which do not train) as rows of their own.
    var summary: ModelSummary { summary(checking: {}) }

    /// ``summary``, calling `check` every ``Model/layersPerCheck`` layers, so that a check that
    /// throws (at an interrupt) stops the summary of a deep model; it takes time in proportion
    /// to the depth.
    func summary<E: Error>(checking check: () throws(E) -> Void) throws(E) -> ModelSummary {
        var rows: [ModelSummary.Layer] = []
        let layers = try model.layerSummaries(checking: check)
        let prompt = model.softPrompt
        for (index, entry) in model.plan.entries.enumerated() {
            if index % Model.layersPerCheck == 0 { try check() }
            let mine = layers[index].parameters, adapterParameters = layers[index].adapterParameters
            let adapters = mine.filter { adapterParameters.contains(ObjectIdentifier($0.parameter)) }
            let prompts = mine.filter { $0.parameter === prompt?.prompt }
            let base = mine.filter { !adapterParameters.contains(ObjectIdentifier($0.parameter)) && $0.parameter !== prompt?.prompt }
            let shape = entry.isSequence ? [context, entry.outputWidth] : [entry.outputWidth]
            let int8Weights = layers[index].int8Weights
            rows.append(ModelSummary.Layer(
                name: entry.name, kind: ModelObject.kind(of: model.spec.layers[index], isHead: index >= model.head.firstLayer) + layers[index].compressionNote,
                outputShape: shape, parameters: base.reduce(0) { $0 + $1.parameter.count },
                trainable: base.contains { $0.parameter.requiresGrad }))
            if let prompt, !prompts.isEmpty {
                rows.insert(ModelSummary.Layer(
                    name: "prompt", kind: "soft prompt (\(prompt.length) vectors)", outputShape: [prompt.length, prompt.width],
                    parameters: prompt.prompt.count, trainable: prompt.prompt.requiresGrad), at: rows.count - 1)
            }
            if int8Weights > 0 {
                rows.append(ModelSummary.Layer(name: entry.name + " int8", kind: "int8 weights", outputShape: shape,
                                               parameters: int8Weights, trainable: false))
            }
            if !adapters.isEmpty {
                rows.append(ModelSummary.Layer(
                    name: entry.name + " +lora", kind: "LoRA adapters", outputShape: shape,
                    parameters: adapters.reduce(0) { $0 + $1.parameter.count },
                    trainable: adapters.contains { $0.parameter.requiresGrad }))
            }
        }
        return ModelSummary(layers: rows, title: "model \(name) — \(inputText)")
    }

    var bundle: MimeBundle { summary.bundle() }

    var properties: [Property] {
        let spec = model.spec
        var properties = [
            Property("frozen", "how many parameters are frozen") { _ in
                .number(Double(self.model.parameterCount - self.model.trainableParameterCount))
            },
            Property("head", "the kind of head: lm, classify, regress, reconstruct or none") { _ in .string(self.model.head.kind.rawValue) },
            Property("input", "what the model reads: \"tokens\" or \"features\"") { _ in
                if case .tokens = spec.input { .string("tokens") } else { .string("features") }
            },
            Property("layers", "the names of the layers, in order") { _ in .list(self.model.plan.entries.map { .string($0.name) }) },
            Property("name", "the model's name") { _ in .string(self.name) },
            Property("origin", "how the model was made") { _ in .string(self.origin) },
            Property("outputs", "the width of the output: vocabulary, classes or values") { _ in .number(Double(self.model.plan.outputWidth)) },
            Property("parameters", "the number of parameters (int8 weights included)") { _ in .number(Double(self.model.weightCount)) },
            Property("seed", "the seed the weights were drawn from") { _ in .number(Double(self.seed % (1 << 53))) },
            Property("summary", "the layer table, as shown by 'summary'") { _ in .wrap(TableObject(self.summary.table, name: "summary")) },
            Property("trainable", "the number of parameters training updates") { _ in .number(Double(self.model.trainableParameterCount)) },
        ]
        switch spec.input {
        case .tokens(let vocabulary, let length):
            properties.append(Property("context", "the longest sequence the model reads") { _ in .number(Double(length)) })
            properties.append(Property("vocab", "the vocabulary size") { _ in .number(Double(vocabulary)) })
        case .features(let width):
            properties.append(Property("features", "the number of input features") { _ in .number(Double(width)) })
        }
        if let scaling = model.inputScaling {
            properties.append(Property("scaling", "the standardisation of its inputs, fitted on the data it was first trained on") { _ in
                .record(Record(typeName: "scaling", fields: [
                    Record.Field(name: "means", value: .list(scaling.means.map { .number(Double($0)) })),
                    Record.Field(name: "scales", value: .list(scaling.scales.map { .number(Double($0)) })),
                ]))
            })
        }
        if let classNames {
            properties.append(Property("classes", "the names of the classes it predicts") { _ in .list(classNames.map(Value.string)) })
        }
        return properties.sorted { $0.name < $1.name }
    }

    /// The Kind column of the summary for `layer`.
    static func kind(of layer: LayerSpec, isHead: Bool) -> String {
        let kind: String = switch layer {
        case .embedding(let width): "Embedding(\(width))"
        case .positionalEmbedding: "Positions"
        case .dense(let outputs, _): "Dense(\(outputs))"
        case .activation(let activation): activation.rawValue.uppercased()
        case .layerNorm: "LayerNorm"
        case .dropout(let p): "Dropout(\(Value.format(p)))"
        case .selfAttention(let heads, let causal, _, let headWidth): "Attention(\(Self.heads(heads, headWidth))\(causal ? ", causal" : ""))"
        case .transformerBlock(let heads, let causal, _, let ratio, _, let headWidth):
            "Transformer(\(Self.heads(heads, headWidth)), mlp ×\(ratio)\(causal ? ", causal" : ""))"
        case .pool(let pooling): "Pool(\(pooling.rawValue))"
        case .lmHead(let tied, _): tied ? "LM head (tied)" : "LM head"
        }
        return isHead ? kind + " · head" : kind
    }

    /// "4 heads", or "2 heads × 16" for heads of a set width (left after pruning heads).
    private static func heads(_ count: Int, _ width: Int?) -> String {
        width.map { "\(count) heads × \($0)" } ?? "\(count) heads"
    }
}
