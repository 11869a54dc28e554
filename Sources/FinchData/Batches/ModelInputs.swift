import FinchEngine

/// `texts` encoded with `tokenizer`, each cut or padded with `<pad>` to `context` ids:
/// row-major `[texts.count, context]`. The one place texts become fixed-length rows.
func paddedTokens(_ texts: [String], tokenizer: Tokenizer, context: Int) -> [Int32] {
    var tokens = [Int32](repeating: Tokenizer.pad, count: texts.count * context)
    for (row, text) in texts.enumerated() {
        for (position, id) in tokenizer.encode(text).prefix(context).enumerated() { tokens[row * context + position] = id }
    }
    return tokens
}

extension Dataset {
    /// The number of tokens of the longest text under `tokenizer` (0 for feature rows).
    public func longestText(tokenizer: Tokenizer) -> Int {
        (texts ?? []).reduce(0) { max($0, tokenizer.encode($1).count) }
    }

    /// The model inputs of every example in order, `batch` at a time (the last batch possibly
    /// smaller), for inference; labels are not needed. Feature rows are copied; texts are
    /// encoded with `tokenizer` and cut or padded to `context` tokens, as `TextClassBatches` does.
    public func inputBatches(batch: Int, tokenizer: Tokenizer?, context: Int) throws(DataError) -> [ModelInput] {
        try requirePositive(batch, "the batch size")
        try requirePositive(context, "the context")
        switch inputs {
        case let .features(values, width):
            return stride(from: 0, to: count, by: batch).map { start in
                .features(copyRows(Array(start..<min(start + batch, count)), of: values, width: width))
            }
        case let .texts(texts):
            guard let tokenizer else { throw .wrongInputs(name: name, needs: "feature rows, or a tokenizer for its texts") }
            let tokens = paddedTokens(texts, tokenizer: tokenizer, context: context)
            return stride(from: 0, to: count, by: batch).map { start in
                let rows = min(start + batch, count) - start
                return .tokens(Array(tokens[(start * context)..<((start + rows) * context)]), batch: rows, length: context)
            }
        }
    }
}
