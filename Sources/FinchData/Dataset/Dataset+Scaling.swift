#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif
import FinchEngine

extension Dataset {
    /// The standardisation measured on these feature rows, or nil for texts.
    public var fittedScaling: FeatureScaling? {
        guard case let .features(values, width) = inputs else { return nil }
        return FeatureScaling(fitting: values, width: width)
    }

    /// These feature rows standardised by `scaling` (texts are returned as they are); fails
    /// when `scaling` is for another number of features.
    public func scaled(by scaling: FeatureScaling) throws(DataError) -> Dataset {
        guard case let .features(values, width) = inputs else { return self }
        guard scaling.width == width else {
            throw .outOfRange(parameter: "the features of '\(name)'", value: "\(width)",
                              allowed: "the \(scaling.width) the model's input scaling was fitted on")
        }
        return replacingInputs(.features(values: scaling.apply(to: values), width: width))
    }

    /// The features with the smallest and the largest magnitude (largest absolute value), among
    /// those not always 0, and how many powers of ten lie between them; nil for texts and for
    /// fewer than two such features.
    public var magnitudeSpread: (smallest: String, largest: String, ordersOfMagnitude: Double)? {
        guard case let .features(values, width) = inputs else { return nil }
        var largest = [Float](repeating: 0, count: width)
        for (index, value) in values.enumerated() { largest[index % width] = max(largest[index % width], abs(value)) }
        let varying = largest.indices.filter { largest[$0] > 0 }
        guard varying.count >= 2, let low = varying.min(by: { largest[$0] < largest[$1] }),
              let high = varying.max(by: { largest[$0] < largest[$1] }) else { return nil }
        return (featureNames[low], featureNames[high], Double(log10(largest[high] / largest[low])))
    }
}
