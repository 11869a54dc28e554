import FinchData
import FinchEngine

/// Feature standardisation as the language applies it: fitted on the data a model is first
/// trained on, kept by the model (``Model/inputScaling`` and ``Model/targetScaling``, saved with
/// it), and applied to every data set the model then reads, for training, evaluation and
/// prediction alike.
///
/// A value: the scalings a run uses, either the model's own or new ones fitted on its training
/// data. New ones become the model's only when the run starts (``adopt(by:output:)``), so a
/// training command refused before that leaves the model as it was.
struct InputStandardisation {
    /// Unscaled features whose largest values lie this many powers of ten apart draw a warning.
    static let warningSpread = 2.0

    /// How the features are scaled; nil for raw features.
    let input: FeatureScaling?
    /// How the targets are scaled; nil for raw targets (and for classification).
    let target: FeatureScaling?
    /// What is said when the run adopts new scalings; nil when the model keeps its own.
    private let announcement: String?

    /// The scalings `object` uses as it is.
    init(of object: ModelObject) {
        input = object.model.inputScaling
        target = object.model.targetScaling
        announcement = nil
    }

    /// The scalings for training `object` on `dataset`: the model's own, else (when the data set
    /// asks for standardising, ``Dataset/standardize``) new ones fitted on `dataset`. Unscaled
    /// features spanning orders of magnitude draw a warning on `output`.
    init(training dataset: Dataset, for object: ModelObject, output: any OutputSink) {
        var input = object.model.inputScaling, target = object.model.targetScaling
        var announcement: String?
        if input == nil, let width = dataset.width {
            if dataset.standardize, let scaling = dataset.fittedScaling {
                input = scaling
                announcement = "standardising the \(width) features of \(object.name) with the mean and deviation of \(dataset.name); "
                    + "the model keeps them for evaluate, predict and save"
            } else if let spread = dataset.magnitudeSpread, spread.ordersOfMagnitude >= Self.warningSpread {
                output.write("warning: the features of \(dataset.name) are not standardised and span "
                             + "\(Value.format((spread.ordersOfMagnitude * 10).rounded() / 10)) orders of magnitude "
                             + "('\(spread.smallest)' is the smallest, '\(spread.largest)' the largest); "
                             + "load the data with standardize: true\n", to: .stderr)
            }
        }
        if target == nil, dataset.standardize, let targets = dataset.targets {
            target = FeatureScaling(fitting: targets, width: 1)
        }
        self.input = input
        self.target = target
        self.announcement = announcement
    }

    /// Gives `object` the scalings it does not have yet, saying so on `output`; called as the
    /// run starts.
    func adopt(by object: ModelObject, output: any OutputSink) {
        if object.model.inputScaling == nil { object.model.inputScaling = input }
        if object.model.targetScaling == nil { object.model.targetScaling = target }
        if let announcement { output.write(announcement + "\n", to: .stdout) }
    }

    /// `dataset` on this scale: its features standardised by the input scaling and its targets
    /// by the target scaling, where there are such; errors point at `range`.
    func scaled(_ dataset: Dataset, at range: SourceRange) throws(FinchError) -> Dataset {
        var result = dataset
        do throws(DataError) {
            if let input, dataset.width != nil { result = try result.scaled(by: input) }
            if let target, let targets = result.targets {
                result = try result.withTargets(target.apply(to: targets), named: result.targetName)
            }
        } catch {
            throw FinchError(EngineRefusal.data(error), at: range)
        }
        return result
    }

    /// `dataset` on the scale `object` was trained on; errors point at `range`.
    static func scaled(_ dataset: Dataset, for object: ModelObject, at range: SourceRange) throws(FinchError) -> Dataset {
        try InputStandardisation(of: object).scaled(dataset, at: range)
    }
}
