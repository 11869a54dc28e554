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

/// out[b, :] = mean over t of x[b, t, :], for x `[batch, length, width]`.
func meanPoolForward(_ out: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, batch: Int, length: Int, width: Int) {
    let inverse = 1 / Float(length)
    for b in 0..<batch {
        let o = out + b * width
        o.initialize(repeating: 0, count: width)
        for t in 0..<length {
            let row = x + (b * length + t) * width
            for j in 0..<width { o[j] += row[j] }
        }
        for j in 0..<width { o[j] *= inverse }
    }
}

/// dx[b, t, :] += dout[b, :] / length.
func meanPoolBackward(_ dx: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>, batch: Int, length: Int, width: Int) {
    let inverse = 1 / Float(length)
    for b in 0..<batch {
        for t in 0..<length {
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
