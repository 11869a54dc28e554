/// The attention probabilities of one forward pass over one sequence, for every attention layer
/// and head: what each position (row) attended to (columns). Rows sum to 1 over the positions a
/// query may see; a causal layer's entries above the diagonal are 0.
public struct AttentionWeights: Equatable, Sendable {
    /// Positions of the sequence, the soft prompt's first.
    public let length: Int
    /// How many of the first positions belong to a soft prompt (0 without one).
    public let promptLength: Int
    /// The path of each attention layer in the model's tree (`blocks.0.attn`), in order.
    public let layerPaths: [String]
    /// `probabilities[layer][head]`: a `length × length` matrix, row-major.
    public let probabilities: [[[Float]]]

    /// Number of attention layers.
    public var layers: Int { probabilities.count }

    /// Number of heads of `layer`.
    public func heads(of layer: Int) -> Int { probabilities[layer].count }

    /// The map of `head` of `layer` as rows, or why there is none.
    public func map(layer: Int, head: Int) throws(AttentionError) -> [[Float]] {
        try checkLayer(layer)
        guard probabilities[layer].indices.contains(head) else { throw .noSuchHead(head, heads: heads(of: layer), layer: layer) }
        return rows(probabilities[layer][head])
    }

    /// Every head's map of `layer`, in head order.
    public func maps(layer: Int) throws(AttentionError) -> [[[Float]]] {
        try checkLayer(layer)
        return probabilities[layer].map(rows)
    }

    /// Attention rollout (Abnar & Zuidema, 2020): each layer's heads averaged, the identity added
    /// for the residual path (`0.5·A + 0.5·I`), rows renormalised, and the layers multiplied from
    /// the first up (`R = Â_L ··· Â_1`). Row i says how much each input position flows into
    /// position i at the last layer.
    public var rollout: [[Float]] {
        let n = length
        var result = identity
        for heads in probabilities {
            var mixed = [Float](repeating: 0, count: n * n)
            for head in heads { for i in 0..<(n * n) { mixed[i] += head[i] / Float(heads.count) } }
            for row in 0..<n {
                mixed[row * n + row] += 1
                let total = (0..<n).reduce(Float(0)) { $0 + mixed[row * n + $1] }
                for column in 0..<n { mixed[row * n + column] /= total }
            }
            var product = [Float](repeating: 0, count: n * n)
            for i in 0..<n {
                for k in 0..<n where mixed[i * n + k] != 0 {
                    let a = mixed[i * n + k]
                    for j in 0..<n { product[i * n + j] += a * result[k * n + j] }
                }
            }
            result = product
        }
        return rows(result)
    }

    private var identity: [Float] {
        var matrix = [Float](repeating: 0, count: length * length)
        for i in 0..<length { matrix[i * length + i] = 1 }
        return matrix
    }

    private func checkLayer(_ layer: Int) throws(AttentionError) {
        guard probabilities.indices.contains(layer) else { throw .noSuchLayer(layer, layers: layers) }
    }

    private func rows(_ flat: [Float]) -> [[Float]] {
        (0..<length).map { Array(flat[($0 * length)..<(($0 + 1) * length)]) }
    }
}

/// Why attention weights could not be shown.
public enum AttentionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The model has no attention layer (or reads features).
    case noAttention
    /// No tokens to attend over.
    case emptyInput
    /// More tokens than the context holds beside the soft prompt.
    case tooLong(tokens: Int, capacity: Int)
    /// A token id outside the vocabulary.
    case tokenOutOfRange(Int32, vocabulary: Int)
    /// A layer index past the model's attention layers.
    case noSuchLayer(Int, layers: Int)
    /// A head index past the layer's heads.
    case noSuchHead(Int, heads: Int, layer: Int)

    /// One-line explanation.
    public var description: String {
        switch self {
        case .noAttention: "the model has no attention layer"
        case .emptyInput: "the text has no tokens"
        case let .tooLong(tokens, capacity): "the text has \(tokens) tokens, but the model reads at most \(capacity)"
        case let .tokenOutOfRange(id, vocabulary): "token \(id) is outside the vocabulary 0..<\(vocabulary)"
        case let .noSuchLayer(layer, layers): "there is no attention layer \(layer): the model has \(layers) (0 to \(layers - 1))"
        case let .noSuchHead(head, heads, layer): "attention layer \(layer) has no head \(head): it has \(heads) (0 to \(heads - 1))"
        }
    }
}

extension Model {
    /// The attention probabilities of every attention layer and head over `tokens` (one sequence,
    /// every position real), from a forward pass without dropout or gradients; with a soft
    /// prompt, its positions come first.
    public func attentionWeights(tokens: [Int32]) throws(AttentionError) -> AttentionWeights {
        let paths = layerTree.compactMap { path, layer in layer is SelfAttention ? path : nil }
        guard case let .tokens(vocabulary, _) = spec.input, !paths.isEmpty else { throw .noAttention }
        guard !tokens.isEmpty else { throw .emptyInput }
        let capacity = tokenCapacity ?? 0
        guard tokens.count <= capacity else { throw .tooLong(tokens: tokens.count, capacity: capacity) }
        if let bad = tokens.first(where: { $0 < 0 || Int($0) >= vocabulary }) { throw .tokenOutOfRange(bad, vocabulary: vocabulary) }
        let graph = Graph(isTraining: false, recordsGradients: false)
        graph.attentionTaps = []
        _ = forward(.tokens(tokens, batch: 1, length: tokens.count), in: graph)
        let length = tokens.count + promptLength
        let heads = layerTree.compactMap { ($0.layer as? SelfAttention)?.heads }
        let probabilities = zip(graph.attentionTaps ?? [], heads).map { flat, count in
            (0..<count).map { head in Array(flat[(head * length * length)..<((head + 1) * length * length)]) }
        }
        return AttentionWeights(length: length, promptLength: promptLength, layerPaths: paths, probabilities: probabilities)
    }
}
