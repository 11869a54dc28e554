/// Prompt tuning (Lester et al., 2021): `length` trainable vectors `[length, width]` placed before
/// the embedded tokens, so the frozen model reads `[prompt; tokens]`.
///
/// It takes the place of the first layer after the token embedding (``Model/addSoftPrompt(length:seed:)``)
/// and runs that layer on the longer sequence, so with learned positions the prompt holds
/// positions `0..<length` and the tokens follow it, as in PEFT; a text then fits in the context
/// minus `length` (``Model/tokenCapacity``). Each sequence's real length (``Graph/sequenceLengths``)
/// grows by `length`, so mean pooling and bidirectional attention cover the prompt and the real
/// tokens, never the padding. An lm head is wrapped by ``PromptSkip``, so no logits come out for
/// the prompt's positions. The wrapped layer knows nothing of it.
public final class SoftPrompt: LayerWrapper, LayerContainer {
    /// The layer whose place the prompt took, applied after the prompt is prepended.
    public let wrapped: any Layer
    /// The prompt vectors `[length, width]`.
    public let prompt: Parameter

    /// A prompt of `vectors` `[length, width]` before `wrapped`.
    init(wrapping wrapped: any Layer, vectors: Tensor) {
        self.wrapped = wrapped
        prompt = Parameter(vectors)
    }

    /// Number of prompt vectors (positions the prompt fills).
    public var length: Int { prompt.shape[0] }
    /// Width of each vector (the embedding's width).
    public var width: Int { prompt.shape[1] }

    /// The wrapped layer's sublayers, so paths inside it stay as they were.
    public var sublayers: [(name: String, layer: any Layer)] { (wrapped as? any LayerContainer)?.sublayers ?? [] }

    /// Replaces a sublayer of the wrapped layer.
    public func replaceSublayer(_ name: String, with layer: any Layer) -> Bool {
        (wrapped as? any LayerContainer)?.replaceSublayer(name, with: layer) ?? false
    }

    /// The wrapped layer's parameters, then `prompt`.
    public var namedParameters: [(String, Parameter)] { wrapped.namedParameters + [("prompt", prompt)] }

    /// The longer sequence, and the wrapped layer over it.
    public func activationFloats(batch: Int, length: Int) -> Int {
        batch * (length + self.length) * width + wrapped.activationFloats(batch: batch, length: length + self.length)
    }

    /// The wrapped layer's products over the longer sequence.
    public func trainingFlops(batch: Int, length: Int) -> Double {
        wrapped.trainingFlops(batch: batch, length: length + self.length)
    }

    /// `wrapped([prompt; x])` for x `[batch, length, width]`; real lengths grow by `length`.
    public func forward(_ x: Var, in graph: Graph) -> Var {
        graph.sequenceLengths = graph.sequenceLengths.map { $0.map { $0 + length } }
        return wrapped.forward(graph.prependRows(graph.parameter(prompt), to: x), in: graph)
    }
}

/// The other end of a soft prompt in a language model: drops the prompt's `length` positions
/// before the lm head it wraps, so the logits line up with the tokens (and their targets) again.
public final class PromptSkip: LayerWrapper {
    /// The lm head.
    public let wrapped: any Layer
    /// Positions dropped from the front.
    public let length: Int

    init(wrapping wrapped: any Layer, length: Int) {
        self.wrapped = wrapped
        self.length = length
    }

    /// The wrapped layer's parameters.
    public var namedParameters: [(String, Parameter)] { wrapped.namedParameters }

    /// The shorter sequence, and the wrapped layer over it.
    public func activationFloats(batch: Int, length: Int) -> Int { wrapped.activationFloats(batch: batch, length: length) + batch * length }

    /// The wrapped layer's products.
    public func trainingFlops(batch: Int, length: Int) -> Double { wrapped.trainingFlops(batch: batch, length: length) }

    /// `wrapped(x[:, length:])`; real lengths shrink back by `length`.
    public func forward(_ x: Var, in graph: Graph) -> Var {
        graph.sequenceLengths = graph.sequenceLengths.map { $0.map { $0 - length } }
        return wrapped.forward(graph.dropLeading(x, count: length), in: graph)
    }
}
