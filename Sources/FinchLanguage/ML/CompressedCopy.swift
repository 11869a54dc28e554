import FinchDisplay
import FinchEngine

/// What `quantize`, `prune` and `factorize` share: the model they compress, the new model
/// object they return (the original stays as it was), and their errors in the words of the
/// language.
enum CompressedCopy {
    /// The model named by the `model` argument, refused when it has LoRA adapters.
    static func source(_ invocation: Invocation) throws(FinchError) -> ModelObject {
        let source = try invocation.object("model", ModelObject.self, what: "a model")
        if !source.model.adapters.isEmpty {
            throw FinchError(.value, "\(source.name) has LoRA adapters; merge them before compressing", at: invocation.place("model"),
                             note: "finetune with merge: true")
        }
        return source
    }

    /// A model object for `model`, made from `source` by `how`: the name it is assigned to
    /// (else `SOURCE_suffix`), with the source's class names, tokenizer and text context.
    static func object(_ model: Model, from source: ModelObject, suffix: String, how: String, _ invocation: Invocation) -> ModelObject {
        let name = invocation.interpreter.assigningTo.first ?? "\(source.name)_\(suffix)"
        let object = ModelObject(name: name, model: model, seed: source.seed, origin: "\(how) of \(source.name)")
        object.classNames = source.classNames
        object.tokenizer = source.tokenizer
        object.textContext = source.textContext
        return object
    }

    /// `error` as an error at the argument it concerns (`argument`, else the model).
    static func describe(_ error: CompressionError, of source: ModelObject, at argument: String, _ invocation: Invocation) -> FinchError {
        switch error {
        case .alreadyQuantized:
            FinchError(.value, "\(source.name) is quantised already: its weights are int8", at: invocation.place("model"),
                       note: "compress the float model it came from")
        case .hasAdapters:
            FinchError(.value, "\(source.name) has LoRA adapters; merge them before compressing", at: invocation.place("model"))
        case .nothingToCompress, .model, .decomposition, .noAttention, .compressedAttention:
            FinchError(.value, "\(source.name): \(error.description)", at: invocation.place("model"))
        case .everyHead(let layer, let heads):
            FinchError(.value, error.description, at: invocation.place(argument),
                       note: "list at most \(heads - 1) of the heads 0 to \(heads - 1) of layer \(layer)")
        case .sparsity, .neuronFraction, .rank, .headFraction, .noSuchHead, .noSuchAttentionLayer:
            FinchError(.value, error.description, at: invocation.place(argument))
        }
    }

    /// A count with thousands separators.
    static func count(_ value: Int) -> String { NumberFormat.count.string(value) }
}
