/// What a finished run's figures say went wrong, in words a user can act on: a training loss
/// that rose, or a validation accuracy that never rose above chance. Pure: figures in, text out.
struct RunDiagnosis {
    /// The training loss of every step.
    let losses: [Double]
    /// The validation accuracy of every evaluation that measured one.
    let accuracies: [Double]
    /// The accuracy of always guessing the largest class of the validation data; nil without it.
    let chance: Double?
    /// The run's base learning rate (the engine's single precision).
    let learningRate: Float

    /// Accuracy within this much of chance counts as chance.
    static let chanceMargin = 0.02
    /// The last steps' mean loss is "rising" when it exceeds the first steps' by this factor.
    static let riseFactor = 1.1

    /// The mean losses of the first and of the last tenth of the steps (at least one step each),
    /// once there are at least ten steps.
    var lossEnds: (first: Double, last: Double)? {
        guard losses.count >= 10 else { return nil }
        let window = max(1, losses.count / 10)
        func mean(_ part: ArraySlice<Double>) -> Double { part.reduce(0, +) / Double(part.count) }
        return (mean(losses.prefix(window)), mean(losses.suffix(window)))
    }

    /// The warning for this run, or nil when nothing looks wrong.
    var warning: String? {
        let rate = "try a lower lr: (now \(Value.format(learningRate)))"
        if let ends = lossEnds, ends.last > ends.first * Self.riseFactor {
            return "the training loss rose, from \(Self.short(ends.first)) over the first steps to \(Self.short(ends.last)) over the last; \(rate)"
        }
        guard let chance, let best = accuracies.max(), best <= chance + Self.chanceMargin else { return nil }
        let stayed = "validation accuracy stayed at chance (at best \(Self.short(best)); always guessing the largest class scores \(Self.short(chance)))"
        if let ends = lossEnds, ends.last < 0.7 * ends.first {
            return stayed + "; the training loss fell, so the model fits its training data without generalising: "
                + "give it more examples, fewer parameters or fewer epochs"
        }
        return stayed + "; the training loss did not fall much either: \(rate), or train for more epochs"
    }

    /// A figure with three significant digits.
    private static func short(_ value: Double) -> String {
        Value.format((value * 1000).rounded() / 1000)
    }
}
