/// Operations that change a sequence's length: the soft prompt's vectors placed before the
/// input, and its positions dropped again before an lm head.
extension Graph {
    /// `rows [count, width]` placed before each sequence of `x [batch, length, width]`:
    /// `[batch, count + length, width]`. Both inputs receive gradients (the rows summed over the batch).
    public func prependRows(_ rows: Var, to x: Var) -> Var {
        let rd = nodes[rows.index].dims, xd = nodes[x.index].dims
        precondition(rd.rank == 2 && xd.rank == 3 && rd[1] == xd[2], "prependRows: rows \(rd.array) to \(xd.array)")
        let (v, out) = record(.prependRows(rows: rows.index, x: x.index), dims: Dims([xd[0], rd[0] + xd[1], xd[2]]), rows.index, x.index)
        prependRowsForward(out, rows: nodes[rows.index].value, x: nodes[x.index].value, batch: xd[0], count: rd[0], length: xd[1], width: xd[2])
        return v
    }

    /// `x [batch, length, width]` without its first `count` positions: `[batch, length − count, width]`.
    public func dropLeading(_ x: Var, count: Int) -> Var {
        let xd = nodes[x.index].dims
        precondition(xd.rank == 3 && (0..<xd[1]).contains(count), "dropLeading: \(count) of \(xd.array)")
        let (v, out) = record(.dropLeading(x.index, count: count), dims: Dims([xd[0], xd[1] - count, xd[2]]), x.index)
        dropLeadingForward(out, x: nodes[x.index].value, batch: xd[0], count: count, length: xd[1], width: xd[2])
        return v
    }
}

/// out[b] = [rows; x[b]] with rows `[count, width]`, x `[batch, length, width]`.
func prependRowsForward(_ out: UnsafeMutablePointer<Float>, rows: UnsafePointer<Float>, x: UnsafePointer<Float>,
                        batch: Int, count: Int, length: Int, width: Int) {
    let total = (count + length) * width
    for b in 0..<batch {
        (out + b * total).update(from: rows, count: count * width)
        (out + b * total + count * width).update(from: x + b * length * width, count: length * width)
    }
}

/// drows += Σ_b dout[b, :count], dx[b] += dout[b, count:].
func prependRowsBackward(drows: UnsafeMutablePointer<Float>?, dx: UnsafeMutablePointer<Float>?, dout: UnsafePointer<Float>,
                         batch: Int, count: Int, length: Int, width: Int) {
    let total = (count + length) * width
    for b in 0..<batch {
        if let drows { accumulate(drows, dout + b * total, count: count * width) }
        if let dx { accumulate(dx + b * length * width, dout + b * total + count * width, count: length * width) }
    }
}

/// out[b] = x[b, count:] for x `[batch, length, width]`.
func dropLeadingForward(_ out: UnsafeMutablePointer<Float>, x: UnsafePointer<Float>, batch: Int, count: Int, length: Int, width: Int) {
    let kept = (length - count) * width
    for b in 0..<batch { (out + b * kept).update(from: x + (b * length + count) * width, count: kept) }
}

/// dx[b, count:] += dout[b].
func dropLeadingBackward(_ dx: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>, batch: Int, count: Int, length: Int, width: Int) {
    let kept = (length - count) * width
    for b in 0..<batch { accumulate(dx + (b * length + count) * width, dout + b * kept, count: kept) }
}
