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

    /// The passes for data of `stepsPerEpoch` steps each.
    static func epochs(stepsPerEpoch: Int) -> Int {
        let wanted = (targetSteps + max(1, stepsPerEpoch) - 1) / max(1, stepsPerEpoch)
        return min(max(wanted, passes.lowerBound), passes.upperBound)
    }
}
