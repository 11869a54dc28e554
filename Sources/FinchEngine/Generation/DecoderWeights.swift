/// A snapshot of a causal token model's weights in one allocation, laid out for generation:
/// offsets into `values` for each tensor, and the model's layers as a list of steps.
/// LoRA adapters are merged into their copy of the base weight (`W + scale · B·A`), so an
/// adapted layer costs what a plain one does; int8 weights are dequantised into the snapshot once
/// and factorised layers multiplied out (`U·D`); the model itself is not changed.
final class DecoderWeights {
    /// A linear map `y = x·Wᵀ + b`, W `[outputs, inputs]` at `weight`.
    struct Linear {
        var weight: Int, bias: Int?, inputs: Int, outputs: Int
    }

    /// Layer-norm scale and optional shift over rows of `width`.
    struct Norm {
        var weight: Int, bias: Int?, width: Int
    }

    /// Causal self-attention; its keys and values start at `cache` in the K/V buffers, with room
    /// for `[context, width]` each.
    struct Attention {
        var q: Linear, k: Linear, v: Linear, o: Linear, heads: Int, cache: Int
        var width: Int { q.inputs }
        /// The width of q, k, v: all heads side by side (below `width` once heads are pruned).
        var inner: Int { q.outputs }
    }

    /// A pre-norm Transformer block.
    struct Block {
        var ln1: Norm, attention: Attention, ln2: Norm, fc: Linear, proj: Linear
    }

    /// One layer after the token embedding.
    enum Step {
        /// Adds row `t` of the `[context, width]` table at `table` at position t.
        case positions(table: Int, width: Int)
        /// `x + attn(ln1(x))`, then `+ proj(GELU(fc(ln2(·))))`.
        case block(Block)
        /// `o(attn(x))`, no residual.
        case attention(Attention)
        /// Layer norm in place.
        case norm(Norm)
        /// A position-wise linear layer (the width may change).
        case linear(Linear)
        /// An elementwise function over rows of `width`.
        case activation(Activation, width: Int)
    }

    /// Every weight, in the order it was copied.
    let values: UnsafeMutablePointer<Float>
    /// The token table `[vocabulary, embeddingWidth]`.
    let embedding: Int, embeddingWidth: Int
    /// The layers between the embedding and the head, in order.
    let steps: [Step]
    /// The lm head `[vocabulary, width]` (the embedding's copy when tied).
    let head: Linear
    /// Token ids, and positions of the learned position table (the model's context).
    let vocabulary: Int, context: Int
    /// Floats per position the K/V cache holds (the widths of every attention layer).
    let cacheWidth: Int
    /// The widest row of any step (MLP hidden layers included).
    let maxWidth: Int

