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
    let earlyStop: EarlyStopping?
    /// The settings as the run records them.
    let settings: [Record.Field]
    /// The run's name.
    let name: String
    /// What the steps minimise; nil for the standard objective of the batches' targets.
    var objective: (any Objective)?
    /// How the number of steps was chosen, when the command chose it, e.g. `286 epochs: auto`;
    /// the header shows it beside the steps.
    var stepsChoice: String?
    /// The validation accuracy of always guessing the largest class, for the chance warning;
    /// nil without labelled validation data.
    var chance: Double?
    /// Once the engine's guards have passed and before the first step, e.g. giving the model the
    /// input scaling fitted for the run.
    var begin: () -> Void = {}
    /// After training, e.g. merging LoRA adapters.
    var finish: () -> Void = {}
    /// For a copy of a pre-trained model, its pre-training, re-scored once the run has finished.
    var retention: PretrainingRetention?
}

/// Runs a ``TrainingPlan`` through the engine's loop, drawing its progress live and making the
/// run value at the end; the engine's refusals become errors at the command.
struct TrainingRunner {
    /// The interpreter whose sink shows progress and whose interrupt flag stops the run.
    let interpreter: Interpreter
    /// Where the command is, for errors.
    let range: SourceRange
    /// Whether the run draws its header, progress and result (`show: false` only returns it,
    /// e.g. in a loop); warnings are written either way.
    var shows = true

    /// The runner of the training command `invocation`, which `show:` may quieten.
    init(_ invocation: Invocation) {
        self.init(interpreter: invocation.interpreter, range: invocation.range)
        shows = invocation.flag("show") ?? true
    }

    /// A runner that shows everything.
    init(interpreter: Interpreter, range: SourceRange) {
        self.interpreter = interpreter
        self.range = range
    }

    /// Trains as `plan` says and returns the run (partial, with a note, if it stopped early).
    func run(_ plan: TrainingPlan) throws(FinchError) -> RunObject {
        let workbench = interpreter.workbench
        let model = plan.model.model
        var maker = plan.maker
        var config = plan.config
        config.memoryBudget = workbench.memoryBudget
        let validation = plan.validation.isEmpty ? nil
            : ValidationPlan(batches: { plan.validation }, interval: plan.evaluationInterval, earlyStop: plan.earlyStop)
        var id = "", start = 0.0
        var reporter: ProgressReporter?
        let history: TrainingHistory
        do throws(TrainError) {
            let trainer = try Trainer(model: model, config: config, objective: plan.objective)
            history = try trainer.run(batches: { _ in maker.next() }, validation: validation,
                                      isCancelled: { interpreter.stopRequested() }) { event in
                switch event {
                case .started(let begin):
                    plan.begin()
                    if shows { interpreter.output.write(header(plan, begin), to: .stdout) }
                    id = workbench.nextDisplayID(plan.kind)
                    start = workbench.clock()
                    reporter = !shows ? nil : ProgressReporter(id: id, total: plan.config.steps, label: "\(plan.kind) \(plan.model.name)", start: start,
                                                cadence: interpreter.output.redrawsInPlace ? .live(interval: 0.25) : .milestones)
                case .step(let report):
                    if let action = reporter?.step(report.step + 1, loss: Double(report.loss), now: workbench.clock()) { show(action) }
                case .evaluated, .finished:
                    break
                }
            }
        } catch {
            throw describe(error, model: plan.model.name)
        }
        if let action = reporter?.finish(now: workbench.clock()) { show(action) }
        let note = self.note(history, plan)
        if history.stopReason == .diverged, let note { interpreter.output.write(note + "\n", to: .stderr) }
        let diagnosis = RunDiagnosis(losses: history.losses.map(Double.init), accuracies: history.validations.compactMap { $0.accuracy.map(Double.init) },
                                     chance: plan.chance, learningRate: plan.config.learningRate)
        if history.stopReason != .diverged, let warning = diagnosis.warning {
            interpreter.output.write("warning: \(plan.name): \(warning)\n", to: .stderr)
        }
        plan.finish()
        let forgetting = plan.retention?.forgetting(of: model)
        let run = RunObject(name: plan.name, kind: plan.kind, modelName: plan.model.name, method: plan.method,
                            losses: history.losses.map(Double.init), learningRates: history.learningRates.map(Double.init),
                            validations: history.validations.map {
                                RunObject.Validation(step: $0.step, loss: Double($0.loss), accuracy: $0.accuracy.map(Double.init),
                                                     confusion: $0.confusion)
                            },
                            config: Record(typeName: "config", fields: plan.settings), seed: plan.config.seed,
                            seconds: workbench.clock() - start, parameters: model.parameterCount,
                            trainable: model.trainableParameterCount, memoryBytes: history.memory.total, note: note,
                            forgetting: forgetting)
        _ = workbench.record(run)
        if shows { interpreter.output.display(run.presentation) }
        return run
    }

