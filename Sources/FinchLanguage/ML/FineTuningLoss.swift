import FinchData
import FinchEngine

/// What `finetune` minimises when it is more than the standard loss of its data: class weights
/// (`class_weights:`), label smoothing (`label_smoothing:`) and a pull of the body toward its
/// weights before the run (`anchor:`, L2-SP). Read and checked from an invocation before the
/// model changes.
struct FineTuningLoss {
    /// One weight per class, or nil for equal weights.
    let classWeights: [Float]?
    /// The share of each target spread over all classes (0: none).
    let smoothing: Double
    /// The strength of the pull toward the body's starting weights (0: none).
    let anchoring: Double

    /// The choices of `invocation` for fine-tuning on `data`; a regression takes neither class
    /// weights nor smoothing.
    init(_ invocation: Invocation, data: DatasetObject) throws(FinchError) {
        classWeights = try Self.classWeights(invocation, data.dataset)
        smoothing = try invocation.number("label_smoothing", in: 0...0.5) ?? 0
        if smoothing > 0, data.dataset.targets != nil {
            throw FinchError(FineTuningFailure.smoothingOnRegression(data: data.name), at: invocation.place("label_smoothing"))
        }
        anchoring = try invocation.number("anchor", in: 0...1000) ?? 0
    }

    /// The anchor at `model`'s body as it is now (nil without `anchor:`): made before the
    /// tuning method changes the model.
    func anchor(at model: Model) -> WeightAnchor? {
        anchoring > 0 ? WeightAnchor(bodyOf: model) : nil
    }

    /// The objective of the run, or nil for the standard one of the targets (`regression`: MSE).
    func objective(anchor: WeightAnchor?, regression: Bool) -> (any Objective)? {
        var objective: (any Objective)?
        if classWeights != nil || smoothing > 0 {
            let hard = CrossEntropy(classWeights: classWeights)
            objective = smoothing > 0 ? LabelSmoothing(hard, epsilon: Float(smoothing)) : hard
        }
        guard let anchor else { return objective }
        let base: any Objective = objective ?? (regression ? MeanSquaredError() : CrossEntropy())
        return base.adding(anchor, weight: Float(anchoring))
    }

    /// The settings the run records for the choices made.
    var settings: [Record.Field] {
        var fields: [Record.Field] = []
        if let classWeights {
            fields.append(Record.Field(name: "class_weights", value: .list(classWeights.map { .number(Double($0.description) ?? Double($0)) })))
        }
        if smoothing > 0 { fields.append(Record.Field(name: "label_smoothing", value: .number(smoothing))) }
        if anchoring > 0 { fields.append(Record.Field(name: "anchor", value: .number(anchoring))) }
        return fields
    }

    /// The class weights `class_weights:` asks for (`balanced`, or one positive number per class
    /// of `dataset`), or nil for none.
    private static func classWeights(_ invocation: Invocation, _ dataset: Dataset) throws(FinchError) -> [Float]? {
        guard let bound = invocation.bound("class_weights") else { return nil }
        guard dataset.targets == nil else {
            throw FinchError(FineTuningFailure.classWeightsOnRegression(data: dataset.name), at: bound.range)
        }
        let classes = dataset.classNames.count
        switch bound.value {
        case .symbol("balanced"), .string("balanced"):
            return CrossEntropy.balancedWeights(classCounts: dataset.classCounts)
        case .list(let elements):
            guard let numbers = Functions.numbers(in: elements), numbers.count == classes,
                  numbers.allSatisfy({ $0.isFinite && $0 > 0 }) else {
                throw FinchError(FineTuningFailure.classWeightsCount(data: dataset.name, classes: dataset.classNames), at: bound.range)
            }
            return numbers.map(Float.init)
        default:
            throw FinchError(FineTuningFailure.classWeightsType(type: bound.value.typeDescription), at: bound.range)
        }
    }
}
