/// What the model should produce for one batch; an ``Objective`` says how far its output is.
public enum Targets {
    /// One class id per output row (`[batch]` for classifiers, `[batch·length]` for language
    /// models); rows equal to the ignore index have no target.
    case classes([Int32])
    /// Values with the output's element count (regression, rebuilt features).
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
    /// A sequence that does not fit in the model's context beside its soft prompt.
    case sequenceTooLongForPrompt(length: Int, prompt: Int, context: Int)
    /// Real lengths of padded rows that are not one per row, each in 1…length.
    case sequenceLengths(count: Int, rows: Int, length: Int)
    /// Inputs whose element count or width does not match.
    case inputShape(expected: [Int], got: [Int])
    /// A wrong number of targets.
    case targetCount(expected: Int, got: Int)
    /// A class id outside `0..<classes` that is not the ignore index.
    case classOutOfRange(id: Int32, classes: Int)
    /// Targets of another kind than the objective reads (`class ids` or `values`).
    case targetKind(expected: String)
    /// Class weights that are not one positive finite number per class.
    case classWeights(count: Int, classes: Int)
    /// An empty batch.
    case empty
    /// A distillation teacher whose number of classes differs from the student's.
    case teacherClasses(teacher: Int, student: Int)

    /// One-line explanation.
    public var description: String {
        switch self {
        case .wrongInputKind: "the batch's input kind (tokens or features) does not match the model"
        case let .tokenOutOfRange(id, vocabulary): "token id \(id) is outside the vocabulary 0..<\(vocabulary)"
        case let .sequenceTooLong(length, maximum): "sequence length \(length) exceeds the model's context of \(maximum)"
        case let .sequenceTooLongForPrompt(length, prompt, context):
            "sequence length \(length) and the soft prompt's \(prompt) positions exceed the model's context of \(context)"
        case let .sequenceLengths(count, rows, length): "\(count) real lengths for \(rows) rows; each must lie in 1…\(length)"
        case let .inputShape(expected, got): "input shape \(got) does not match the expected \(expected)"
        case let .targetCount(expected, got): "expected \(expected) targets, got \(got)"
        case let .classOutOfRange(id, classes): "target class \(id) is outside 0..<\(classes)"
        case let .targetKind(expected): "the objective needs \(expected) as targets"
        case let .classWeights(count, classes): "\(count) class weights for \(classes) classes; give one positive weight per class"
        case .empty: "the batch is empty"
        case let .teacherClasses(teacher, student): "the teacher outputs \(teacher) classes, the student \(student)"
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
            guard length + promptLength <= maximum else { throw .sequenceTooLongForPrompt(length: length, prompt: promptLength, context: maximum) }
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

    /// Checks that `batch` fits this model and its targets suit `objective`.
    public func validate(_ batch: Batch, objective: any Objective) throws(BatchError) {
        try validate(batch.input)
        try objective.validate(batch, for: self)
    }

    /// Records the forward pass of `batch` and `objective`'s loss on `graph`.
    func loss(_ batch: Batch, objective: any Objective, in graph: Graph) -> (loss: Var, output: Var) {
        let output = forward(batch.input, in: graph)
        return (objective.loss(output, for: batch, of: self, in: graph), output)
    }
}
