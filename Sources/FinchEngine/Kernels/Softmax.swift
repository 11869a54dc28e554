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

/// Mean cross-entropy of `logits[rows, classes]` against `targets[rows]`, skipping rows whose
/// target is `ignoreIndex`. Saves the softmax in `probs`. Returns (loss, counted rows).
func crossEntropyForward(
    probs: UnsafeMutablePointer<Float>, logits: UnsafePointer<Float>, targets: UnsafePointer<Int32>,
    rows: Int, classes: Int, ignoreIndex: Int32
) -> (loss: Float, counted: Int) {
    softmaxForward(probs, logits, rows: rows, width: classes)
    var total: Double = 0
    var counted = 0
    for r in 0..<rows where targets[r] != ignoreIndex {
        let p = probs[r * classes + Int(targets[r])]
        total -= Double(logf(max(p, Float.leastNormalMagnitude)))
        counted += 1
    }
    return (counted == 0 ? 0 : Float(total / Double(counted)), counted)
}

/// dlogits += dloss / counted · (probs − onehot(target)) for rows not ignored.
func crossEntropyBackward(
    dlogits: UnsafeMutablePointer<Float>, probs: UnsafePointer<Float>, targets: UnsafePointer<Int32>,
    dloss: Float, rows: Int, classes: Int, ignoreIndex: Int32, counted: Int
) {
    guard counted > 0 else { return }
    let scale = dloss / Float(counted)
    parallelParts(rows, grain: max(1, elementGrain / max(classes, 1))) { _, range in
        for r in range where targets[r] != ignoreIndex {
            let p = probs + r * classes, d = dlogits + r * classes
            for j in 0..<classes { d[j] += scale * p[j] }
            d[Int(targets[r])] -= scale
        }
    }
}
