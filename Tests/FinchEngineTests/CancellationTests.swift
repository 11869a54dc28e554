@testable import FinchEngine
import FinchJSON
import FinchTestSupport
import Glibc
import Synchronization
import Testing

/// Reading files, building models and loading checkpoints ask a cancellation as they go, and
/// stop with their `cancelled` error; unasked, they give what they always gave.
@Suite struct CancellationTests {
    static let requested = Cancellation { true }

    @Test func aStridedQuestionIsAskedOnlyAtMultiplesOfTheStride() {
        let asks = Asks(after: .max)
        let cancellation = asks.cancellation
        let stopped = (0..<10_000).contains { cancellation.isRequested(at: $0, every: 1000) }
        #expect(!stopped)
        #expect(asks.asked == 10)
        #expect(!Cancellation.never.isRequested)
    }

    @Test func aLongReadStopsBetweenChunks() throws {
        let path = temporaryPath("chunks.bin")
        defer { unlink(path) }
        let file = try #require(fopen(path, "wb"))
        fwrite([UInt8](repeating: 7, count: ReadableFile.chunk * 2 + 1), 1, ReadableFile.chunk * 2 + 1, file)
        fclose(file)
        #expect(try ReadableFile(path: path).readAll(cancellation: .never).count == ReadableFile.chunk * 2 + 1)
        let asks = Asks(after: 1)
        #expect(throws: FileReadError.cancelled(path: path)) { try ReadableFile(path: path).readAll(cancellation: asks.cancellation) }
        #expect(asks.asked == 2, "stopped before the second chunk")
    }

    @Test func buildingAModelStopsBetweenLayers() throws {
        let spec = ModelSpec.gpt(vocabulary: 9, context: 6, depth: 3, heads: 2, width: 8, tied: true)
        #expect(throws: ModelError.cancelled) { try Model(spec, seed: 3, cancellation: Self.requested) }
        let asks = Asks(after: 2)
        #expect(throws: ModelError.cancelled) { try Model(spec, seed: 3, cancellation: asks.cancellation) }
        #expect(asks.asked == 3)
        let built = try Model(spec, seed: 3, cancellation: Asks(after: .max).cancellation)
        let plain = try Model(spec, seed: 3)
        for (a, b) in zip(built.parameters, plain.parameters) { #expect(a.name == b.name && a.parameter.value == b.parameter.value) }
    }

    @Test func loadingACheckpointStopsWhileReadingOrBuilding() throws {
        let model = try Model(.gpt(vocabulary: 9, context: 6, depth: 2, heads: 2, width: 8, tied: true), seed: 3)
        let path = temporaryPath("cancelled.safetensors")
        defer { unlink(path) }
        try model.save(to: path)
        #expect(throws: CheckpointError.cancelled) { try SafeTensors.read(from: path, cancellation: Self.requested) }
        #expect(throws: CheckpointError.cancelled) { try Model.load(from: path, cancellation: Self.requested) }
        let tensors = model.parameters.count
        #expect(throws: CheckpointError.cancelled) { try Model.load(from: path, cancellation: Asks(after: tensors).cancellation) }
        let loaded = try Model.load(from: path, cancellation: Asks(after: .max).cancellation)
        for (a, b) in zip(loaded.model.parameters, model.parameters) { #expect(a.parameter.value == b.parameter.value) }
    }

    @Test func loadingACheckpointStopsWhileCopyingTheWeights() throws {
        let spec = ModelSpec.gpt(vocabulary: 9, context: 6, depth: 40, heads: 2, width: 8, tied: true)
        let model = try Model(spec, seed: 3)
        #expect(model.parameters.count > 256)
        let path = temporaryPath("weights.safetensors")
        defer { unlink(path) }
        try model.save(to: path)
        let readAndBuilt = model.parameters.count + spec.layers.count
        let asks = Asks(after: readAndBuilt)
        #expect(throws: CheckpointError.cancelled) { try Model.load(from: path, cancellation: asks.cancellation) }
        #expect(asks.asked == readAndBuilt + 1, "stopped at the first question while copying")
    }

    @Test func aCheckpointOverTheMemoryBudgetIsRefusedBeforeATensorIsRead() throws {
        let model = try Model(.mlp(features: 100, hidden: [100], outputs: 2), seed: 3)
        let path = temporaryPath("budget.safetensors")
        defer { unlink(path) }
        try model.save(to: path)
        let bytes = try model.spec.plan().bytesToBuild
        let asks = Asks(after: .max)
        #expect(throws: CheckpointError.invalidArchitecture(.overBudget(bytes: bytes, budget: bytes - 1))) {
            try Model.load(from: path, memoryBudget: bytes - 1, cancellation: asks.cancellation)
        }
        #expect(asks.asked == 0, "no tensor was read")
        _ = try Model.load(from: path, memoryBudget: bytes)
    }

    @Test func aReleasedStructureIsFreedOnAnotherThread() {
        let freed = FreedOn()
        var tree: [Tracked] = (0..<3).map { _ in Tracked(freed) }
        tree.append(Tracked(freed))
        BackgroundRelease.drop(consume tree)
        let threads = freed.wait(for: 4)
        #expect(threads.count == 4)
        #expect(!threads.contains(pthread_self()), "freed on the caller's thread")
    }

    @Test func aLayerSummaryHoldsTheLayersOwnParametersAndATiedWeightOnce() throws {
        let model = try Model(.gpt(vocabulary: 9, context: 6, depth: 2, heads: 2, width: 8, tied: true), seed: 3)
        let layers = model.layerSummaries { }
        #expect(layers.count == model.plan.entries.count)
        #expect(layers.flatMap { $0.parameters.map(\.name) } == model.parameters.map(\.name))
        for (entry, layer) in zip(model.plan.entries, layers) {
            #expect(layer.parameters.reduce(0) { $0 + $1.parameter.count } == entry.parameterCount, "\(entry.name)")
            #expect(layer.parameters.allSatisfy { $0.name.hasPrefix(entry.name + ".") })
            #expect(layer.adapterParameters.isEmpty && layer.compressionNote.isEmpty && layer.int8Weights == 0)
        }
        try model.addLoRA(matching: "blocks.1.attn.q", rank: 2, alpha: 4)
        #expect(model.layerSummaries { }.map(\.adapterParameters.count) == model.plan.entries.map { $0.name == "blocks.1" ? 2 : 0 })
    }

    @Test func aLayerSummaryStopsWhenItsCheckThrows() {
        let model = try! Model(.gpt(vocabulary: 9, context: 6, depth: 1, heads: 2, width: 8), seed: 3)
        #expect(throws: ModelError.cancelled) { try model.layerSummaries { () throws(ModelError) in throw .cancelled } }
    }
}

/// The threads on which ``Tracked`` objects were freed.
private final class FreedOn: @unchecked Sendable {
    private let lock = Mutex<[pthread_t]>([])

    func record() { lock.withLock { $0.append(pthread_self()) } }

    /// The threads, once `count` objects were freed (or after 10 s).
    func wait(for count: Int) -> [pthread_t] {
        for _ in 0..<1000 {
            let threads = lock.withLock { $0 }
            if threads.count >= count { return threads }
            usleep(10_000)
        }
        return lock.withLock { $0 }
    }
}

/// An object that records the thread it is freed on.
private final class Tracked {
    private let freed: FreedOn

    init(_ freed: FreedOn) { self.freed = freed }

    deinit { freed.record() }
}
