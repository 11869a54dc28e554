internal import Glibc
import FinchEngine

/// The `spirals` data set: three interleaved spiral arms in the plane, 200 points each, with
/// features `x` and `y` in about −1…1 and classes "a", "b", "c".
///
/// A point of arm *k* at position *t* ∈ [0, 1) lies at radius *t* and angle
/// 4·*t* + 2π*k*/3, plus Gaussian noise of 0.2 radians on the angle. No straight line separates
/// the arms, so a network needs hidden layers. Deterministic from the seed.
enum Spirals {
    /// The data set drawn with `seed`.
    static func generate(seed: UInt64) throws(DataError) -> Dataset {
        var generator = Xoshiro(seed: seed)
        var features: [Float] = [], labels: [Int] = []
        for arm in 0..<3 {
            for _ in 0..<200 {
                let t = generator.nextUniform()
                let angle = 4 * t + 2 * Float.pi * Float(arm) / 3 + 0.2 * generator.nextNormal()
                features += [t * cosf(angle), t * sinf(angle)]
                labels.append(arm)
            }
        }
        return try Dataset(name: "spirals", features: features, width: 2, featureNames: ["x", "y"],
                           labels: labels, classNames: ["a", "b", "c"])
    }
}
