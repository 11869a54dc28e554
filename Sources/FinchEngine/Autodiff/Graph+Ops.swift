/// Differentiable operations. Shapes are checked with preconditions: a mismatch here is a bug in
/// the calling layer, since user-facing shapes are validated when a model is built.
extension Graph {
    /// The same values with a new shape of equal element count (no copy of the forward value).
    public func reshape(_ x: Var, _ shape: [Int]) -> Var {
        let node = nodes[x.index]
        precondition(shape.reduce(1, *) == node.dims.count, "reshape \(node.dims.array) to \(shape)")
        let (v, _) = record(.reshape(x.index), dims: Dims(shape), x.index)
        nodes[v.index].value = node.value
        return v
    }

    /// `x[…, inputs] · weightᵀ + bias` with weight `[outputs, inputs]` and bias `[outputs]`.
    public func linear(_ x: Var, weight: Var, bias: Var? = nil) -> Var {
        let xd = nodes[x.index].dims, wd = nodes[weight.index].dims
        precondition(wd.rank == 2 && xd.last == wd[1], "linear: input \(xd.array) weight \(wd.array)")
        let outputs = wd[0]
        let (v, out) = record(.linear(x: x.index, w: weight.index, b: bias?.index ?? -1),
                              dims: xd.replacingLast(outputs), x.index, weight.index, bias?.index ?? -1)
        linearForward(out, nodes[x.index].value, nodes[weight.index].value, bias.map { nodes[$0.index].value },
                      rows: xd.rows, inputs: xd.last, outputs: outputs)
        return v
    }

    /// `x · [w0; w1; w2]ᵀ`: three bias-free projections of one input as one product, their
    /// outputs side by side in `[…, o0 + o1 + o2]` (the weights `[oᵢ, inputs]` are copied into
    /// one packed matrix for the step).
    func linearPacked(_ x: Var, _ w0: Var, _ w1: Var, _ w2: Var) -> Var {
        let xd = nodes[x.index].dims, inputs = xd.last
        var outputs = 0
        for w in [w0.index, w1.index, w2.index] {
            let wd = nodes[w].dims
            precondition(wd.rank == 2 && wd[1] == inputs, "linearPacked: input \(xd.array) weight \(wd.array)")
            outputs += wd[0]
        }
        let packed = floats.allocate(outputs * inputs)
        var offset = 0
        for w in [w0.index, w1.index, w2.index] {
            let count = nodes[w].dims.count
            (packed + offset).update(from: nodes[w].value, count: count)
            offset += count
        }
        let (v, out) = record(.linearPacked(x: x.index, w0: w0.index, w1: w1.index, w2: w2.index, packed: packed),
                              dims: xd.replacingLast(outputs), x.index, w0.index, w1.index, w2.index)
        linearForward(out, nodes[x.index].value, packed, nil, rows: xd.rows, inputs: inputs, outputs: outputs)
        return v
    }

    /// `GELU(x · weightᵀ + bias)` as one op: the activation runs on each block of rows right after
    /// the product computed it and saves its gates, so backward needs no exponential and no
    /// zeroed buffer for the pre-activation's gradient.
    func linearGELU(_ x: Var, weight: Var, bias: Var? = nil) -> Var {
        let xd = nodes[x.index].dims, wd = nodes[weight.index].dims
        precondition(wd.rank == 2 && xd.last == wd[1], "linearGELU: input \(xd.array) weight \(wd.array)")
        let outputs = wd[0], dims = xd.replacingLast(outputs)
        let pre = floats.allocate(dims.count)
        let gate = recordsGradients ? floats.allocate(dims.count) : pre
        let (v, out) = record(.linearGELU(x: x.index, w: weight.index, b: bias?.index ?? -1, pre: pre, gate: gate),
                              dims: dims, x.index, weight.index, bias?.index ?? -1)
        let saveGates = nodes[v.index].requiresGrad
        linearForward(pre, nodes[x.index].value, nodes[weight.index].value, bias.map { nodes[$0.index].value },
                      rows: xd.rows, inputs: xd.last, outputs: outputs) { rows in
            let elements = rows.lowerBound * outputs..<rows.upperBound * outputs
            if saveGates { geluRange(out, gate: gate, pre, elements) } else { geluRange(out, pre, elements) }
        }
        return v
    }

