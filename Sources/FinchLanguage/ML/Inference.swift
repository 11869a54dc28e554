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
    /// as `reading` says, on the scale the model was trained on.
    static func probabilities(_ object: ModelObject, _ dataset: Dataset, reading: DataReading, interpreter: Interpreter,
                              at range: SourceRange) throws(FinchError) -> [[Double]] {
        try outputs(object, dataset, reading: reading, interpreter: interpreter, at: range).map(softmax)
    }

    /// A regressor's predictions `[example][value]` on every example of `dataset`, on the scale
    /// of the targets it was trained on.
    static func values(_ object: ModelObject, _ dataset: Dataset, reading: DataReading, interpreter: Interpreter,
                       at range: SourceRange) throws(FinchError) -> [[Double]] {
        let raw = try outputs(object, dataset, reading: reading, interpreter: interpreter, at: range)
        guard let scaling = object.model.targetScaling else { return raw }
        return raw.map { row in scaling.invert(row.map(Float.init)).map(Double.init) }
    }

    /// The model's outputs `[example][output]` on every example of `dataset`, read as `reading`
    /// says, its features on the scale the model was trained on. Stops with an interrupted error
    /// between chunks when the user asks `interpreter` to.
    static func outputs(_ object: ModelObject, _ dataset: Dataset, reading: DataReading, interpreter: Interpreter,
                        at range: SourceRange) throws(FinchError) -> [[Double]] {
        var result: [[Double]] = []
        let scaled = try InputStandardisation.scaled(dataset, for: object, at: range)
        for input in try reading.inputs(scaled, batch: chunk, at: range) {
            try interpreter.checkInterruption(at: range)
            let output: Tensor
            do throws(BatchError) { output = try object.model.predict(input) } catch {
                throw FinchError(InferenceFailure.dataDoesNotFit(model: object.name, error), at: range)
            }
            let width = output.shape.last ?? 1
            let values = output.scalars
            for row in 0..<(values.count / width) {
                result.append(values[(row * width)..<((row + 1) * width)].map(Double.init))
            }
        }
        return result
    }

    /// Softmax of `logits`.
    static func softmax(_ logits: [Double]) -> [Double] {
        let top = logits.max() ?? 0
        let exponentials = logits.map { exp($0 - top) }
        let total = exponentials.reduce(0, +)
        return exponentials.map { $0 / total }
    }

    /// Up to `count` tokens sampled after `prompt` by the engine's ``Generator`` (a K/V cache;
    /// past the context every token sees the last `context` tokens), as `sampling` says, never an
    /// id in `excluded`, each with its log-probability. Stops early, with the tokens made so far,
    /// when `isInterrupted` says so, or when `isDone` does of the tokens made.
    static func generate(_ object: ModelObject, prompt: [Int32], count: Int, sampling: Sampling,
                         excluding excluded: Set<Int32> = [], seed: UInt64, isInterrupted: () -> Bool,
                         isDone: ([Int32]) -> Bool = { _ in false }, at range: SourceRange) throws(FinchError) -> [GeneratedToken] {
        do throws(GenerationError) {
            return try Generator(model: object.model).generateScored(prompt: prompt, count: count, sampling: sampling, seed: seed,
                                                                     excluding: excluded, isCancelled: isInterrupted, isDone: isDone)
        } catch {
            throw FinchError(InferenceFailure.cannotGenerate(model: object.name, error), at: range)
        }
    }
}