    /// Why the run ended before its last step, for the run's note; nil when it completed.
    private func note(_ history: TrainingHistory, _ plan: TrainingPlan) -> String? {
        let done = history.stepsCompleted, steps = plan.config.steps
        switch history.stopReason {
        case .completed:
            return nil
        case .cancelled:
            return "interrupted after step \(done) of \(steps); the weights are those of step \(done)"
        case .diverged:
            return "stopped at step \(done + 1): the loss became NaN or infinite; the weights are those of step \(done). "
                + "Try a lower lr: (now \(Value.format(plan.config.learningRate))) or clip: 1"
        case .earlyStopped(let earlyStop):
            return "stopped early after step \(done): \(earlyStop.metric.rawValue) did not improve for \(earlyStop.patience) evaluations"
        }
    }

    /// The engine's refusal as an error at the command, in the words of the language.
    func describe(_ error: TrainError, model name: String) -> FinchError {
        switch error {
        case let .memoryBudgetExceeded(estimate, budget, batch, length):
            FinchError(TrainingFailure.stepOverBudget(estimate: estimate, budget: budget, batch: batch, length: length), at: range)
        case .nothingToTrain:
            FinchError(TrainingFailure.nothingToTrain(model: name), at: range)
        default:
            FinchError(EngineRefusal.training(error), at: range)
        }
    }

    /// Shows a progress bar's drawing: a new display, an update of it, or a line.
    func show(_ action: ProgressAction) {
        switch action {
        case .show(let bundle, let id): interpreter.output.display(bundle, id: id)
        case .update(let bundle, let id): interpreter.output.updateDisplay(bundle, id: id)
        case .line(let bundle): interpreter.output.write(bundle.plainText + "\n", to: .stderr)
        }
    }

    /// The line printed before a run: what trains, the seed, parameter counts, and the memory
    /// and time a step should take.
    private func header(_ plan: TrainingPlan, _ begin: TrainingStart) -> String {
        let model = plan.model.model
        let count = NumberFormat.count
        let total = TimeSpan.text(begin.time.seconds * Double(begin.steps))
        let choice = plan.stepsChoice.map { " (\($0))" } ?? ""
        return "\(plan.kind) \(plan.model.name) (\(plan.method)): \(begin.steps) steps\(choice), seed \(plan.config.seed); "
            + "trainable \(count.string(model.trainableParameterCount)) of \(count.string(model.parameterCount)) parameters; "
            + "about \(ByteSize.text(begin.memory.total)) and \(TimeSpan.milliseconds(begin.time.seconds)) per step "
            + "(~\(total) in all)\n"
    }

    /// What to make smaller, from the largest part of the estimate.
    static func shrinkAdvice(_ estimate: MemoryEstimate, batch: Int, length: Int) -> String {
        if estimate.activations >= estimate.parameters + estimate.gradients + estimate.optimizerState {
            return "activations dominate: lower batch: (now \(batch))" + (length > 1 ? " or context: (now \(length))" : "")
        }
        return "the parameters dominate: make the model smaller (dim, layers), or train fewer of them (method: lora or probe)"
    }
}