    /// Batched matrix product over the last two axes: `a[…, m, k] · b[…, k, n]` (or `b[k, n]`
    /// shared across the batch), with either operand read transposed.
    public func matmul(_ a: Var, _ b: Var, transposeA: Bool = false, transposeB: Bool = false) -> Var {
        let ad = nodes[a.index].dims, bd = nodes[b.index].dims
        precondition(ad.rank >= 2 && bd.rank >= 2, "matmul needs matrices")
        let m = transposeA ? ad[ad.rank - 1] : ad[ad.rank - 2], k = transposeA ? ad[ad.rank - 2] : ad[ad.rank - 1]
        let kb = transposeB ? bd[bd.rank - 1] : bd[bd.rank - 2], n = transposeB ? bd[bd.rank - 2] : bd[bd.rank - 1]
        let batch = ad.count / (m * k), batchB = bd.count / (kb * n)
        precondition(k == kb && (batchB == 1 || batchB == batch), "matmul: \(ad.array) · \(bd.array)")
        var dims = ad
        dims[ad.rank - 2] = m
        dims[ad.rank - 1] = n
        let shape = MatmulShape(batch: batch, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB, batchedB: batchB > 1)
        let (v, out) = record(.matmul(a: a.index, b: b.index, shape), dims: dims, a.index, b.index)
        let ap = nodes[a.index].value, bp = nodes[b.index].value
        for i in 0..<batch {
            sgemm(transA: transposeA, transB: transposeB, m: m, n: n, k: k, alpha: 1,
                  a: ap + i * m * k, lda: transposeA ? m : k,
                  b: bp + (shape.batchedB ? i * k * n : 0), ldb: transposeB ? k : n,
                  beta: 0, c: out + i * m * n, ldc: n)
        }
        return v
    }

    /// `a + b`, where b has a's shape or a's trailing shape (broadcast over leading dimensions).
    public func add(_ a: Var, _ b: Var) -> Var {
        let ad = nodes[a.index].dims, bd = nodes[b.index].dims
        precondition(bd.count > 0 && ad.count % bd.count == 0 && (bd.rank == 0 || ad.last == bd.last), "add: \(ad.array) + \(bd.array)")
        let (v, out) = record(.add(a.index, b.index), dims: ad, a.index, b.index)
        addForward(out, nodes[a.index].value, nodes[b.index].value, count: ad.count, bCount: bd.count)
        return v
    }

    /// Elementwise `a · b` (equal shapes).
    public func mul(_ a: Var, _ b: Var) -> Var {
        let ad = nodes[a.index].dims
        precondition(ad == nodes[b.index].dims, "mul: shapes differ")
        let (v, out) = record(.mul(a.index, b.index), dims: ad, a.index, b.index)
        mulForward(out, nodes[a.index].value, nodes[b.index].value, count: ad.count)
        return v
    }

    /// `factor · x`.
    public func scale(_ x: Var, by factor: Float) -> Var {
        let d = nodes[x.index].dims
        let (v, out) = record(.scale(x.index, factor), dims: d, x.index)
        let input = nodes[x.index].value
        for i in 0..<d.count { out[i] = factor * input[i] }
        return v
    }

    /// GELU (tanh approximation), elementwise.
    public func gelu(_ x: Var) -> Var {
        let d = nodes[x.index].dims
        let (v, out) = record(.gelu(x.index), dims: d, x.index)
        geluForward(out, nodes[x.index].value, count: d.count)
        return v
    }

    /// max(x, 0), elementwise.
    public func relu(_ x: Var) -> Var {
        let d = nodes[x.index].dims
        let (v, out) = record(.relu(x.index), dims: d, x.index)
        reluForward(out, nodes[x.index].value, count: d.count)
        return v
    }

    /// tanh(x), elementwise.
    public func tanh(_ x: Var) -> Var {
        let d = nodes[x.index].dims
        let (v, out) = record(.tanh(x.index), dims: d, x.index)
        tanhForward(out, nodes[x.index].value, count: d.count)
        return v
    }

    /// Softmax over the last axis.
    public func softmax(_ x: Var) -> Var {
        let d = nodes[x.index].dims
        let (v, out) = record(.softmax(x.index), dims: d, x.index)
        softmaxForward(out, nodes[x.index].value, rows: d.rows, width: d.last)
        return v
    }

    /// Layer normalisation over the last axis with optional scale `weight[width]` and `bias[width]`.
    public func layerNorm(_ x: Var, weight: Var?, bias: Var?, epsilon: Float = 1e-5) -> Var {
        let d = nodes[x.index].dims
        let stats = floats.allocate(2 * d.rows)
        let (v, out) = record(.layerNorm(x: x.index, w: weight?.index ?? -1, b: bias?.index ?? -1, stats: stats),
                              dims: d, x.index, weight?.index ?? -1, bias?.index ?? -1)
        layerNormForward(out, stats: stats, nodes[x.index].value, weight.map { nodes[$0.index].value },
                         bias.map { nodes[$0.index].value }, rows: d.rows, width: d.last, epsilon: epsilon)
        return v
    }

