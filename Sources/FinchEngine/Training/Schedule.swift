import Glibc

/// How the learning rate changes over training steps (0-based).
public enum LearningRateSchedule: Equatable, Sendable {
    /// The base rate throughout.
    case constant
    /// Rises linearly to the base rate over `steps`, then stays.
    case linearWarmup(steps: Int)
    /// Linear warm-up over `warmup` steps, cosine decay to `minimum` at step `total`, then
    /// `minimum` (nanoGPT's schedule).
    case cosine(warmup: Int, total: Int, minimum: Float)
    /// One-cycle (Smith): cosine rise from base/`divFactor` to base over the first
    /// `peakFraction` of `total` steps, then cosine fall to base/(`divFactor`·`finalDivFactor`).
    case oneCycle(total: Int, peakFraction: Float = 0.3, divFactor: Float = 25, finalDivFactor: Float = 10_000)

    /// The rate at `step` for base rate `base`.
    public func rate(at step: Int, base: Float) -> Float {
        switch self {
        case .constant:
            return base
        case let .linearWarmup(steps):
            return step < steps ? base * Float(step + 1) / Float(steps + 1) : base
        case let .cosine(warmup, total, minimum):
            if step < warmup { return base * Float(step + 1) / Float(warmup + 1) }
            if step > total { return minimum }
            let ratio = Float(step - warmup) / Float(max(total - warmup, 1))
            return minimum + 0.5 * (1 + cosf(Float.pi * ratio)) * (base - minimum)
        case let .oneCycle(total, peakFraction, divFactor, finalDivFactor):
            let initial = base / divFactor, final = initial / finalDivFactor
            let peakStep = max(Float(total) * peakFraction - 1, 1)
            let s = Float(min(step, total - 1))
            func anneal(_ start: Float, _ end: Float, _ fraction: Float) -> Float {
                end + (start - end) / 2 * (1 + cosf(Float.pi * min(max(fraction, 0), 1)))
            }
            if s <= peakStep { return anneal(initial, base, s / peakStep) }
            return anneal(base, final, (s - peakStep) / max(Float(total - 1) - peakStep, 1))
        }
    }
}
