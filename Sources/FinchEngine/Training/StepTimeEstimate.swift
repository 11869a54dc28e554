import Glibc

/// How long one training step should take, estimated before training: the forward and backward
/// passes timed on a rehearsal with the first batch (gradients discarded, nothing updated), plus
/// the optimiser's update from the bytes it touches at the machine's measured copy rate.
public struct StepTimeEstimate: Equatable, Sendable {
    /// Seconds of the rehearsed forward and backward passes.
    public var passSeconds: Double
    /// Seconds the update should take.
    public var updateSeconds: Double
    /// FLOPs of the step's matrix products (see ``Layer/trainingFlops(batch:length:)``).
    public var matrixFlops: Double

    /// Seconds per step.
    public var seconds: Double { passSeconds + updateSeconds }
}

/// Bytes per second of a large copy (read plus write) on this machine, measured once (~1 ms).
enum CopyRate {
    static let bytesPerSecond: Double = {
        let count = 1 << 21
        let source = UnsafeMutablePointer<Float>.allocate(capacity: count), target = UnsafeMutablePointer<Float>.allocate(capacity: count)
        defer { source.deallocate(); target.deallocate() }
        source.initialize(repeating: 1, count: count)
        target.initialize(repeating: 0, count: count)
        var best = Double.infinity
        for _ in 0..<4 {
            let start = GemmProfiler.now()
            memcpy(target, source, count * 4)
            best = min(best, GemmProfiler.now() - start)
        }
        return Double(2 * count * 4) / best
    }()
}

extension Model {
    /// FLOPs of the matrix products of one training step of `batch` examples × `length`
    /// positions (layers after pooling see one row per example).
    public func trainingFlops(batch: Int, length: Int) -> Double {
        let sequence = Dictionary(plan.entries.map { ($0.name, $0.isSequence) }, uniquingKeysWith: { first, _ in first })
        return layers.reduce(0) { total, named in
            total + named.layer.trainingFlops(batch: batch, length: sequence[named.name] == false ? 1 : length)
        }
    }
}

extension Trainer {
    /// Estimates a step on `batch` by rehearsing it: the passes run up to three times (the first
    /// sizes the graph's buffers, the second touches them fresh, the third runs as steps do) while
    /// they take under half a second in all, and the fastest counts. Then the gradients are zeroed
    /// and the dropout generator restored, so the run that follows is the same as without the
    /// rehearsal.
    /// `run` rehearses its first batch after the guards; `prepare(for:)` must have passed.
    func estimateStep(_ batch: Batch) -> StepTimeEstimate {
        guard let chosen = objective else { preconditionFailure("prepare(for:) chose the objective") }
        let saved = graph.generator
        defer {
            graph.generator = saved
            graph.reset()
            for parameter in trainable where parameter.requiresGrad { parameter.zeroGrad() }
        }
        var seconds = Double.infinity, spent = 0.0
        for _ in 0..<3 where spent < 0.5 {
            let start = GemmProfiler.now()
            graph.reset()
            for parameter in trainable where parameter.requiresGrad { parameter.zeroGrad() }
            let (loss, _) = model.loss(batch, objective: chosen, in: graph)
            graph.backward(from: loss)
            let elapsed = GemmProfiler.now() - start
            seconds = min(seconds, elapsed)
            spent += elapsed
        }
        let states = config.optimizer.statesPerElement
        let updateBytes = Double(4 * model.trainableParameterCount * (3 + 2 * states))
        return StepTimeEstimate(passSeconds: seconds, updateSeconds: updateBytes / CopyRate.bytesPerSecond,
                                matrixFlops: model.trainingFlops(batch: batch.input.batch, length: batch.input.length))
    }
}