    /// Multi-head scaled dot-product self-attention of q, k, v `[batch, length, width]`
    /// with `heads` heads; `causal` masks future positions. With `lengths` (one per sequence,
    /// each 1…length) bidirectional attention sees only each sequence's first keys, so right
    /// padding changes nothing at the real positions; causal attention needs no such mask and
    /// ignores it (see `AttentionShape`). Output `[batch, length, width]`.
    public func attention(q: Var, k: Var, v: Var, heads: Int, causal: Bool, lengths: [Int]? = nil) -> Var {
        let d = nodes[q.index].dims
        precondition(d.rank == 3 && d == nodes[k.index].dims && d == nodes[v.index].dims && d[2] % heads == 0,
                     "attention: q \(d.array) with \(heads) heads")
        let shape = AttentionShape(batch: d[0], length: d[1], width: d[2], heads: heads, causal: causal,
                                   keyLengths: causal ? nil : storeLengths(lengths, batch: d[0], length: d[1]))
        let probs = floats.allocate(d[0] * heads * d[1] * d[1])
        let (out, pointer) = record(.attention(q: q.index, k: k.index, v: v.index, probs: probs, shape), dims: d, q.index, k.index, v.index)
        attentionForward(pointer, probs: probs, q: nodes[q.index].value, k: nodes[k.index].value, v: nodes[v.index].value, shape: shape)
        attentionTaps?.append(Array(UnsafeBufferPointer(start: probs, count: d[0] * heads * d[1] * d[1])))
        return out
    }

    /// `attention` over `qkv [batch, length, 3·width]` holding q, k and v side by side (the output
    /// of `linearPacked`), `lengths` as there. Output `[batch, length, width]`.
    func attention(packed qkv: Var, heads: Int, causal: Bool, lengths: [Int]? = nil) -> Var {
        let d = nodes[qkv.index].dims
        precondition(d.rank == 3 && d[2] % 3 == 0 && (d[2] / 3) % heads == 0, "attention: packed \(d.array) with \(heads) heads")
        let width = d[2] / 3
        let shape = AttentionShape(batch: d[0], length: d[1], width: width, heads: heads, causal: causal, inputStride: d[2],
                                   keyLengths: causal ? nil : storeLengths(lengths, batch: d[0], length: d[1]))
        let probs = floats.allocate(d[0] * heads * d[1] * d[1])
        let (out, pointer) = record(.packedAttention(qkv: qkv.index, probs: probs, shape), dims: d.replacingLast(width), qkv.index)
        let base = nodes[qkv.index].value
        attentionForward(pointer, probs: probs, q: base, k: base + width, v: base + 2 * width, shape: shape)
        attentionTaps?.append(Array(UnsafeBufferPointer(start: probs, count: d[0] * heads * d[1] * d[1])))
        return out
    }

    /// Rows of `table[vocabulary, width]` picked by `ids` (shape `idsShape`): `[…idsShape, width]`.
    public func embedding(_ table: Var, ids: UnsafeBufferPointer<Int32>, shape idsShape: [Int]) -> Var {
        embedding(table, ids: ids, dims: Dims(idsShape))
    }

    /// `embedding` for ids `[batch, length]` (records without building an array).
    func embedding(_ table: Var, ids: UnsafeBufferPointer<Int32>, batch: Int, length: Int) -> Var {
        embedding(table, ids: ids, dims: .matrix(batch, length))
    }

    private func embedding(_ table: Var, ids: UnsafeBufferPointer<Int32>, dims idsDims: Dims) -> Var {
        let td = nodes[table.index].dims
        precondition(idsDims.count == ids.count && idsDims.rank < 4, "embedding: ids shape")
        let stored = storeIndices(ids)
        var dims = idsDims
        dims.append(td[1])
        let (v, out) = record(.embedding(table: table.index, ids: stored), dims: dims, table.index)
        embeddingForward(out, table: nodes[table.index].value, ids: stored, count: ids.count, width: td[1])
        return v
    }

    /// Zeroes each element with probability `p` and scales survivors by 1/(1−p) while training;
    /// the identity (no node) when evaluating or when p = 0.
    public func dropout(_ x: Var, probability p: Float) -> Var {
        guard isTraining, p > 0 else { return x }
        let d = nodes[x.index].dims
        let mask = floats.allocate(d.count)
        let keep = 1 / (1 - p)
        for i in 0..<d.count { mask[i] = generator.nextUniform() < p ? 0 : keep }
        let (v, out) = record(.dropout(x.index, mask: mask), dims: d, x.index)
        mulForward(out, nodes[x.index].value, mask, count: d.count)
        return v
    }

    /// Mean over the middle axis: `[batch, length, width] → [batch, width]`. With `lengths`
    /// (one per sequence, each 1…length) each mean covers only that sequence's first positions,
    /// so right padding neither enters the mean nor receives a gradient.
    public func meanPool(_ x: Var, lengths: [Int]? = nil) -> Var {
        let d = nodes[x.index].dims
        precondition(d.rank == 3, "meanPool needs [batch, length, width]")
        let stored = storeLengths(lengths, batch: d[0], length: d[1])
        let (v, out) = record(.meanPool(x.index, lengths: stored), dims: .matrix(d[0], d[2]), x.index)
        meanPoolForward(out, nodes[x.index].value, batch: d[0], length: d[1], width: d[2], lengths: stored)
        return v
    }

