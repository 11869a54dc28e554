/// Prompt tuning: a soft prompt put in place through the model's tree, and what it changes
/// about the inputs the model takes.
extension Model {
    /// The model's soft prompt, if it has one (it holds the place of the first layer).
    public var softPrompt: SoftPrompt? { layers.first?.layer as? SoftPrompt }

    /// Positions of the soft prompt (0 without one).
    public var promptLength: Int { softPrompt?.length ?? 0 }

    /// The most tokens one input may hold: the context less the soft prompt's positions
    /// (nil for a feature model).
    public var tokenCapacity: Int? {
        guard case let .tokens(_, context) = spec.input else { return nil }
        return context - promptLength
    }

    /// Puts a soft prompt of `length` vectors in the place of the first layer after the token
    /// embedding, and a ``PromptSkip`` around every lm head. The vectors start as the embeddings
    /// of `length` vocabulary tokens drawn uniformly from `seed` (Lester et al.'s best
    /// initialisation, there from the 5,000 most common tokens). Freezes nothing. A model that
    /// already has a prompt of that length keeps it; one of another length is refused.
    /// Returns the prompt.
    @discardableResult
    public func addSoftPrompt(length: Int, seed: UInt64 = 0) throws(ModelError) -> SoftPrompt {
        guard let embedding, case let .tokens(_, context) = spec.input, let first = layers.first else { throw .promptNeedsTokenModel }
        if let existing = softPrompt {
            guard existing.length == length else { throw .promptExists(length: existing.length) }
            return existing
        }
        guard (1..<context).contains(length) else { throw .promptLength(length: length, context: context) }
        var generator = Xoshiro(seed: seed)
        let rows = embedding.weight.valuePointer, width = embedding.width
        var vectors = [Float]()
        vectors.reserveCapacity(length * width)
        for _ in 0..<length {
            let token = generator.nextInt(below: embedding.vocabulary)
            vectors.append(contentsOf: UnsafeBufferPointer(start: rows + token * width, count: width))
        }
        let prompt = SoftPrompt(wrapping: first.layer, vectors: try! Tensor(shape: [length, width], values: vectors))
        try replaceLayer(at: first.name, with: prompt)
        for (name, layer) in layers where layer is LMHead {
            try replaceLayer(at: name, with: PromptSkip(wrapping: layer, length: length))
        }
        return prompt
    }

    /// Freezes every parameter but the soft prompt's, and the head's when `head` is true.
    public func freezeAllButPrompt(head: Bool) {
        let prompt = softPrompt?.prompt
        for named in parameters {
            named.parameter.requiresGrad = named.parameter === prompt || (head && isInHead(named.name))
        }
    }
}
