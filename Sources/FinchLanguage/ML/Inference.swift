import FinchData
import FinchEngine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Running a trained model on examples: class probabilities in chunks, and sampling tokens.
enum InferenceRunner {
    /// Examples per forward pass.
    static let chunk = 64

    /// Softmax probabilities `[example][class]` of `object` on every example of `dataset`, read
    /// as `reading` says.
    static func probabilities(_ object: ModelObject, _ dataset: Dataset, reading: DataReading,
                              at range: SourceRange) throws(FinchError) -> [[Double]] {
        var result: [[Double]] = []
        for input in try reading.inputs(dataset, batch: chunk, at: range) {
            let output: Tensor
            do throws(BatchError) { output = try object.model.predict(input) } catch {
                throw FinchError(.value, "the data does not fit \(object.name): \(error.description)", at: range)
            }
            let width = output.shape.last ?? 1
            let values = output.scalars
            for row in 0..<(values.count / width) {
                result.append(softmax(values[(row * width)..<((row + 1) * width)].map(Double.init)))
            }
        }
        return result
    }

    /// Softmax of `logits`, with `temperature` dividing them first.
    static func softmax(_ logits: [Double], temperature: Double = 1) -> [Double] {
        let scaled = logits.map { $0 / temperature }
        let top = scaled.max() ?? 0
        let exponentials = scaled.map { exp($0 - top) }
        let total = exponentials.reduce(0, +)
        return exponentials.map { $0 / total }
    }

    /// `count` tokens sampled after `prompt` from a language model, at `temperature` (0: greedy),
    /// from the `topK` most likely tokens if given.
    static func generate(_ object: ModelObject, prompt: [Int32], count: Int, temperature: Double, topK: Int?,
                         excluding excluded: Set<Int32> = [], seed: UInt64, isInterrupted: () -> Bool) -> [Int32] {
        var generator = Xoshiro(seed: seed)
        var tokens = prompt
        var produced: [Int32] = []
        for _ in 0..<count where !isInterrupted() {
            let window = Array(tokens.suffix(object.context))
            guard let output = try? object.model.predict(.tokens(window, batch: 1, length: window.count)) else { break }
            let width = output.shape.last ?? 1
            var last = output.scalars.suffix(width).map(Double.init)
            for id in excluded where Int(id) < width { last[Int(id)] = -.infinity }
            let next: Int
            if temperature <= 0 {
                next = last.indices.max { last[$0] < last[$1] } ?? 0
            } else {
                var probabilities = softmax(last, temperature: temperature)
                if let topK, topK < width {
                    let cutoff = probabilities.sorted(by: >)[topK - 1]
                    probabilities = probabilities.map { $0 >= cutoff ? $0 : 0 }
                }
                next = sample(probabilities, &generator)
            }
            tokens.append(Int32(next))
            produced.append(Int32(next))
        }
        return produced
    }

    private static func sample(_ weights: [Double], _ generator: inout Xoshiro) -> Int {
        let total = weights.reduce(0, +)
        var target = Double(generator.nextUniform()) * total
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target <= 0, weight > 0 { return index }
        }
        return weights.lastIndex { $0 > 0 } ?? 0
    }
}