    /// The first position: `[batch, length, width] → [batch, width]`.
    public func firstToken(_ x: Var) -> Var {
        let d = nodes[x.index].dims
        precondition(d.rank == 3, "firstToken needs [batch, length, width]")
        let (v, out) = record(.firstToken(x.index), dims: .matrix(d[0], d[2]), x.index)
        firstTokenForward(out, nodes[x.index].value, batch: d[0], length: d[1], width: d[2])
        return v
    }

    /// Sum of all elements (a scalar).
    public func sum(_ x: Var) -> Var {
        let d = nodes[x.index].dims
        let (v, out) = record(.sum(x.index), dims: .scalar, x.index)
        let input = nodes[x.index].value
        var total: Float = 0
        for i in 0..<d.count { total += input[i] }
        out[0] = total
        return v
    }

    /// Mean of all elements (a scalar).
    public func mean(_ x: Var) -> Var {
        scale(sum(x), by: 1 / Float(nodes[x.index].dims.count))
    }

    /// Mean cross-entropy of `logits[…, classes]` against class `targets` (one per row); rows
    /// whose target is `ignoreIndex` are skipped (masked language modelling). With
    /// `classWeights` (one per class), each row counts as its target's weight and the mean is
    /// over the weights, as PyTorch's `CrossEntropyLoss(weight:)`. A scalar.
    public func crossEntropy(_ logits: Var, targets: UnsafeBufferPointer<Int32>, ignoreIndex: Int32 = CrossEntropy.defaultIgnoreIndex,
                             classWeights: UnsafeBufferPointer<Float>? = nil) -> Var {
        let d = nodes[logits.index].dims
        precondition(targets.count == d.rows, "crossEntropy: \(targets.count) targets for \(d.rows) rows")
        precondition(classWeights == nil || classWeights?.count == d.last, "crossEntropy: one weight per class")
        let stored = storeIndices(targets)
        let probs = floats.allocate(d.count)
        var weights: UnsafeMutablePointer<Float>?
        if let classWeights, let base = classWeights.baseAddress {
            let pointer = floats.allocate(d.last)
            pointer.update(from: base, count: d.last)
            weights = pointer
        }
        let (v, out) = record(.leaf, dims: .scalar, logits.index)
        let (loss, weight) = crossEntropyForward(probs: probs, logits: nodes[logits.index].value, targets: stored, weights: weights,
                                                 rows: d.rows, classes: d.last, ignoreIndex: ignoreIndex)
        out[0] = loss
        if nodes[v.index].requiresGrad {
            nodes[v.index].op = .crossEntropy(logits: logits.index, targets: stored, probs: probs, ignoreIndex: ignoreIndex,
                                              weights: weights, weight: weight)
        }
        return v
    }

    /// Mean over rows of the KL divergence `Σ pⱼ·(log pⱼ − log qⱼ)` of the model's
    /// `q = softmax(logits[…, classes])` from the target distributions `targets` (one row of
    /// probabilities per row of logits): distillation's soft-target loss. A scalar; its
    /// gradient is `(q − p) / rows`.
    public func softCrossEntropy(_ logits: Var, targets: UnsafeBufferPointer<Float>) -> Var {
        let d = nodes[logits.index].dims
        precondition(targets.count == d.count, "softCrossEntropy: \(targets.count) targets for \(d.count) logits")
        let stored = floats.allocate(d.count)
        if let base = targets.baseAddress { stored.update(from: base, count: d.count) }
        let probs = floats.allocate(d.count)
        let (v, out) = record(.softCrossEntropy(logits: logits.index, targets: stored, probs: probs), dims: .scalar, logits.index)
        out[0] = softCrossEntropyForward(probs: probs, logits: nodes[logits.index].value, targets: stored, rows: d.rows, classes: d.last)
        return v
    }

    /// Mean squared error between `prediction` and `target` (same element count). A scalar.
    public func mse(_ prediction: Var, target: UnsafeBufferPointer<Float>) -> Var {
        let d = nodes[prediction.index].dims
        precondition(target.count == d.count, "mse: \(target.count) targets for \(d.count) predictions")
        let stored = floats.allocate(d.count)
        stored.update(from: target.baseAddress!, count: d.count)
        let (v, out) = record(.mse(prediction.index, target: stored), dims: .scalar, prediction.index)
        let p = nodes[prediction.index].value
        var total: Float = 0
        for i in 0..<d.count { let e = p[i] - stored[i]; total += e * e }
        out[0] = total / Float(max(d.count, 1))
        return v
    }
}
