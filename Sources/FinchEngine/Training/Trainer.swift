import Glibc

/// Trains one model: the one training loop of Finch.
///
/// `run` owns the whole run: the guards (checked once, before anything is allocated), the
/// rehearsal that estimates a step, the steps, evaluations on validation data, early stopping,
/// cancellation, divergence, and the run's history. Callers watch it through ``TrainingEvent``s.
///
/// Each step: reset the graph (its buffers are reused), forward, loss, backward into the
/// parameter gradients, clip, update. Nothing is allocated inside a step once the first step of
/// a given batch shape has sized the graph's arena.
public final class Trainer {
    /// The model being trained (updated in place).
    public let model: Model
    /// The configuration.
    public let config: TrainConfig
    /// What the steps minimise: the one given, else the standard one for the first batch's
    /// targets (see ``standardObjective(for:ignoreIndex:)``), chosen when the run starts.
    public private(set) var objective: (any Objective)?
    /// Steps finished so far.
    public private(set) var step = 0
    private var optimizer: Optimizer?
    private(set) var trainable: [Parameter] = []
    private var parameterBytes = 0
    let graph: Graph

    /// A trainer for `model` minimising `objective` (nil: the standard one for the targets);
    /// checks the configuration.
    public init(model: Model, config: TrainConfig, objective: (any Objective)? = nil) throws(TrainError) {
        guard config.steps >= 0 else { throw .invalidConfig("steps must be ≥ 0, got \(config.steps)") }
        guard config.learningRate.isFinite, config.learningRate >= 0 else {
            throw .invalidConfig("learning rate must be finite and ≥ 0, got \(config.learningRate)")
        }
        self.model = model
        self.config = config
        self.objective = objective
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

    /// Trains until `config.steps` steps have finished, `isCancelled()` returns true (checked
    /// between steps), the loss diverges, or `validation` stops the run early. `batches(step)`
    /// supplies the batch of each step. Before the first step, the first batch is checked, the
    /// memory budget and the frozen guard are checked against it, and it is rehearsed to
    /// estimate a step; then `observe` hears `.started`, and the steps begin.
    public func run(
        batches: (Int) -> Batch, validation: ValidationPlan? = nil,
        isCancelled: () -> Bool = { false }, observe: (TrainingEvent) -> Void = { _ in }
    ) throws(TrainError) -> TrainingHistory {
        let first = batches(step)
        let memory = try prepare(for: first)
        let time = estimateStep(first)
        observe(.started(TrainingStart(memory: memory, time: time, steps: config.steps)))
        let start = GemmProfiler.now()
        var history = TrainingHistory(memory: memory)
        var pending: Batch? = first, best = Double.infinity, waited = 0
        guard let chosen = objective else { preconditionFailure("prepare(for:) chose the objective") }
        while step < config.steps {
            if isCancelled() { history.stopReason = .cancelled; break }
            let batch: Batch
            if let held = pending {
                batch = held
                pending = nil
            } else {
                batch = batches(step)
                do { try model.validate(batch, objective: chosen) } catch { throw .badBatch(step: step, error) }
            }
            let stepStart = GemmProfiler.now()
            var report = runStep(batch)
            guard report.loss.isFinite else { history.stopReason = .diverged; break }
            report.milliseconds = (GemmProfiler.now() - stepStart) * 1000
            step += 1
            history.losses.append(report.loss)
            history.learningRates.append(report.learningRate)
            history.peakBytes = max(history.peakBytes, report.peakBytes)
            observe(.step(report))
            guard let validation, step % validation.interval == 0 || step == config.steps else { continue }
            let point = try evaluate(validation.batches())
            history.validations.append(point)
            observe(.evaluated(point))
            guard let earlyStop = validation.earlyStop, let measured = earlyStop.loss(of: point) else { continue }
            if measured < best - 1e-9 {
                best = measured
                waited = 0
            } else {
                waited += 1
                if waited >= earlyStop.patience, step < config.steps {
                    history.stopReason = .earlyStopped(earlyStop)
                    break
                }
            }
        }
        history.seconds = GemmProfiler.now() - start
        observe(.finished(history))
        return history
    }

    /// The guards, once per run and before anything is allocated: the batch fits the model, one
    /// step fits the memory budget, something trains. Then the optimiser's state is made (once
    /// per trainer). Returns the step's memory estimate.
    func prepare(for batch: Batch) throws(TrainError) -> MemoryEstimate {
        let chosen = objective ?? standardObjective(for: batch.targets, ignoreIndex: config.ignoreIndex)
        objective = chosen
        do { try model.validate(batch, objective: chosen) } catch { throw .badBatch(step: step, error) }
        let input = batch.input
        let estimate = model.memoryEstimate(batch: input.batch, length: input.length, optimizer: config.optimizer)
        if let budget = config.memoryBudget, estimate.total > budget {
            throw .memoryBudgetExceeded(estimate: estimate, budget: budget, batch: input.batch, length: input.length)
        }
        guard model.trainableParameterCount > 0 else { throw .nothingToTrain }
        if optimizer == nil {
            let created = Optimizer(kind: config.optimizer, parameters: model.parameters, groups: config.groups)
            optimizer = created
            trainable = created.parameters
            parameterBytes = 8 * model.parameterCount
        }
        return estimate
    }

    /// One step on `batch`. The gradients are complete after `backward` and before clipping:
    /// the one place where a data-parallel all-reduce belongs.
    private func runStep(_ batch: Batch) -> StepReport {
        guard let optimizer, let chosen = objective else { preconditionFailure("prepare(for:) runs first") }
        graph.reset()
        for parameter in trainable where parameter.requiresGrad { parameter.zeroGrad() }
        let (loss, _) = model.loss(batch, objective: chosen, in: graph)
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

    /// The model's loss and accuracy on `batches`, after `step` steps.
    private func evaluate(_ batches: [Batch]) throws(TrainError) -> ValidationPoint {
        do throws(BatchError) {
            let evaluation = try model.evaluate(batches, objective: objective, ignoreIndex: config.ignoreIndex)
            return ValidationPoint(step: step, loss: evaluation.loss, accuracy: evaluation.accuracy, confusion: evaluation.confusion)
        } catch {
            throw .badValidation(error)
        }
    }
}

/// Trains `model` on `batches` for `config.steps` steps (see `Trainer.run`).
@discardableResult
public func train(
    _ model: Model, batches: (Int) -> Batch, config: TrainConfig, objective: (any Objective)? = nil,
    validation: ValidationPlan? = nil, isCancelled: () -> Bool = { false }, observe: (TrainingEvent) -> Void = { _ in }
) throws(TrainError) -> TrainingHistory {
    try Trainer(model: model, config: config, objective: objective).run(batches: batches, validation: validation, isCancelled: isCancelled, observe: observe)
}