    init(_ model: Model) throws(GenerationError) {
        guard let table = model.embedding, case let .tokens(vocabulary, context) = model.spec.input else {
            throw .notATokenModel
        }
        if let prompt = model.softPrompt { throw .softPrompt(length: prompt.length) }
        var tensors: [(Tensor, LoRA?)] = []
        var total = 0
        func add(_ parameter: Parameter, merging adapter: LoRA? = nil) -> Int {
            defer { total += parameter.count }
            tensors.append((parameter.value, adapter))
            return total
        }
        func add(_ tensor: Tensor) -> Int {
            defer { total += tensor.count }
            tensors.append((tensor, nil))
            return total
        }
        func linear(_ layer: any LinearLayer, _ path: String) throws(GenerationError) -> Linear {
            let base: Dense, adapter: LoRA?
            switch layer {
            case let dense as Dense: (base, adapter) = (dense, nil)
            case let lora as LoRA: (base, adapter) = (lora.base, lora)
            case let masked as MaskedDense: (base, adapter) = (masked.base, nil)
            case let quantized as QuantizedDense:
                return Linear(weight: add(quantized.dequantized()), bias: quantized.bias.map { add($0) },
                              inputs: quantized.inputs, outputs: quantized.outputs)
            case let factorised as LowRankDense:
                guard let product = try? factorised.up.value.matmul(factorised.down.value) else { throw .unsupportedLayer(path) }
                return Linear(weight: add(product), bias: factorised.bias.map { add($0) }, inputs: factorised.inputs, outputs: factorised.outputs)
            default: throw .unsupportedLayer(path)
            }
            return Linear(weight: add(base.weight, merging: adapter), bias: base.bias.map { add($0) },
                          inputs: base.inputs, outputs: base.outputs)
        }
        func norm(_ layer: LayerNorm) -> Norm {
            Norm(weight: add(layer.weight), bias: layer.bias.map { add($0) }, width: layer.weight.count)
        }
        var cacheWidth = 0
        func attention(_ a: SelfAttention, _ path: String) throws(GenerationError) -> Attention {
            guard a.causal else { throw .bidirectionalLayer(path) }
            let compiled = Attention(q: try linear(a.q, "\(path).q"), k: try linear(a.k, "\(path).k"), v: try linear(a.v, "\(path).v"),
                                     o: try linear(a.o, "\(path).o"), heads: a.heads, cache: cacheWidth)
            cacheWidth += compiled.inner
            return compiled
        }

        let embedding = add(table.weight)
        var steps: [Step] = [], head: Linear?, width = table.width, maxWidth = table.width
        for (name, layer) in model.layers {
            guard head == nil else { throw .unsupportedLayer(name) }
            switch layer {
            case let positions as PositionalEmbedding: steps.append(.positions(table: add(positions.weight), width: width))
            case is Dropout: continue
            case let layerNorm as LayerNorm: steps.append(.norm(norm(layerNorm)))
            case let activation as ActivationLayer: steps.append(.activation(activation.kind, width: width))
            case let dense as any LinearLayer:
                let compiled = try linear(dense, name)
                width = compiled.outputs
                steps.append(.linear(compiled))
            case let attn as SelfAttention: steps.append(.attention(try attention(attn, name)))
            case let block as TransformerBlock:
                guard block.attn.causal else { throw .bidirectionalLayer(name) }
                let compiled = Block(ln1: norm(block.ln1), attention: try attention(block.attn, "\(name).attn"), ln2: norm(block.ln2),
                                     fc: try linear(block.fc, "\(name).mlp.fc"), proj: try linear(block.proj, "\(name).mlp.proj"))
                maxWidth = max(maxWidth, compiled.fc.outputs)
                steps.append(.block(compiled))
            case let lmHead as LMHead:
                let weight = lmHead.tied ? embedding : add(lmHead.weight)
                head = Linear(weight: weight, bias: lmHead.bias.map { add($0) }, inputs: width, outputs: vocabulary)
            default: throw .unsupportedLayer(name)
            }
            maxWidth = max(maxWidth, width)
        }
        guard let head else { throw .noLMHead }
        let storage = UnsafeMutablePointer<Float>.allocate(capacity: total)
        var offset = 0
        for (tensor, adapter) in tensors {
            tensor.withUnsafePointer { (storage + offset).update(from: $0, count: tensor.count) }
            if let adapter { Self.merge(adapter, into: storage + offset) }
            offset += tensor.count
        }
        values = storage
        (self.embedding, self.embeddingWidth, self.steps, self.head) = (embedding, table.width, steps, head)
        (self.vocabulary, self.context, self.cacheWidth, self.maxWidth) = (vocabulary, context, cacheWidth, maxWidth)
    }

    deinit { values.deallocate() }

    /// `weight += scale · B·A` for the copy of the adapter's base weight at `weight`.
    private static func merge(_ adapter: LoRA, into weight: UnsafeMutablePointer<Float>) {
        adapter.a.value.withUnsafePointer { a in
            adapter.b.value.withUnsafePointer { b in
                sgemm(transA: false, transB: false, m: adapter.outputs, n: adapter.inputs, k: adapter.rank,
                      alpha: adapter.scale, a: b, lda: adapter.rank, b: a, ldb: adapter.inputs,
                      beta: 1, c: weight, ldc: adapter.inputs, profiled: false)
            }
        }
    }

    /// The weight at `offset`.
    @inline(__always)
    subscript(_ offset: Int) -> UnsafeMutablePointer<Float> { values + offset }
}
