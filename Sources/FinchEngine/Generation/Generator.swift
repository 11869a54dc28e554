/// Token generation from a causal token model with a K/V cache.
///
/// Made from a model (embedding, positions, dropout, causal Transformer blocks with Dense or
/// LoRA projections, layer norms, an lm head), it snapshots the weights and allocates every
/// buffer once: the cache `[blocks][context][width]` for keys and for values, and activations
/// for `context` rows. The prompt runs as one batched forward; each new token then runs one
/// position, attending to the cached keys and values (O(context) attention). The formulas are
/// the training forward's (layer norm ε = 1e-5, tanh GELU, softmax with the engine's
/// exponential), so logits agree with ``Model/predict(_:)`` up to float rounding.
public final class Generator {
    let weights: DecoderWeights
    let cache: KVCache
    /// Tokens whose keys and values are in the cache, position 0 first `[context]`.
    private let window: UnsafeMutablePointer<Int32>
    /// Number of positions in the cache.
    private(set) var count = 0

    /// A generator for `model` (its weights as they are now; later training does not reach it).
    public init(model: Model) throws(GenerationError) {
        weights = try DecoderWeights(model)
        cache = KVCache(weights)
        window = .allocate(capacity: weights.context)
    }

    deinit { window.deallocate() }

    /// The model's vocabulary size.
    public var vocabulary: Int { weights.vocabulary }
    /// The model's context: positions the cache holds.
    public var context: Int { weights.context }

    /// `count` tokens sampled after `prompt` (its last `context` tokens are read), from `seed`;
    /// see ``generateScored(prompt:count:sampling:seed:excluding:slide:isCancelled:isDone:)``.
    public func generate(
        prompt: [Int32], count: Int, sampling: Sampling = Sampling(), seed: UInt64, excluding excluded: Set<Int32> = [],
        slide: ContextSlide = .window, isCancelled: () -> Bool = { false }
    ) throws(GenerationError) -> [Int32] {
        try generateScored(prompt: prompt, count: count, sampling: sampling, seed: seed, excluding: excluded, slide: slide,
                           isCancelled: isCancelled).map(\.id)
    }

    /// Up to `count` tokens sampled after `prompt` (its last `context` tokens are read), from
    /// `seed`, each with the model's log-probability of it. Ids in `excluded` are never picked.
    /// `isCancelled` is checked before each token, and `isDone` with the tokens made so far after
    /// each one (a stop string, say); the tokens made until then are returned.
    public func generateScored(
        prompt: [Int32], count: Int, sampling: Sampling = Sampling(), seed: UInt64, excluding excluded: Set<Int32> = [],
        slide: ContextSlide = .window, isCancelled: () -> Bool = { false }, isDone: ([Int32]) -> Bool = { _ in false }
    ) throws(GenerationError) -> [GeneratedToken] {
        try sampling.validate()
        let sampler = Sampler(vocabulary: vocabulary, excluding: excluded)
        guard !sampler.excludesEverything else { throw .everyTokenExcluded }
        try start(prompt)
        var generator = Xoshiro(seed: seed)
        var produced: [GeneratedToken] = [], ids: [Int32] = []
        produced.reserveCapacity(count)
        for i in 0..<count {
            if isCancelled() { break }
            let next = sampler.pick(cache.logits, sampling, &generator)
            produced.append(GeneratedToken(id: next, logProbability: Self.logSoftmax(logits, at: next)))
            ids.append(next)
            if isDone(ids) { break }
            if i + 1 < count { append(next, slide: slide) }
        }
        return produced
    }

    /// Runs the last `context` tokens of `prompt` in one forward from position 0; the logits of
    /// the last one are then in `logits`.
    func start(_ prompt: [Int32]) throws(GenerationError) {
        guard !prompt.isEmpty else { throw .emptyPrompt }
        if let bad = prompt.first(where: { $0 < 0 || Int($0) >= vocabulary }) {
            throw .tokenOutOfRange(bad, vocabulary: vocabulary)
        }
        let kept = prompt.suffix(context)
        for (i, id) in kept.enumerated() { window[i] = id }
        count = kept.count
        cache.forward(window, rows: count, from: 0)
    }

    /// Adds `token` at the next position (sliding as `slide` says when the cache is full); the
    /// logits of `token` are then in `logits`.
    func append(_ token: Int32, slide: ContextSlide) {
        if count < context {
            window[count] = token
            count += 1
            cache.forward(window + count - 1, rows: 1, from: count - 1)
            return
        }
        let kept = slide.kept(context: context)
        // The window's last kept − 1 tokens move to the front, then the new one.
        window.update(from: window + context - (kept - 1), count: kept - 1)
        window[kept - 1] = token
        count = kept
        cache.forward(window, rows: count, from: 0)
    }

    /// Logits `[vocabulary]` after the last token run.
    var logits: UnsafeBufferPointer<Float> { UnsafeBufferPointer(start: cache.logits, count: vocabulary) }
}
