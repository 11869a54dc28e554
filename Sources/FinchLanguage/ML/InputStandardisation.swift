import FinchData
import FinchEngine

/// Feature standardisation as the language applies it: fitted on the data a model is first
/// trained on, kept by the model (``Model/inputScaling``, saved with it), and applied to every
/// data set the model then reads, for training, evaluation and prediction alike.
enum InputStandardisation {
    /// Unscaled features whose largest values lie this many powers of ten apart draw a warning.
    static let warningSpread = 2.0

    /// `dataset` as `object` trains on it. A feature model without a scaling is given one fitted
    /// on `dataset` when the data set asks for it (``Dataset/standardize``), which is said on
    /// standard output; otherwise features spanning orders of magnitude draw a warning.
    static func training(_ dataset: Dataset, for object: ModelObject, in invocation: Invocation) throws(FinchError) -> Dataset {
        let output = invocation.interpreter.output
        if object.model.inputScaling == nil, let width = dataset.width {
            if dataset.standardize, let scaling = dataset.fittedScaling {
                object.model.inputScaling = scaling
                output.write("standardising the \(width) features of \(object.name) with the mean and deviation of \(dataset.name); "
                             + "the model keeps them for evaluate, predict and save\n", to: .stdout)
            } else if let spread = dataset.magnitudeSpread, spread.ordersOfMagnitude >= warningSpread {
                output.write("warning: the features of \(dataset.name) are not standardised and span "
                             + "\(Value.format((spread.ordersOfMagnitude * 10).rounded() / 10)) orders of magnitude "
                             + "('\(spread.smallest)' is the smallest, '\(spread.largest)' the largest); "
                             + "load the data with standardize: true\n", to: .stderr)
            }
        }
        if object.model.targetScaling == nil, dataset.standardize, let targets = dataset.targets {
            object.model.targetScaling = FeatureScaling(fitting: targets, width: 1)
        }
        return try scaled(dataset, for: object, at: invocation.place("on"))
    }

    /// `dataset` on the scale `object` was trained on: its features standardised by the
    /// model's input scaling and its targets by its target scaling, where it has them; errors
    /// point at `range`.
    static func scaled(_ dataset: Dataset, for object: ModelObject, at range: SourceRange) throws(FinchError) -> Dataset {
        var result = dataset
        do throws(DataError) {
            if let scaling = object.model.inputScaling, dataset.width != nil { result = try result.scaled(by: scaling) }
            if let scaling = object.model.targetScaling, let targets = result.targets {
                result = try result.withTargets(scaling.apply(to: targets), named: result.targetName)
            }
        } catch {
            throw FinchError(.value, error.description, at: range)
        }
        return result
    }
}
