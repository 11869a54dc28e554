/// How many passes over its training data `finetune` makes when neither `epochs:` nor `steps:`
/// is given: enough for about ``targetSteps`` optimiser steps, within ``passes``.
///
/// A fixed number of passes does not carry over between data sets: three passes over the 112
/// training rows of iris at batch 16 are 21 steps, which left a linear classifier at chance,
/// while three passes over 100,000 rows are 18,750 steps. A budget of steps trains small data
/// long enough to converge (the classifiers of scikit-learn's iris, wine and breast-cancer files
/// come within a few points of standardised logistic regression) and still passes over a large
/// set three times. At 2,000 steps a linear classifier of iris was still 3 points behind
/// logistic regression (mean of five splits); at 4,000 (capped at 500 passes, 3,500 steps) it
/// matched it.
enum EpochBudget {
    /// The steps the budget aims at.
    static let targetSteps = 4000
    /// The fewest and most passes it chooses.
    static let passes = 3...500

    /// The `epochs:` keyword of the commands that train on a data set, `auto` unless given.
    static let parameter = Parameter("epochs", .wordOrValue(["auto"]),
                                     doc: "passes over the training data; auto: enough for about 4,000 steps (at least 3 passes, at most 500)",
                                     default: .symbol("auto"))

    /// The passes `invocation`'s `epochs:` asks for over data of `stepsPerEpoch` steps each, and
    /// whether the budget chose them and they count (`epochs:` left out or `auto`, and no
    /// `steps:`, which decides the run's length instead).
    static func epochs(_ invocation: Invocation, stepsPerEpoch: Int) throws(FinchError) -> (count: Int, automatic: Bool) {
        guard invocation["epochs"] != nil, invocation.word("epochs") != "auto" else {
            return (epochs(stepsPerEpoch: stepsPerEpoch), invocation["steps"] == nil)
        }
        return (try invocation.integer("epochs", in: 1...100_000) ?? epochs(stepsPerEpoch: stepsPerEpoch), false)
    }

    /// The passes for data of `stepsPerEpoch` steps each.
    static func epochs(stepsPerEpoch: Int) -> Int {
        let wanted = (targetSteps + max(1, stepsPerEpoch) - 1) / max(1, stepsPerEpoch)
        return min(max(wanted, passes.lowerBound), passes.upperBound)
    }
}
