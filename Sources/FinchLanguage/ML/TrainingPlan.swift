import FinchData
import FinchDisplay
import FinchEngine

/// Everything a run needs, assembled by `pretrain` or `finetune` from their arguments.
struct TrainingPlan {
    /// `pretrain` or `finetune`.
    let kind: String
    /// The objective or method, e.g. `next_token`, `lora`.
    let method: String
    /// The model trained in place.
    let model: ModelObject
    /// The engine's settings.
    let config: TrainConfig
    /// The source of the training batches, one per step.
    let maker: any BatchMaker
    /// Fixed validation batches; empty for none.
    let validation: [Batch]
    /// Steps between validations.
    let evaluationInterval: Int
    /// When to stop before the last step, if early stopping.
    let earlyStop: EarlyStop?
    /// The settings as the run records them.
    let settings: [Record.Field]
    /// The run's name.
    let name: String
    /// After training, e.g. merging LoRA adapters.
    var finish: () -> Void = {}
}

/// Runs a ``TrainingPlan``: the memory guard, live progress, validation, early stopping,
/// interruption and divergence, and the run value at the end.
struct TrainingRunner {
    /// The interpreter whose sink shows progress and whose interrupt flag stops the run.
    let interpreter: Interpreter
    /// Where the command is, for errors.
    let range: SourceRange

    /// Trains as `plan` says and returns the run (partial, with a note, if it stopped early).
    func run(_ plan: TrainingPlan) throws(FinchError) -> RunObject {
        let workbench = interpreter.workbench
        let model = plan.model.model
        var maker = plan.maker
        let first = maker.next()
        var pending: Batch? = first
        let estimate = model.memoryEstimate(batch: first.input.batch, length: first.input.length, optimizer: plan.config.optimizer)
        guard estimate.total <= workbench.memoryBudget else {
            throw FinchError(.value, "one training step needs about \(TrainingRunner.size(estimate.total)), over the budget of \(TrainingRunner.size(workbench.memoryBudget))",
                             at: range, note: TrainingRunner.shrinkAdvice(estimate, batch: first.input.batch, length: first.input.length))
        }
        guard model.trainableParameterCount > 0 else {
            throw FinchError(.value, "every parameter of \(plan.model.name) is frozen: nothing to train", at: range)
        }
        let trainer: Trainer
        do throws(TrainError) { trainer = try Trainer(model: model, config: plan.config) } catch {
            throw FinchError(.value, error.description, at: range)
        }
        let time: StepTimeEstimate
        do throws(TrainError) { time = try trainer.estimateStep(first) } catch {
            throw FinchError(.value, error.description, at: range)
        }
        interpreter.output.write(header(plan, memory: estimate, time: time), to: .stdout)

        let id = workbench.nextDisplayID(plan.kind)
        let start = workbench.clock()
        var reporter = ProgressReporter(id: id, total: plan.config.steps, label: "\(plan.kind) \(plan.model.name)", start: start)
        var losses: [Double] = [], rates: [Double] = []
        var validations: [RunObject.Validation] = []
        var note: String?
        var best = Double.infinity, waited = 0
        while trainer.step < plan.config.steps {
            let stop = min(plan.config.steps, trainer.step + plan.evaluationInterval)
            let result: TrainResult
            do throws(TrainError) {
                result = try trainer.train(batches: { _ in
                    if let batch = pending {
                        pending = nil
                        return batch
                    }
                    return maker.next()
                }, stopAt: stop, onStep: { report in
                    losses.append(Double(report.loss))
                    rates.append(Double(report.learningRate))
                    if let action = reporter.step(report.step + 1, loss: Double(report.loss), now: workbench.clock()) { show(action) }
                }, isCancelled: { interpreter.interruptRequested })
            } catch {
                throw FinchError(.value, error.description, at: range)
            }
            if result.stopReason == .cancelled {
                note = "interrupted after step \(trainer.step) of \(plan.config.steps); the weights are those of step \(trainer.step)"
                break
            }
            if result.stopReason == .diverged {
                note = "stopped at step \(trainer.step + 1): the loss became NaN or infinite; the weights are those of step \(trainer.step). "
                    + "Try a lower lr: (now \(Value.format(Double(plan.config.learningRate)))) or clip: 1"
                interpreter.output.write(note! + "\n", to: .stderr)
                break
            }
            if !plan.validation.isEmpty {
                let evaluation = try validate(model, plan.validation)
                let validation = RunObject.Validation(step: trainer.step, loss: Double(evaluation.loss),
                                                      accuracy: evaluation.accuracy.map(Double.init))
                validations.append(validation)
                if let earlyStop = plan.earlyStop, let measured = earlyStop.loss(of: validation) {
                    if measured < best - 1e-9 {
                        best = measured
                        waited = 0
                    } else {
                        waited += 1
                        if waited >= earlyStop.patience, trainer.step < plan.config.steps {
                            note = "stopped early after step \(trainer.step): \(earlyStop.metric) did not improve for \(earlyStop.patience) evaluations"
                            break
                        }
                    }
                }
            }
        }
        plan.finish()
        let run = RunObject(name: plan.name, kind: plan.kind, modelName: plan.model.name, method: plan.method, losses: losses,
                            learningRates: rates, validations: validations,
                            config: Record(typeName: "config", fields: plan.settings), seed: plan.config.seed,
                            seconds: workbench.clock() - start, parameters: model.parameterCount,
                            trainable: model.trainableParameterCount, memoryBytes: estimate.total, note: note)
        _ = workbench.record(run)
        _ = reporter.finish(now: workbench.clock())
        interpreter.output.updateDisplay(run.bundle, id: id)
        return run
    }

