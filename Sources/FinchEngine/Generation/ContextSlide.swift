/// What generation does once the window holds the model's whole context and one more token
/// comes. Learned absolute positions cannot roll, so both choices run the kept tokens again from
/// position 0 (one batched forward), then go on one position per token.
public enum ContextSlide: Equatable, Sendable {
    /// Keep the last `context` tokens: every token past the context re-runs the whole window, so
    /// the logits are always those of the model on the last `context` tokens (what nanoGPT's
    /// `generate` computes by cropping).
    case window
    /// Keep the last `context / 2` tokens (at least 1), as llama.cpp's context shift discards
    /// half: the window then grows back one position per token, about two positions of work per
    /// token, and the model always sees at least half its context.
    case half

    /// Tokens kept for a model of `context` positions.
    func kept(context: Int) -> Int {
        switch self {
        case .window: context
        case .half: max(1, context / 2)
        }
    }
}
