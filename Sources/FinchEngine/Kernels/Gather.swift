/// out[n, :] = table[ids[n], :] for `count` ids over rows of `width`.
func embeddingForward(_ out: UnsafeMutablePointer<Float>, table: UnsafePointer<Float>, ids: UnsafePointer<Int32>, count: Int, width: Int) {
    for n in 0..<count {
        (out + n * width).update(from: table + Int(ids[n]) * width, count: width)
    }
}

/// dtable[ids[n], :] += dout[n, :] (scatter-add; repeated ids accumulate).
func embeddingBackward(_ dtable: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>, ids: UnsafePointer<Int32>, count: Int, width: Int) {
    for n in 0..<count {
        let row = dtable + Int(ids[n]) * width, g = dout + n * width
        for j in 0..<width { row[j] += g[j] }
    }
}

/// out[b, :] = mean over t < n(b) of x[b, t, :], for x `[batch, length, width]`, where n(b) is
/// `lengths[b]` (the real positions of a right-padded sequence) or `length` when nil.
func meanPoolForward(
    _ out: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, batch: Int, length: Int, width: Int,
    lengths: UnsafePointer<Int32>?
) {
    for b in 0..<batch {
        let count = lengths.map { Int($0[b]) } ?? length, inverse = 1 / Float(count)
        let o = out + b * width
        o.initialize(repeating: 0, count: width)
        for t in 0..<count {
            let row = x + (b * length + t) * width
            for j in 0..<width { o[j] += row[j] }
        }
        for j in 0..<width { o[j] *= inverse }
    }
}

/// dx[b, t, :] += dout[b, :] / n(b) for t < n(b) (see `meanPoolForward`); pad positions get none.
func meanPoolBackward(
    _ dx: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>, batch: Int, length: Int, width: Int,
    lengths: UnsafePointer<Int32>?
) {
    for b in 0..<batch {
        let count = lengths.map { Int($0[b]) } ?? length, inverse = 1 / Float(count)
        for t in 0..<count {
            let row = dx + (b * length + t) * width, g = dout + b * width
            for j in 0..<width { row[j] += g[j] * inverse }
        }
    }
}

/// out[b, :] = x[b, 0, :] for x `[batch, length, width]`.
func firstTokenForward(_ out: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, batch: Int, length: Int, width: Int) {
    for b in 0..<batch { (out + b * width).update(from: x + b * length * width, count: width) }
}

/// dx[b, 0, :] += dout[b, :].
func firstTokenBackward(_ dx: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>, batch: Int, length: Int, width: Int) {
    for b in 0..<batch { accumulate(dx + b * length * width, dout + b * width, count: width) }
}
