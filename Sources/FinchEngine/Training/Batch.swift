/// What the model should produce for one batch.
public enum Targets {
    /// One class id per output row (`[batch]` for classifiers, `[batch·length]` for language
    /// models); trained with cross-entropy, rows equal to the ignore index are skipped.
    case classes([Int32])
    /// Regression targets with the output's element count; trained with mean squared error.
    case values(Tensor)
}

/// One batch of examples.
public struct Batch {
    /// The inputs.
    public var input: ModelInput
    /// The expected outputs.
    public var targets: Targets

    /// A batch from its parts.
    public init(input: ModelInput, targets: Targets) {
        self.input = input
        self.targets = targets
    }
}

/// Why a batch does not fit a model.
public enum BatchError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Token ids given to a feature model, or features to a token model.
    case wrongInputKind
    /// A token id outside `0..<vocabulary`.
    case tokenOutOfRange(id: Int32, vocabulary: Int)
    /// A sequence longer than the model's context.
    case sequenceTooLong(length: Int, maximum: Int)
    /// Real lengths of padded rows that are not one per row, each in 1…length.
    case sequenceLengths(count: Int, rows: Int, length: Int)
    /// Inputs whose element count or width does not match.
    case inputShape(expected: [Int], got: [Int])
    /// A wrong number of targets.
    case targetCount(expected: Int, got: Int)
    /// A class id outside `0..<classes` that is not the ignore index.
    case classOutOfRange(id: Int32, classes: Int)
    /// An empty batch.
    case empty

    /// One-line explanation.
    public var description: String {
        switch self {
        case .wrongInputKind: "the batch's input kind (tokens or features) does not match the model"
        case let .tokenOutOfRange(id, vocabulary): "token id \(id) is outside the vocabulary 0..<\(vocabulary)"
        case let .sequenceTooLong(length, maximum): "sequence length \(length) exceeds the model's context of \(maximum)"
        case let .sequenceLengths(count, rows, length): "\(count) real lengths for \(rows) rows; each must lie in 1…\(length)"
        case let .inputShape(expected, got): "input shape \(got) does not match the expected \(expected)"
        case let .targetCount(expected, got): "expected \(expected) targets, got \(got)"
        case let .classOutOfRange(id, classes): "target class \(id) is outside 0..<\(classes)"
        case .empty: "the batch is empty"
        }
    }
}

extension Model {
    /// Checks that `input` fits this model.
    public func validate(_ input: ModelInput) throws(BatchError) {
        switch (input, spec.input) {
        case let (.tokens(ids, batch, length, lengths), .tokens(vocabulary, maximum)):
            guard batch > 0, length > 0 else { throw .empty }
            guard ids.count == batch * length else { throw .inputShape(expected: [batch, length], got: [ids.count]) }
            guard length <= maximum else { throw .sequenceTooLong(length: length, maximum: maximum) }
            if let lengths, lengths.count != batch || lengths.contains(where: { !(1...length).contains($0) }) {
                throw .sequenceLengths(count: lengths.count, rows: batch, length: length)
            }
            if let bad = ids.first(where: { $0 < 0 || Int($0) >= vocabulary }) { throw .tokenOutOfRange(id: bad, vocabulary: vocabulary) }
        case let (.features(tensor), .features(width)):
            guard tensor.rank == 2, tensor.shape[1] == width else { throw .inputShape(expected: [-1, width], got: tensor.shape) }
            guard tensor.shape[0] > 0 else { throw .empty }
        default:
            throw .wrongInputKind
        }
    }

    /// Output rows for `input`: examples, or examples × positions while the output is a sequence.
    func outputRows(_ input: ModelInput) -> Int {
        (plan.entries.last?.isSequence ?? false) ? input.batch * input.length : input.batch
    }

    /// Checks that `batch` fits this model, targets included.
    public func validate(_ batch: Batch, ignoreIndex: Int32) throws(BatchError) {
        try validate(batch.input)
        let rows = outputRows(batch.input), classes = plan.outputWidth
        switch batch.targets {
        case let .classes(labels):
            guard labels.count == rows else { throw .targetCount(expected: rows, got: labels.count) }
            if let bad = labels.first(where: { $0 != ignoreIndex && ($0 < 0 || Int($0) >= classes) }) {
                throw .classOutOfRange(id: bad, classes: classes)
            }
        case let .values(tensor):
            guard tensor.count == rows * classes else { throw .targetCount(expected: rows * classes, got: tensor.count) }
        }
    }

    /// Records the loss of `batch` on `graph` (cross-entropy for classes, MSE for values).
    func loss(_ batch: Batch, in graph: Graph, ignoreIndex: Int32) -> (loss: Var, output: Var) {
        let output = forward(batch.input, in: graph)
        switch batch.targets {
        case let .classes(labels):
            return (labels.withUnsafeBufferPointer { graph.crossEntropy(output, targets: $0, ignoreIndex: ignoreIndex) }, output)
        case let .values(tensor):
            return (tensor.withUnsafePointer { graph.mse(output, target: UnsafeBufferPointer(start: $0, count: tensor.count)) }, output)
        }
    }
}
