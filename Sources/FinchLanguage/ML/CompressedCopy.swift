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
            throw FinchError(CompressionFailure.unmergedAdapters(model: source.name), at: invocation.place("model"))
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
        let place = switch error {
        case .alreadyQuantized, .hasAdapters, .nothingToCompress, .model, .decomposition, .noAttention, .compressedAttention: "model"
        case .everyHead, .sparsity, .neuronFraction, .rank, .headFraction, .noSuchHead, .noSuchAttentionLayer: argument
        }
        return FinchError(CompressionFailure.refused(error, model: source.name), at: invocation.place(place))
    }

    /// A count with thousands separators.
    static func count(_ value: Int) -> String { NumberFormat.count.string(value) }
}
