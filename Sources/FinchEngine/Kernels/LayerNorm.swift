/// Rows per part below which layer-norm loops run on one thread.
let rowGrain = 64

/// Layer normalisation over the last axis: out = (x − mean)·rstd·w + b, per row of `width`.
/// Saves `stats[2·row] = mean`, `stats[2·row + 1] = rstd` for backward. `w`/`b` nil = 1/0.
func layerNormForward(
    _ out: UnsafeMutablePointer<Float>, stats: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>,
    _ w: UnsafePointer<Float>?, _ b: UnsafePointer<Float>?, rows: Int, width: Int, epsilon: Float
) {
    let inverseWidth = 1 / Float(width)
    parallelParts(rows, grain: rowGrain) { _, range in
        for r in range {
            let row = x + r * width, o = out + r * width
            let mean = lanesDot(row, nil, width) * inverseWidth
            // The output row holds x − mean until it is scaled in place below.
            for i in 0..<width { o[i] = row[i] - mean }
            let variance = lanesDot(o, o, width) * inverseWidth
            let rstd = 1 / (variance + epsilon).squareRoot()
            switch (w, b) {
            case let (w?, b?): for i in 0..<width { o[i] = o[i] * rstd * w[i] + b[i] }
            case let (w?, nil): for i in 0..<width { o[i] = o[i] * rstd * w[i] }
            case let (nil, b?): for i in 0..<width { o[i] = o[i] * rstd + b[i] }
            case (nil, nil): for i in 0..<width { o[i] = o[i] * rstd }
            }
            stats[2 * r] = mean
            stats[2 * r + 1] = rstd
        }
    }
}

/// Number of row chunks whose dw/db partial sums `layerNormBackward` adds in order. It depends on
/// the rows alone, so results are bit-identical whatever the thread count.
func layerNormChunks(rows: Int) -> Int { min(8, max(1, rows / rowGrain)) }

/// Floats of scratch `layerNormBackward` needs for `rows` rows of `width`.
func layerNormScratch(rows: Int, width: Int) -> Int { 2 * width * layerNormChunks(rows: rows) }

/// Accumulates the gradients of `layerNormForward` into `dx`, `dw`, `db` (each optional).
/// Rows are split into `layerNormChunks` chunks run across threads; each chunk sums its dw/db
/// into `scratch` (`layerNormScratch` floats, zeroed), and the chunks are added in order.
func layerNormBackward(
    dx: UnsafeMutablePointer<Float>?, dw: UnsafeMutablePointer<Float>?, db: UnsafeMutablePointer<Float>?,
    dout: UnsafePointer<Float>, x: UnsafePointer<Float>, w: UnsafePointer<Float>?, stats: UnsafePointer<Float>,
    rows: Int, width: Int, scratch: UnsafeMutablePointer<Float>
) {
    let inverseWidth = 1 / Float(width)
    let chunks = layerNormChunks(rows: rows)
    func backwardChunk(_ chunk: Int) {
        let partDw = scratch + 2 * width * chunk, partDb = partDw + width
        for r in chunk * rows / chunks..<(chunk + 1) * rows / chunks {
            let row = x + r * width, g = dout + r * width
            let mean = stats[2 * r], rstd = stats[2 * r + 1]
            // Eight lanes at a time (then the tail), so the two sums do not wait on each other.
            var sumG = SIMD8<Float>(), sumGX = SIMD8<Float>()
            var i = 0
            while i + 8 <= width {
                let gv = load8(g + i)
                let normed = (load8(row + i) - mean) * rstd
                let dnormed = w.map { gv * load8($0 + i) } ?? gv
                sumG += dnormed
                sumGX += dnormed * normed
                store8(partDw + i, load8(partDw + i) + gv * normed)
                store8(partDb + i, load8(partDb + i) + gv)
                i += 8
            }
            var meanG = sumG.sum(), meanGX = sumGX.sum()
            while i < width {
                let normed = (row[i] - mean) * rstd
                let dnormed = g[i] * (w?[i] ?? 1)
                meanG += dnormed
                meanGX += dnormed * normed
                partDw[i] += g[i] * normed
                partDb[i] += g[i]
                i += 1
            }
            guard let dx else { continue }
            meanG *= inverseWidth
            meanGX *= inverseWidth
            let d = dx + r * width
            for i in 0..<width {
                let normed = (row[i] - mean) * rstd
                let dnormed = g[i] * (w?[i] ?? 1)
                d[i] += rstd * (dnormed - meanG - normed * meanGX)
            }
        }
    }
    parallelParts(chunks, grain: 1) { _, range in
        for chunk in range { backwardChunk(chunk) }
    }
    for chunk in 0..<chunks {
        let partDw = scratch + 2 * width * chunk, partDb = partDw + width
        if let dw { for i in 0..<width { dw[i] += partDw[i] } }
        if let db { for i in 0..<width { db[i] += partDb[i] } }
    }
}

@inline(__always)
func load8(_ p: UnsafePointer<Float>) -> SIMD8<Float> { UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self) }

@inline(__always)
func store8(_ p: UnsafeMutablePointer<Float>, _ value: SIMD8<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: value, as: SIMD8<Float>.self)
}
