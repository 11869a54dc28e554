import Glibc

/// Softmax over the last axis, each of `rows` rows of `width` (max-subtracted for stability).
func softmaxForward(_ out: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, rows: Int, width: Int) {
    parallelParts(rows, grain: max(1, elementGrain / max(width, 1))) { _, range in
        for r in range {
            let row = x + r * width, o = out + r * width
            var maximum = -Float.infinity
            for i in 0..<width where row[i] > maximum { maximum = row[i] }
            for i in 0..<width { o[i] = exponential(row[i] - maximum) }
            var sum: Float = 0
            for i in 0..<width { sum += o[i] }
            let inverse = 1 / sum
            for i in 0..<width { o[i] *= inverse }
        }
    }
}

/// dx += y ⊙ (dy − Σ dy⊙y) per row, where y is the saved softmax output.
func softmaxBackward(_ dx: UnsafeMutablePointer<Float>, _ y: UnsafePointer<Float>, _ dy: UnsafePointer<Float>, rows: Int, width: Int) {
    for r in 0..<rows {
        let yr = y + r * width, g = dy + r * width, d = dx + r * width
        var dot: Float = 0
        for i in 0..<width { dot += yr[i] * g[i] }
        for i in 0..<width { d[i] += yr[i] * (g[i] - dot) }
    }
}

/// Mean over rows of KL(targetsᵣ ‖ softmax(logitsᵣ)) for `logits[rows, classes]` and target
/// distributions `targets[rows, classes]`; the softmax probabilities go into `probs`.
func softCrossEntropyForward(probs: UnsafeMutablePointer<Float>, logits: UnsafePointer<Float>, targets: UnsafePointer<Float>,
                             rows: Int, classes: Int) -> Float {
    softmaxForward(probs, logits, rows: rows, width: classes)
    var total: Double = 0
    for j in 0..<(rows * classes) where targets[j] > 0 {
        total += Double(targets[j]) * Double(logf(targets[j]) - logf(max(probs[j], Float.leastNormalMagnitude)))
    }
    return Float(total / Double(max(rows, 1)))
}

/// Cross-entropy of `logits[rows, classes]` against `targets[rows]`: softmax probabilities into
/// `probs`, and the weighted mean negative log-probability of each
/// row's target over the rows not ignored: Σ w[tᵣ]·(−log pᵣ[tᵣ]) / Σ w[tᵣ], with `weights[class]`
/// (every weight 1 when nil, the plain mean). Returns the loss and the total weight Σ w[tᵣ].
func crossEntropyForward(
    probs: UnsafeMutablePointer<Float>, logits: UnsafePointer<Float>, targets: UnsafePointer<Int32>,
    weights: UnsafePointer<Float>? = nil, rows: Int, classes: Int, ignoreIndex: Int32
) -> (loss: Float, weight: Float) {
    softmaxForward(probs, logits, rows: rows, width: classes)
    var total: Double = 0
    var weight: Double = 0
    for r in 0..<rows where targets[r] != ignoreIndex {
        let target = Int(targets[r])
        let w = Double(weights?[target] ?? 1)
        total -= w * Double(logf(max(probs[r * classes + target], Float.leastNormalMagnitude)))
        weight += w
    }
    return (weight == 0 ? 0 : Float(total / weight), Float(weight))
}

/// dlogits += dloss · w[tᵣ] / weight · (probs − onehot(target)) for rows not ignored, `weight`
/// being the forward pass's total weight.
func crossEntropyBackward(
    dlogits: UnsafeMutablePointer<Float>, probs: UnsafePointer<Float>, targets: UnsafePointer<Int32>,
    weights: UnsafePointer<Float>? = nil, dloss: Float, rows: Int, classes: Int, ignoreIndex: Int32, weight: Float
) {
    guard weight > 0 else { return }
    let scale = dloss / weight
    parallelParts(rows, grain: max(1, elementGrain / max(classes, 1))) { _, range in
        for r in range where targets[r] != ignoreIndex {
            let target = Int(targets[r])
            let rowScale = scale * (weights?[target] ?? 1)
            let p = probs + r * classes, d = dlogits + r * classes
            for j in 0..<classes { d[j] += rowScale * p[j] }
            d[target] -= rowScale
        }
    }
}
