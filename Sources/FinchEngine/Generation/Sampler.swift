import Glibc

/// Picks tokens from logits as ``Sampling`` says, in buffers of `vocabulary` floats allocated
/// once (nothing allocates per token).
final class Sampler {
    /// Number of token ids.
    let vocabulary: Int
    /// Probabilities (or masked logits) `[vocabulary]`.
    private let probabilities: UnsafeMutablePointer<Float>
    /// Sorted copy for the top-k and top-p cut-offs `[vocabulary]`.
    private let sorted: UnsafeMutablePointer<Float>
    /// `excluded[id]` is true for ids never picked.
    private let excluded: UnsafeMutablePointer<Bool>

    init(vocabulary: Int, excluding ids: Set<Int32>) {
        self.vocabulary = vocabulary
        probabilities = .allocate(capacity: vocabulary)
        sorted = .allocate(capacity: vocabulary)
        excluded = .allocate(capacity: vocabulary)
        excluded.initialize(repeating: false, count: vocabulary)
        for id in ids where id >= 0 && Int(id) < vocabulary { excluded[Int(id)] = true }
    }

    deinit {
        probabilities.deallocate()
        sorted.deallocate()
        excluded.deallocate()
    }

    /// Whether every id is excluded.
    var excludesEverything: Bool { (0..<vocabulary).allSatisfy { excluded[$0] } }

    /// The next token for `logits` `[vocabulary]`.
    func pick(_ logits: UnsafePointer<Float>, _ sampling: Sampling, _ generator: inout Xoshiro) -> Int32 {
        let n = vocabulary
        if sampling.temperature == 0 {
            var best = -1
            for i in 0..<n where !excluded[i] && (best < 0 || logits[i] > logits[best]) { best = i }
            return Int32(best)
        }
        let p = probabilities
        let inverseTemperature = 1 / sampling.temperature
        var maximum = -Float.infinity
        for i in 0..<n where !excluded[i] { maximum = max(maximum, logits[i] * inverseTemperature) }
        var total: Float = 0
        for i in 0..<n {
            p[i] = excluded[i] ? 0 : expf(logits[i] * inverseTemperature - maximum)
            total += p[i]
        }
        if let k = sampling.topK, k < n { total = keep(atLeast: { sorted[k - 1] }) }
        if let topP = sampling.topP, topP < 1 {
            total = keep(atLeast: {
                var mass: Float = 0, i = 0
                while i < n - 1 {
                    mass += sorted[i]
                    if mass >= topP * total { break }
                    i += 1
                }
                return sorted[i]
            })
        }
        var target = generator.nextUniform() * total
        for i in 0..<n {
            target -= p[i]
            if target <= 0, p[i] > 0 { return Int32(i) }
        }
        var last = n - 1
        while last > 0, p[last] == 0 { last -= 1 }
        return Int32(last)
    }

    /// Sorts the probabilities into `sorted` (largest first), zeroes those below the cut-off
    /// `cutoff()` reads from it, and returns the new total.
    private func keep(atLeast cutoff: () -> Float) -> Float {
        let n = vocabulary
        sorted.update(from: probabilities, count: n)
        var buffer = UnsafeMutableBufferPointer(start: sorted, count: n)
        buffer.sort(by: >)
        let threshold = cutoff()
        var kept: Float = 0
        for i in 0..<n {
            if probabilities[i] < threshold { probabilities[i] = 0 }
            kept += probabilities[i]
        }
        return kept
    }
}
