import Glibc

/// Trains one model, keeping optimiser state and the step count across calls to `train`.
///
/// Each step: reset the graph (its buffers are reused), forward, loss, backward into the
/// parameter gradients, clip, update. Nothing is allocated inside a step once the first step of
/// a given batch shape has sized the graph's arena.
public final class Trainer {
    /// The model being trained (updated in place).
    public let model: Model
    /// The configuration.
    public let config: TrainConfig
    /// Steps finished so far over all calls.
    public private(set) var step = 0
    private var optimizer: Optimizer?
    private(set) var trainable: [Parameter] = []
    private var parameterBytes = 0
    let graph: Graph

    /// A trainer for `model`; checks the configuration.
    public init(model: Model, config: TrainConfig) throws(TrainError) {
        guard config.steps >= 0 else { throw .invalidConfig("steps must be ≥ 0, got \(config.steps)") }
        guard config.learningRate.isFinite, config.learningRate >= 0 else {
            throw .invalidConfig("learning rate must be finite and ≥ 0, got \(config.learningRate)")
        }
        self.model = model
        self.config = config
        graph = Graph(seed: config.seed)
    }

    /// Bytes held by parameters, gradients, optimiser state and the graph's peak.
    public var peakBytes: Int {
        parameterBytes + (optimizer?.stateBytes ?? 0) + graph.peakBytes
    }

    /// Bytes the graph's arenas hold now (equal to `graphPeakBytes` once steps reuse one block).
    var graphReservedBytes: Int { graph.reservedBytes }
    /// Most bytes the graph's values, statistics and gradients have used at once.
    var graphPeakBytes: Int { graph.peakBytes }

    /// Runs until `config.steps` steps (or `stopAt`, if sooner) have finished in total, `isCancelled()` returns true
    /// (checked between steps), or the loss diverges. `batches(step)` supplies each batch;
    /// `onStep` hears about each finished step. Refuses before allocating when the first
    /// batch's estimated memory exceeds the budget.
    public func train(
        batches: (Int) -> Batch, stopAt: Int? = nil,
        onStep: (StepReport) -> Void = { _ in }, isCancelled: () -> Bool = { false }
    ) throws(TrainError) -> TrainResult {
        let limit = min(config.steps, stopAt ?? config.steps)
        let start = GemmProfiler.now()
        var losses: [Float] = []
        var peak = 0
        var reason = StopReason.completed
        while step < limit {
            if isCancelled() { reason = .cancelled; break }
            let batch = batches(step)
            do { try model.validate(batch, ignoreIndex: config.ignoreIndex) } catch { throw .badBatch(step: step, error) }
            try prepareIfNeeded(for: batch)
            let stepStart = GemmProfiler.now()
            let report = runStep(batch)
            guard report.loss.isFinite else { reason = .diverged; break }
            losses.append(report.loss)
            peak = max(peak, report.peakBytes)
            step += 1
            onStep(StepReport(step: report.step, loss: report.loss, learningRate: report.learningRate,
                              gradientNorm: report.gradientNorm, milliseconds: (GemmProfiler.now() - stepStart) * 1000,
                              peakBytes: report.peakBytes))
        }
        return TrainResult(losses: losses, stepsCompleted: losses.count, stopReason: reason, peakBytes: peak,
                           seconds: GemmProfiler.now() - start)
    }

    /// Checks the memory budget against the first batch's shape, then allocates optimiser state.
    /// Creates the optimiser on the first batch, after the memory guard.
    func prepareIfNeeded(for batch: Batch) throws(TrainError) {
        guard optimizer == nil else { return }
        guard model.trainableParameterCount > 0 else { throw .nothingToTrain }
        let estimate = model.memoryEstimate(batch: batch.input.batch, length: batch.input.length, optimizer: config.optimizer)
        if let budget = config.memoryBudget, estimate.total > budget {
            throw .memoryBudgetExceeded(estimate: estimate, budget: budget)
        }
        let created = Optimizer(kind: config.optimizer, parameters: model.parameters, groups: config.groups)
        optimizer = created
        trainable = created.parameters
        parameterBytes = 8 * model.parameterCount
    }

    private func runStep(_ batch: Batch) -> StepReport {
        guard let optimizer else { preconditionFailure("prepareIfNeeded(for:) runs first") }
        graph.reset()
        for parameter in trainable where parameter.requiresGrad { parameter.zeroGrad() }
        let (loss, _) = model.loss(batch, in: graph, ignoreIndex: config.ignoreIndex)
        let value = graph.scalar(loss)
        let rate = config.schedule.rate(at: step, base: config.learningRate)
        guard value.isFinite else {
            return StepReport(step: step, loss: value, learningRate: rate, gradientNorm: .nan, milliseconds: 0, peakBytes: peakBytes)
        }
        graph.backward(from: loss)
        let norm = clipGradients(trainable, maxNorm: config.gradientClip)
        optimizer.step(learningRate: rate)
        return StepReport(step: step, loss: value, learningRate: rate, gradientNorm: norm, milliseconds: 0, peakBytes: peakBytes)
    }
}

/// Trains `model` on `batches` for `config.steps` steps (see `Trainer.train`).
public func train(
    _ model: Model, batches: (Int) -> Batch, config: TrainConfig,
    onStep: (StepReport) -> Void = { _ in }, isCancelled: () -> Bool = { false }
) throws(TrainError) -> TrainResult {
    try Trainer(model: model, config: config).train(batches: batches, onStep: onStep, isCancelled: isCancelled)
}
