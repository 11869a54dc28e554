/// Why a model could not be compressed as asked; the model is left unchanged.
public enum CompressionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The model has int8 layers already.
    case alreadyQuantized
    /// The model has LoRA adapters, which must be merged first.
    case hasAdapters
    /// A sparsity outside [0, 1).
    case sparsity(Double)
    /// A fraction of neurons to prune outside [0, 1), or one that would leave a layer empty.
    case neuronFraction(Double)
    /// A rank below 1 or above the smaller width of the layer at `path`.
    case rank(Int, path: String, largest: Int)
    /// A fraction of heads to prune outside [0, 1).
    case headFraction(Double)
    /// Pruning would remove all `heads` heads of attention layer `layer`.
    case everyHead(layer: Int, heads: Int)
    /// A head number past the heads of attention layer `layer`.
    case noSuchHead(Int, layer: Int, heads: Int)
    /// An attention layer number past the model's `count` attention layers.
    case noSuchAttentionLayer(Int, count: Int)
    /// The model has no attention layer whose heads could be pruned.
    case noAttention
    /// The projections of the attention layer at `path` are int8, masked or factorised.
    case compressedAttention(path: String)
    /// No Dense layer matches what was asked.
    case nothingToCompress(String)
    /// The model could not be rebuilt.
    case model(ModelError)
    /// LAPACK's SVD failed on the weight of the layer at `path`.
    case decomposition(path: String, info: Int)

    /// One-line explanation.
    public var description: String {
        switch self {
        case .alreadyQuantized: "the model is quantised already"
        case .hasAdapters: "the model has LoRA adapters; merge them first"
        case let .sparsity(value): "sparsity must lie in [0, 1), got \(value)"
        case let .neuronFraction(value): "the fraction of neurons to prune must lie in [0, 1), got \(value)"
        case let .rank(rank, path, largest): "rank \(rank) does not fit \(path), whose smaller width is \(largest)"
        case let .headFraction(value): "the fraction of heads to prune must lie in [0, 1), got \(value)"
        case let .everyHead(layer, heads): "that removes all \(heads) heads of attention layer \(layer); a layer must keep at least one"
        case let .noSuchHead(head, layer, heads): "attention layer \(layer) has no head \(head): it has \(heads) (0 to \(heads - 1))"
        case let .noSuchAttentionLayer(layer, count): "the model has no attention layer \(layer): it has \(count) (0 to \(count - 1))"
        case .noAttention: "the model has no attention layer whose heads could be pruned"
        case let .compressedAttention(path): "\(path)'s projections are compressed already; prune heads before quantising, masking or factorising"
        case let .nothingToCompress(what): "no dense layer to \(what)"
        case let .model(error): "the model cannot be rebuilt: \(error)"
        case let .decomposition(path, info): "the SVD of \(path)'s weight failed (LAPACK info \(info))"
        }
    }
}
