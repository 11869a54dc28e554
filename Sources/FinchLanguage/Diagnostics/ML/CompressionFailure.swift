import FinchEngine

/// A `quantize`, `prune` or `factorize` that cannot compress its model, and a compressed model
/// whose size on disk cannot be measured.
enum CompressionFailure: LanguageFailure, Equatable, Sendable {
    /// A model `model` with LoRA adapters, refused before compressing.
    case unmergedAdapters(model: String)
    /// A compression of `model` that the engine refused, in its words.
    case refused(CompressionError, model: String)
    /// A safetensors file of `model` that could not be written to measure it; `error` is why,
    /// nil when the written file could not be found.
    case cannotMeasureOnDisk(model: String, error: CheckpointError?)

    /// Always ``ErrorKind/value``.
    var kind: ErrorKind { .value }

    /// What cannot be compressed or measured, and why.
    var message: String {
        switch self {
        case .unmergedAdapters(let model): "\(model) has LoRA adapters; merge them before compressing"
        case let .refused(error, model):
            switch error {
            case .alreadyQuantized: "\(model) is quantised already: its weights are int8"
            case .hasAdapters: CompressionFailure.unmergedAdapters(model: model).message
            case .nothingToCompress, .model, .decomposition, .noAttention, .compressedAttention: "\(model): \(error.description)"
            case .everyHead, .sparsity, .neuronFraction, .rank, .headFraction, .noSuchHead, .noSuchAttentionLayer: error.description
            }
        case let .cannotMeasureOnDisk(model, error?): "cannot measure \(model) on disk: \(error)"
        case .cannotMeasureOnDisk(let model, nil): "cannot measure \(model) on disk"
        }
    }

    /// How to get a model that can be compressed, or how many heads may go.
    var note: String? {
        switch self {
        case .unmergedAdapters: "finetune with merge: true"
        case .refused(.alreadyQuantized, _): "compress the float model it came from"
        case let .refused(.everyHead(layer, heads), _): "list at most \(heads - 1) of the heads 0 to \(heads - 1) of layer \(layer)"
        case .refused, .cannotMeasureOnDisk: nil
        }
    }
}
