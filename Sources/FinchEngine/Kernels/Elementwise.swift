import Glibc

// Elementwise kernels over flat buffers. Backward kernels accumulate (+=) into gradients.

/// Elements per part below which elementwise loops run on one thread.
let elementGrain = 16_384

/// out[n] = a[n] + b[n mod bCount]  (b broadcast over leading dimensions of a).
func addForward(_ out: UnsafeMutablePointer<Float>, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int, bCount: Int) {
    if bCount == count {
        parallelParts(count, grain: elementGrain) { _, range in
            for i in range { out[i] = a[i] + b[i] }
        }
        return
    }
    parallelParts(count / bCount, grain: elementGrain / bCount + 1) { _, blocks in
        for block in blocks {
            let base = block * bCount
            for j in 0..<bCount { out[base + j] = a[base + j] + b[j] }
        }
    }
}

/// db[j] += Σ over repeats of dout[· , j]  (the reduction that undoes broadcasting).
func addBackwardBroadcast(_ db: UnsafeMutablePointer<Float>, _ dout: UnsafePointer<Float>, count: Int, bCount: Int) {
    var base = 0
    while base < count {
        for j in 0..<bCount { db[j] += dout[base + j] }
        base += bCount
    }
}

/// p[n] = 0 for n in 0..<count, split across threads when large.
func zero(_ p: UnsafeMutablePointer<Float>, count: Int) {
    parallelParts(count, grain: 4 * elementGrain) { _, range in
        (p + range.lowerBound).initialize(repeating: 0, count: range.count)
    }
}

/// dst[n] += src[n].
func accumulate(_ dst: UnsafeMutablePointer<Float>, _ src: UnsafePointer<Float>, count: Int) {
    parallelParts(count, grain: elementGrain) { _, range in
        for i in range { dst[i] += src[i] }
    }
}

/// dst[n] = src[n].
func copyValues(_ dst: UnsafeMutablePointer<Float>, _ src: UnsafePointer<Float>, count: Int) {
    parallelParts(count, grain: 4 * elementGrain) { _, range in
        (dst + range.lowerBound).update(from: src + range.lowerBound, count: range.count)
    }
}

/// dst[n] += scale · src[n].
func accumulate(_ dst: UnsafeMutablePointer<Float>, _ src: UnsafePointer<Float>, scale: Float, count: Int) {
    for i in 0..<count { dst[i] += scale * src[i] }
}

/// out[n] = a[n] · b[n].
func mulForward(_ out: UnsafeMutablePointer<Float>, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) {
    for i in 0..<count { out[i] = a[i] * b[i] }
}

/// √(2/π), the GELU tanh-approximation constant.
let geluScale: Float = 0.797_884_560_8

/// out = GELU(x) with the tanh approximation: ½x(1 + tanh(√(2/π)(x + 0.044715x³))),
/// computed as x·σ(2u) (the same function; a vectorisable exponential instead of `tanhf`).
func geluForward(_ out: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, count: Int) {
    parallelParts(count, grain: elementGrain) { _, range in geluRange(out, x, range) }
}

/// `geluForward` over the elements of `range`, on the calling thread.
@inline(__always)
func geluRange(_ out: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, _ range: Range<Int>) {
    for i in range { out[i] = x[i] * geluGate(x[i]) }
}

/// `geluRange` that also saves the gate σ(2u) of each element in `gate`, for `geluBackwardFromGate`.
@inline(__always)
func geluRange(_ out: UnsafeMutablePointer<Float>, gate: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, _ range: Range<Int>) {
    for i in range {
        let s = geluGate(x[i])
        gate[i] = s
        out[i] = x[i] * s
    }
}

/// σ(2u), u = √(2/π)(v + 0.044715v³): GELU(v) = v·σ(2u).
@inline(__always)
func geluGate(_ v: Float) -> Float {
    let u = geluScale * (v + 0.044715 * v * v * v)
    return 1 / (1 + exponential(-2 * u))
}

/// dx = dout · GELU′(x) from the saved gates s = σ(2u) (no exponential):
/// GELU′ = s + 2·v·s(1 − s)·√(2/π)(1 + 3·0.044715v²). dx may be uninitialised.
func geluBackwardFromGate(
    _ dx: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, gate: UnsafePointer<Float>, _ dout: UnsafePointer<Float>, count: Int
) {
    parallelParts(count, grain: elementGrain) { _, range in
        for i in range {
            let v = x[i], s = gate[i]
            let local = s + 2 * v * s * (1 - s) * geluScale * (1 + 3 * 0.044715 * v * v)
            dx[i] = local * dout[i]
        }
    }
}

/// dx += dout · GELU′(x), with tanh(u) = 2σ(2u) − 1.
func geluBackward(_ dx: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, _ dout: UnsafePointer<Float>, count: Int) {
    parallelParts(count, grain: elementGrain) { _, range in
        for i in range { dx[i] += geluDerivative(x[i]) * dout[i] }
    }
}

/// GELU′(v) of the tanh approximation.
@inline(__always)
func geluDerivative(_ v: Float) -> Float {
    let u = geluScale * (v + 0.044715 * v * v * v)
    let t = 2 / (1 + exponential(-2 * u)) - 1
    return 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * geluScale * (1 + 3 * 0.044715 * v * v)
}

/// out = max(x, 0).
func reluForward(_ out: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, count: Int) {
    for i in 0..<count { out[i] = x[i] > 0 ? x[i] : 0 }
}

/// dx += dout where x > 0.
func reluBackward(_ dx: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, _ dout: UnsafePointer<Float>, count: Int) {
    for i in 0..<count where x[i] > 0 { dx[i] += dout[i] }
}

/// out = tanh(x).
func tanhForward(_ out: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, count: Int) {
    for i in 0..<count { out[i] = tanhf(x[i]) }
}

/// dx += dout · (1 − y²) where y = tanh(x) is the saved output.
func tanhBackward(_ dx: UnsafeMutablePointer<Float>, _ y: UnsafePointer<Float>, _ dout: UnsafePointer<Float>, count: Int) {
    for i in 0..<count { dx[i] += (1 - y[i] * y[i]) * dout[i] }
}
