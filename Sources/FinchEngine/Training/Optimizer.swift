import Glibc

/// Which update rule trains the parameters.
public enum OptimizerKind: Equatable, Sendable {
    /// Stochastic gradient descent with heavy-ball momentum (PyTorch's form; 0 = plain SGD).
    case sgd(momentum: Float = 0)
    /// Adam with bias correction.
    case adam(beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8)
    /// AdamW: Adam with decoupled weight decay `p -= lr · weightDecay · p`.
    case adamW(beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float = 0.01)

    /// Floats of state kept per parameter element.
    var statesPerElement: Int {
        switch self {
        case let .sgd(momentum): momentum == 0 ? 0 : 1
        case .adam, .adamW: 2
        }
    }
}

/// Learning-rate multiplier and weight-decay override for parameters whose names match `pattern`.
/// The first matching group applies; parameters matching none use scale 1 and the default decay.
public struct ParameterGroup: Equatable, Sendable {
    /// Name pattern (see `NamePattern`).
    public var pattern: String
    /// Multiplies the scheduled learning rate.
    public var learningRateScale: Float
    /// Replaces AdamW's weight decay for these parameters, when given.
    public var weightDecay: Float?

    /// A group from its parts.
    public init(pattern: String, learningRateScale: Float = 1, weightDecay: Float? = nil) {
        self.pattern = pattern
        self.learningRateScale = learningRateScale
        self.weightDecay = weightDecay
    }
}

/// Per-parameter update state and rule, over flat buffers allocated once.
final class Optimizer {
    private struct Slot {
        let parameter: Parameter
        let scale: Float
        let weightDecay: Float
        let first: UnsafeMutablePointer<Float>?
        let second: UnsafeMutablePointer<Float>?
    }

    let kind: OptimizerKind
    private var slots: [Slot] = []
    /// Number of updates applied (for Adam's bias correction).
    private(set) var steps = 0
    /// Bytes of optimiser state.
    let stateBytes: Int

    /// State for every parameter of `parameters` that requires a gradient now. AdamW decays only
    /// parameters of rank ≥ 2 (matrices, embeddings) unless a group says otherwise.
    init(kind: OptimizerKind, parameters: [NamedParameter], groups: [ParameterGroup]) {
        self.kind = kind
        let patterns = groups.map { NamePattern($0.pattern) }
        var bytes = 0
        for named in parameters where named.parameter.requiresGrad {
            let group = zip(groups, patterns).first { $0.1.matches(named.name) }?.0
            var decay: Float = 0
            if case let .adamW(_, _, _, weightDecay) = kind, named.parameter.shape.count >= 2 { decay = weightDecay }
            if let override = group?.weightDecay { decay = override }
            let count = named.parameter.count
            func buffer() -> UnsafeMutablePointer<Float> {
                let pointer = UnsafeMutablePointer<Float>.allocate(capacity: count)
                pointer.initialize(repeating: 0, count: count)
                bytes += count * 4
                return pointer
            }
            let states = kind.statesPerElement
            slots.append(Slot(parameter: named.parameter, scale: group?.learningRateScale ?? 1, weightDecay: decay,
                              first: states >= 1 ? buffer() : nil, second: states >= 2 ? buffer() : nil))
        }
        stateBytes = bytes
    }

    deinit {
        for slot in slots {
            slot.first?.deallocate()
            slot.second?.deallocate()
        }
    }

    /// The parameters this optimiser updates.
    var parameters: [Parameter] { slots.map(\.parameter) }

    /// Applies one update with base learning rate `rate` to every parameter still trainable.
    func step(learningRate rate: Float) {
        steps += 1
        for slot in slots where slot.parameter.requiresGrad {
            let p = slot.parameter.valuePointer, g = slot.parameter.gradPointer, n = slot.parameter.count
            let lr = rate * slot.scale
            switch kind {
            case let .sgd(momentum):
                if let buffer = slot.first {
                    for i in 0..<n {
                        buffer[i] = momentum * buffer[i] + g[i]
                        p[i] -= lr * buffer[i]
                    }
                } else {
                    for i in 0..<n { p[i] -= lr * g[i] }
                }
            case let .adam(beta1, beta2, epsilon):
                adamUpdate(p, g, slot.first!, slot.second!, n, lr: lr, beta1: beta1, beta2: beta2, epsilon: epsilon, decay: 0)
            case let .adamW(beta1, beta2, epsilon, _):
                adamUpdate(p, g, slot.first!, slot.second!, n, lr: lr, beta1: beta1, beta2: beta2, epsilon: epsilon, decay: slot.weightDecay)
            }
        }
    }

    private func adamUpdate(
        _ p: UnsafeMutablePointer<Float>, _ g: UnsafeMutablePointer<Float>, _ m: UnsafeMutablePointer<Float>,
        _ v: UnsafeMutablePointer<Float>, _ n: Int, lr: Float, beta1: Float, beta2: Float, epsilon: Float, decay: Float
    ) {
        let correction1 = 1 - powf(beta1, Float(steps)), correction2 = 1 - powf(beta2, Float(steps))
        let stepSize = lr / correction1, inverseRoot = 1 / correction2.squareRoot()
        let shrink = 1 - lr * decay
        let oneMinusBeta1 = 1 - beta1, oneMinusBeta2 = 1 - beta2
        parallelParts(n, grain: elementGrain) { _, range in
            // Eight lanes at a time, then the tail: the same operations in the same order per
            // element, so results do not depend on where a range starts.
            var i = range.lowerBound
            while i + 8 <= range.upperBound {
                let gi = UnsafeRawPointer(g + i).loadUnaligned(as: SIMD8<Float>.self)
                let mi = beta1 * UnsafeRawPointer(m + i).loadUnaligned(as: SIMD8<Float>.self) + oneMinusBeta1 * gi
                let vi = beta2 * UnsafeRawPointer(v + i).loadUnaligned(as: SIMD8<Float>.self) + oneMinusBeta2 * gi * gi
                let pi = UnsafeRawPointer(p + i).loadUnaligned(as: SIMD8<Float>.self)
                let updated = pi * shrink - stepSize * mi / (vi.squareRoot() * inverseRoot + epsilon)
                UnsafeMutableRawPointer(m + i).storeBytes(of: mi, as: SIMD8<Float>.self)
                UnsafeMutableRawPointer(v + i).storeBytes(of: vi, as: SIMD8<Float>.self)
                UnsafeMutableRawPointer(p + i).storeBytes(of: updated, as: SIMD8<Float>.self)
                i += 8
            }
            while i < range.upperBound {
                m[i] = beta1 * m[i] + oneMinusBeta1 * g[i]
                v[i] = beta2 * v[i] + oneMinusBeta2 * g[i] * g[i]
                p[i] = p[i] * shrink - stepSize * m[i] / (v[i].squareRoot() * inverseRoot + epsilon)
                i += 1
            }
        }
    }
}

/// Scales all gradients of `parameters` so their global L2 norm is at most `maxNorm`;
/// returns the norm before clipping.
@discardableResult
func clipGradients(_ parameters: [Parameter], maxNorm: Float?) -> Float {
    var total: Double = 0
    for parameter in parameters where parameter.requiresGrad {
        let g = parameter.gradPointer
        total += Double(lanesDot(g, g, parameter.count))
    }
    let norm = Float(total.squareRoot())
    if let maxNorm, norm > maxNorm {
        let factor = maxNorm / (norm + 1e-6)
        for parameter in parameters where parameter.requiresGrad {
            let g = parameter.gradPointer
            for i in 0..<parameter.count { g[i] *= factor }
        }
    }
    return norm
}
