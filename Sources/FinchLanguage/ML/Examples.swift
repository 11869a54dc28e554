import FinchEngine

/// Labelled (or unlabelled) examples in the form the engine reads: rows of features, or token
/// sequences padded to one length. The data layer's data sets become these.
struct Examples {
    /// The inputs of all examples.
    enum Inputs {
        /// One row of numbers per example.
        case features([[Float]])
        /// One token sequence per example, and the id that pads short ones.
        case sequences([[Int32]], pad: Int32)
    }

    /// The inputs.
    var inputs: Inputs
    /// One class id per example, if labelled.
    var labels: [Int]?
    /// The name of each class id.
    var classNames: [String]

    /// The number of examples.
    var count: Int {
        switch inputs {
        case .features(let rows): rows.count
        case .sequences(let sequences, _): sequences.count
        }
    }

    /// The feature width (0 for token sequences).
    var width: Int {
        if case .features(let rows) = inputs { rows.first?.count ?? 0 } else { 0 }
    }

    /// The model input for the examples at `indices`; sequences are cut or padded to `length`.
    func input(_ indices: [Int], length: Int) -> ModelInput {
        switch inputs {
        case .features(let rows):
            let width = rows.first?.count ?? 0
            var values: [Float] = []
            values.reserveCapacity(indices.count * width)
            for index in indices { values += rows[index] }
            return .features(try! Tensor(shape: [indices.count, width], values: values))
        case .sequences(let sequences, let pad):
            var ids: [Int32] = []
            ids.reserveCapacity(indices.count * length)
            for index in indices {
                let sequence = sequences[index].prefix(length)
                ids += sequence
                ids += Array(repeating: pad, count: length - sequence.count)
            }
            return .tokens(ids, batch: indices.count, length: length)
        }
    }

    /// A batch of the examples at `indices` with their class ids as targets.
    func classificationBatch(_ indices: [Int], length: Int) -> Batch {
        Batch(input: input(indices, length: length), targets: .classes(indices.map { Int32(labels?[$0] ?? 0) }))
    }

    /// A batch that rebuilds the features at `indices` from a copy with a fraction `rate` of
    /// them set to zero (denoising); the zeroed positions are drawn from `generator`.
    func denoisingBatch(_ indices: [Int], rate: Double, generator: inout Xoshiro) -> Batch {
        guard case .features(let rows) = inputs else { preconditionFailure("denoising needs features") }
        let width = rows.first?.count ?? 0
        var clean: [Float] = [], noisy: [Float] = []
        for index in indices {
            clean += rows[index]
            noisy += rows[index].map { Double(generator.nextUniform()) < rate ? 0 : $0 }
        }
        return Batch(input: .features(try! Tensor(shape: [indices.count, width], values: noisy)),
                     targets: .values(try! Tensor(shape: [indices.count, width], values: clean)))
    }

    /// The examples at `indices`, in that order.
    func subset(_ indices: [Int]) -> Examples {
        var copy = self
        switch inputs {
        case .features(let rows): copy.inputs = .features(indices.map { rows[$0] })
        case .sequences(let sequences, let pad): copy.inputs = .sequences(indices.map { sequences[$0] }, pad: pad)
        }
        copy.labels = labels.map { labels in indices.map { labels[$0] } }
        return copy
    }
}

/// A stream of token ids, such as a tokenized corpus, for language-model pre-training.
struct TokenStream {
    /// The ids, in text order.
    var ids: [Int32]
    /// The vocabulary size; every id is below it.
    var vocabulary: Int
    /// The id that replaces masked tokens in masked-LM pre-training, if the tokenizer has one.
    var maskID: Int32?

    /// A next-token batch of `batch` windows of `length` tokens starting at offsets drawn from
    /// `generator` within `range` of the stream: each position's target is the token after it.
    func nextTokenBatch(batch: Int, length: Int, within range: Range<Int>, generator: inout Xoshiro) -> Batch {
        var inputs: [Int32] = [], targets: [Int32] = []
        let starts = max(1, range.count - length)
        for _ in 0..<batch {
            let start = range.lowerBound + generator.nextInt(below: starts)
            inputs += ids[start..<(start + length)]
            targets += ids[(start + 1)..<(start + length + 1)]
        }
        return Batch(input: .tokens(inputs, batch: batch, length: length), targets: .classes(targets))
    }

    /// A masked-LM batch: a fraction `rate` of positions replaced by the mask id and predicted;
    /// other positions are ignored (`ignoreIndex`).
    func maskedBatch(batch: Int, length: Int, rate: Double, within range: Range<Int>, ignoreIndex: Int32,
                     generator: inout Xoshiro) -> Batch {
        var inputs: [Int32] = [], targets: [Int32] = []
        let starts = max(1, range.count - length + 1)
        for _ in 0..<batch {
            let start = range.lowerBound + generator.nextInt(below: starts)
            for id in ids[start..<(start + length)] {
                let masked = Double(generator.nextUniform()) < rate
                inputs.append(masked ? maskID ?? id : id)
                targets.append(masked ? id : ignoreIndex)
            }
        }
        return Batch(input: .tokens(inputs, batch: batch, length: length), targets: .classes(targets))
    }
}
