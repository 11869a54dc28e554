/// eˣ in plain arithmetic (Cephes-style: 2ᵏ · polynomial on the reduced argument), so loops
/// that call it vectorise. Relative error below 2e-7 on [−87, 88]; inputs outside are clamped.
@inline(__always)
func exponential(_ x: Float) -> Float {
    let clamped = min(max(x, -87.3), 88.7)
    // Adding and removing 1.5·2²³ rounds to the nearest integer without a library call.
    let k = (clamped * 1.442_695_04 + 12_582_912) - 12_582_912
    let r = clamped - k * 0.693_359_375 + k * 2.121_944_4e-4
    var p: Float = 1.987_569_15e-4
    p = p * r + 1.398_199_95e-3
    p = p * r + 8.333_451_9e-3
    p = p * r + 4.166_579_59e-2
    p = p * r + 1.666_666_55e-1
    p = p * r + 5.000_000_12e-1
    let y = p * r * r + r + 1
    return y * Float(bitPattern: UInt32(bitPattern: Int32(k) + 127) << 23)
}

/// Σ a[i]·b[i] over `count` elements in eight independent lanes, so the additions do not wait on
/// each other (a fixed order: results are reproducible). `lanesDot(p, nil, n)` sums p.
@inline(__always)
func lanesDot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>?, _ count: Int) -> Float {
    var lanes = SIMD8<Float>()
    let rawA = UnsafeRawPointer(a)
    var i = 0
    if let b {
        let rawB = UnsafeRawPointer(b)
        while i + 8 <= count {
            lanes += rawA.loadUnaligned(fromByteOffset: 4 * i, as: SIMD8<Float>.self)
                * rawB.loadUnaligned(fromByteOffset: 4 * i, as: SIMD8<Float>.self)
            i += 8
        }
    } else {
        while i + 8 <= count {
            lanes += rawA.loadUnaligned(fromByteOffset: 4 * i, as: SIMD8<Float>.self)
            i += 8
        }
    }
    var total = lanes.sum()
    while i < count {
        total += a[i] * (b?[i] ?? 1)
        i += 1
    }
    return total
}

/// The largest of `count` (≥ 1) elements, eight lanes at a time (exact: order does not matter).
@inline(__always)
func lanesMax(_ a: UnsafePointer<Float>, _ count: Int) -> Float {
    let raw = UnsafeRawPointer(a)
    var i = 0, maximum = -Float.infinity
    if count >= 8 {
        var lanes = SIMD8<Float>(repeating: -.infinity)
        while i + 8 <= count {
            let next = raw.loadUnaligned(fromByteOffset: 4 * i, as: SIMD8<Float>.self)
            lanes.replace(with: next, where: next .> lanes)
            i += 8
        }
        maximum = lanes.max()
    }
    while i < count {
        maximum = max(maximum, a[i])
        i += 1
    }
    return maximum
}
