#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FinchData
import FinchEngine

/// What `compression` measures of one model on labelled data, all in the same run: its stored
/// weights, the bytes of its saved file, the time of inference one example at a time and in
/// batches, and its accuracy and F1.
struct CompressionMeasurement {
    /// The model's name.
    let name: String
    /// Stored weights (int8 weights counted).
    let weights: Int
    /// The fraction of dense weights a pruning mask sets to zero.
    let sparsity: Double
    /// The size of the model's safetensors file.
    let bytes: Int
    /// Seconds per example, one example per forward pass (the best of the repeats).
    let latency: Double
    /// Examples per second in batches of ``InferenceRunner/chunk`` (the best of the repeats).
    let throughput: Double
    /// Accuracy and counts on the data.
    let matrix: ConfusionMatrix

    /// Single examples timed for the latency (at most this many).
    static let latencyExamples = 200

    /// Measures `object` on `dataset` (its labels `labels`), timing `repeats` passes.
    init(_ object: ModelObject, on dataset: Dataset, labels: [Int], repeats: Int, in invocation: Invocation) throws(FinchError) {
        let place = invocation.place("on"), clock = invocation.interpreter.workbench.clock
        let reading = try DataReading.of(dataset, by: object, in: invocation)
        let scaled = try InputStandardisation.scaled(dataset, for: object, at: place)
        let batches = try reading.inputs(scaled, batch: InferenceRunner.chunk, at: place)
        let singles: [ModelInput]
        do throws(DataError) { singles = try scaled.take(min(scaled.count, Self.latencyExamples)).inputBatches(
            batch: 1, tokenizer: reading.tokenizer, context: reading.context) } catch {
            throw FinchError(EngineRefusal.data(error), at: place)
        }
        var predictions: [Int] = [], bestBatched = Double.infinity, bestSingle = Double.infinity
        for pass in 0..<repeats {
            try invocation.interpreter.checkInterruption(at: place)
            var start = clock()
            for input in batches {
                let output = try Self.predict(object, input, at: place)
                if pass == 0 { predictions += output.argmaxLastAxis() }
            }
            bestBatched = min(bestBatched, clock() - start)
            start = clock()
            for input in singles { _ = try Self.predict(object, input, at: place) }
            bestSingle = min(bestSingle, clock() - start)
        }
        do throws(MetricsError) { matrix = try ConfusionMatrix(predictions: predictions, labels: labels, classes: object.model.plan.outputWidth) } catch {
            throw FinchError(EngineRefusal.metrics(error), at: place)
        }
        name = object.name
        weights = object.model.weightCount
        sparsity = object.model.sparsity
        bytes = try Self.savedSize(object, at: invocation.place("models"))
        latency = bestSingle / Double(max(singles.count, 1))
        throughput = Double(dataset.count) / max(bestBatched, 1e-9)
    }

    /// The model's output for `input`.
    private static func predict(_ object: ModelObject, _ input: ModelInput, at place: SourceRange) throws(FinchError) -> Tensor {
        do throws(BatchError) { return try object.model.predict(input) } catch {
            throw FinchError(InferenceFailure.dataDoesNotFit(model: object.name, error), at: place)
        }
    }

    /// The bytes of the safetensors file `save` writes for `object`, measured by writing it to a
    /// temporary file.
    private static func savedSize(_ object: ModelObject, at place: SourceRange) throws(FinchError) -> Int {
        let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        let path = "\(directory)/finch-compression-\(getpid())-\(object.name).safetensors"
        defer { unlink(path) }
        do throws(CheckpointError) { try object.model.save(to: path, metadata: ["finch.name": object.name]) } catch {
            throw FinchError(CompressionFailure.cannotMeasureOnDisk(model: object.name, error: error), at: place)
        }
        var status = stat()
        guard stat(path, &status) == 0 else { throw FinchError(CompressionFailure.cannotMeasureOnDisk(model: object.name, error: nil), at: place) }
        return Int(status.st_size)
    }
}
