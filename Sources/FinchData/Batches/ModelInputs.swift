import FinchEngine

/// Texts as fixed-length rows of token ids: each cut or padded on the right with `<pad>`.
struct PaddedTokens {
    /// Positions per row.
    let context: Int
    /// Row-major `[rows, context]` token ids.
    let ids: [Int32]
    /// Each row's real length: its text's tokens, cut to `context`, and at least 1 (an empty
    /// text counts its first `<pad>`, so a mean over its positions is defined).
    let lengths: [Int]

    /// `texts` encoded with `tokenizer`. The one place texts become fixed-length rows.
    init(_ texts: [String], tokenizer: Tokenizer, context: Int) {
        var ids = [Int32](repeating: Tokenizer.pad, count: texts.count * context)
        var lengths = [Int](repeating: 1, count: texts.count)
        for (row, text) in texts.enumerated() {
            let encoded = tokenizer.encode(text).prefix(context)
            for (position, id) in encoded.enumerated() { ids[row * context + position] = id }
            lengths[row] = max(1, encoded.count)
        }
        self.context = context
        self.ids = ids
        self.lengths = lengths
    }

    /// The model input of the rows at `rows`, in that order, with their real lengths.
    func input(_ rows: [Int]) -> ModelInput {
        let picked: [Int32] = ids.withUnsafeBufferPointer { source in
            filledArray(count: rows.count * context) { out in
                for (row, index) in rows.enumerated() {
                    (out + row * context).update(from: source.baseAddress! + index * context, count: context)
                }
            }
        }
        return .tokens(picked, batch: rows.count, length: context, lengths: rows.map { lengths[$0] })
    }
}

extension Dataset {
    /// The number of tokens of the longest text under `tokenizer` (0 for feature rows).
    public func longestText(tokenizer: Tokenizer) -> Int {
        (texts ?? []).reduce(0) { max($0, tokenizer.encode($1).count) }
    }

    /// The model inputs of every example in order, `batch` at a time (the last batch possibly
    /// smaller), for inference; labels are not needed. Feature rows are copied; texts are
    /// encoded with `tokenizer` and cut or padded to `context` tokens with their real lengths,
    /// as `ClassBatches` does.
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
            let padded = PaddedTokens(texts, tokenizer: tokenizer, context: context)
            return evaluationGroups(count: count, batchSize: batch, limit: count).map(padded.input)
        }
    }
}

/// A `[rows.count, width]` tensor of the rows at `rows` of the row-major `values`.
func copyRows(_ rows: [Int], of values: [Float], width: Int) -> Tensor {
    values.withUnsafeBufferPointer { source in
        filledTensor(rows: rows.count, width: width) { out in
            for (row, index) in rows.enumerated() { (out + row * width).update(from: source.baseAddress! + index * width, count: width) }
        }
    }
}