    private func show(_ action: ProgressAction) {
        switch action {
        case .show(let bundle, let id): interpreter.output.display(bundle, id: id)
        case .update(let bundle, let id), .finish(let bundle, let id): interpreter.output.updateDisplay(bundle, id: id)
        }
    }

    private func validate(_ model: Model, _ batches: [Batch]) throws(FinchError) -> Evaluation {
        do throws(BatchError) { return try model.evaluate(batches) } catch {
            throw FinchError(.value, "the validation data does not fit the model: \(error.description)", at: range)
        }
    }

    /// The line printed before a run: what trains, the seed, parameter counts, and the memory
    /// and time a step should take.
    private func header(_ plan: TrainingPlan, memory: MemoryEstimate, time: StepTimeEstimate) -> String {
        let model = plan.model.model
        let count = NumberFormat.count
        let total = RunObject.duration(time.seconds * Double(plan.config.steps))
        return "\(plan.kind) \(plan.model.name) (\(plan.method)): \(plan.config.steps) steps, seed \(plan.config.seed); "
            + "trainable \(count.string(model.trainableParameterCount)) of \(count.string(model.parameterCount)) parameters; "
            + "about \(TrainingRunner.size(memory.total)) and \(TrainingRunner.milliseconds(time.seconds)) per step "
            + "(~\(total) in all)\n"
    }

    /// Seconds as milliseconds with three significant digits, e.g. `3.14ms`.
    static func milliseconds(_ seconds: Double) -> String {
        NumberFormat(significantDigits: 3).string(seconds * 1000) + "ms"
    }

    /// Bytes as MiB with one decimal, or as KiB below a tenth of a MiB.
    static func size(_ bytes: Int) -> String {
        let format = NumberFormat(significantDigits: 3)
        if bytes < 104_858 { return format.string((Double(bytes) / 1024).rounded()) + " KiB" }
        return format.string((Double(bytes) / 1_048_576 * 10).rounded() / 10) + " MiB"
    }

    /// What to make smaller, from the largest part of the estimate.
    static func shrinkAdvice(_ estimate: MemoryEstimate, batch: Int, length: Int) -> String {
        if estimate.activations >= estimate.parameters + estimate.gradients + estimate.optimizerState {
            return "activations dominate: lower batch: (now \(batch))" + (length > 1 ? " or context: (now \(length))" : "")
        }
        return "the parameters dominate: make the model smaller (dim, layers), or train fewer of them (method: lora or probe)"
    }
}
