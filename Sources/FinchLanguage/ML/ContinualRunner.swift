import FinchData
import FinchDisplay
import FinchEngine

/// Everything `continual` runs: the model, the stream, the scenario, the strategy and the
/// settings of each task's training.
struct ContinualPlan {
    /// The model trained in place, task after task.
    let model: ModelObject
    /// The tasks, with their inputs as the model reads them.
    let stream: TaskStream
    /// How the model reads the tasks' examples (the tokenizer of texts).
    let reading: DataReading
    /// How tasks are scored (and, task-incrementally, trained).
    let scenario: ContinualScenario
    /// What is done against forgetting.
    let strategy: ContinualStrategy
    /// Passes over each task's training data.
    let epochs: Int
    /// Examples per step.
    let batch: Int
    /// The seed of the first task's run; task i uses `seed + i`.
    let seed: UInt64
    /// The engine's settings for one task's run of the given steps and seed.
    let config: (_ steps: Int, _ seed: UInt64) throws(FinchError) -> TrainConfig
    /// The result's name.
    let name: String
    /// Whether the result is displayed when the stream is done.
    let show: Bool
    /// The settings the result records.
    let settings: [Record.Field]
}

/// Trains a model through a stream of tasks: each task is an ordinary run of the engine's one
/// loop (`Trainer.run`), whose objective (EWC's penalties, LwF's distillation, a task mask) or
/// batch source (replay) the strategy makes; after each task, every task's test data is scored.
struct ContinualRunner {
    /// The interpreter whose sink shows progress and whose interrupt flag stops the run.
    let interpreter: Interpreter
    /// Where the command is, for errors.
    let range: SourceRange

    /// Trains as `plan` says and returns the accuracy matrix and its measures.
    func run(_ plan: ContinualPlan) throws(FinchError) -> ContinualObject {
        let model = plan.model.model, tasks = plan.stream.tasks
        let tests = try tasks.map { (task) throws(FinchError) in try evaluationBatches(task.test, plan) }
        let baseline = try accuracies(plan, tests)
        let stages = plan.strategy == .joint ? [try joint(plan.stream)] : tasks.map(\.train)
        let steps = stages.map { plan.epochs * (($0.count + min(plan.batch, $0.count) - 1) / min(plan.batch, $0.count)) }
        interpreter.output.write("continual \(plan.model.name) (\(plan.strategy.word), \(plan.scenario.rawValue)): "
                                 + "\(tasks.count) tasks, \(steps.reduce(0, +)) steps, seed \(plan.seed)\n", to: .stdout)
        let workbench = interpreter.workbench
        var reporter = ProgressReporter(id: workbench.nextDisplayID("continual"), total: steps.reduce(0, +),
                                        label: "continual \(plan.model.name)", start: workbench.clock(),
                                        cadence: interpreter.output.redrawsInPlace ? .live(interval: 0.25) : .milestones)
        var matrix: [[Double]] = [], anchors: [ElasticWeightConsolidation] = [], done = 0
        var buffer = try replayBuffer(plan)
        for (index, stage) in stages.enumerated() {
            let seed = plan.seed &+ UInt64(index)
            var maker = try batches(stage, buffer?.held, plan, seed: seed)
            var config = try plan.config(steps[index], seed)
            config.memoryBudget = workbench.memoryBudget
            let objective = try objective(plan, stage: index, anchors: anchors)
            let history: TrainingHistory
            do throws(TrainError) {
                let trainer = try Trainer(model: model, config: config, objective: objective)
                history = try trainer.run(batches: { _ in maker.next() }, isCancelled: { interpreter.stopRequested() }) { event in
                    guard case .step(let report) = event,
                          let action = reporter.step(done + report.step + 1, loss: Double(report.loss), now: workbench.clock()) else { return }
                    show(action)
                }
            } catch {
                throw TrainingRunner(interpreter: interpreter, range: range).describe(error, model: plan.model.name)
            }
            done += history.stepsCompleted
            try checkCompleted(history, stage: index, plan)
            matrix.append(try accuracies(plan, tests))
            if case .ewc = plan.strategy { anchors.append(try consolidation(plan, stage)) }
            do throws(DataError) { try buffer?.offer(stage) } catch { throw FinchError(EngineRefusal.data(error), at: range) }
        }
        if let action = reporter.finish(now: workbench.clock()) { show(action) }
        let result = ContinualObject(name: plan.name, modelName: plan.model.name, strategy: plan.strategy, scenario: plan.scenario,
                                     taskNames: tasks.map(\.name), metrics: ContinualMetrics(matrix: matrix, baseline: baseline),
                                     settings: Record(typeName: "config", fields: plan.settings), seed: plan.seed)
        if plan.show { interpreter.output.display(result.presentation) }
        return result
    }

    /// The accuracy on each task's test batches, among the task's classes when task-incremental.
    private func accuracies(_ plan: ContinualPlan, _ tests: [[Batch]]) throws(FinchError) -> [Double] {
        var result: [Double] = []
        for (task, batches) in zip(plan.stream.tasks, tests) {
            do throws(BatchError) {
                result.append(try plan.model.model.accuracy(batches, among: plan.scenario == .taskIncremental ? task.classes : nil))
            } catch {
                throw FinchError(ContinualFailure.testDataDoesNotFit(task: task.name, model: plan.model.name, error), at: range)
            }
        }
        return result
    }

    /// The objective of stage `stage`: cross-entropy (each example among its task's classes when
    /// task-incremental), with LwF's distillation from the model as it is now, or EWC's penalties.
    private func objective(_ plan: ContinualPlan, stage: Int, anchors: [ElasticWeightConsolidation]) throws(FinchError) -> any Objective {
        var objective = labelObjective(plan)
        switch plan.strategy {
        case let .lwf(lambda) where stage > 0:
            guard let teacher = plan.model.model.snapshot() else {
                throw FinchError(ContinualFailure.lwfWithAdapters(model: plan.model.name), at: range)
            }
            let learned = plan.stream.tasks[..<stage].flatMap(\.classes)
            objective = LearningWithoutForgetting(objective, teacher: teacher, classes: learned, weight: Float(lambda))
        case let .ewc(lambda):
            for anchor in anchors { objective = objective.adding(anchor, weight: Float(lambda / 2)) }
        default:
            break
        }
        return objective
    }

    /// Cross-entropy on the labels, masked to each example's task when task-incremental.
    private func labelObjective(_ plan: ContinualPlan) -> any Objective {
        guard plan.scenario == .taskIncremental else { return CrossEntropy() }
        return ClassMask(CrossEntropy(), groups: plan.stream.tasks.map(\.classes), outputs: plan.model.model.plan.outputWidth)
    }

    /// EWC's anchor after training on `stage`: the Fisher diagonal over its examples, one at a time.
    private func consolidation(_ plan: ContinualPlan, _ stage: Dataset) throws(FinchError) -> ElasticWeightConsolidation {
        let examples = try Command.trainingBatches(stage, plan.reading, batch: 1, seed: plan.seed, at: range).evaluationBatches(limit: stage.count)
        do throws(BatchError) {
            return try ElasticWeightConsolidation(plan.model.model, examples: examples, objective: labelObjective(plan))
        } catch {
            throw FinchError(ContinualFailure.fisher(error), at: range)
        }
    }

    /// The stage's training batches: the task's examples, with replayed ones once the buffer holds some.
    private func batches(_ stage: Dataset, _ held: Dataset?, _ plan: ContinualPlan, seed: UInt64) throws(FinchError) -> any BatchMaker {
        guard case let .replay(_, ratio) = plan.strategy, let held else {
            return try Command.trainingBatches(stage, plan.reading, batch: plan.batch, seed: seed, at: range)
        }
        do throws(DataError) {
            return try ReplayBatches(task: stage, buffer: held, ratio: Float(ratio), batch: plan.batch, tokenizer: plan.reading.tokenizer,
                                     context: plan.reading.context, seed: seed)
        } catch {
            throw FinchError(EngineRefusal.data(error), at: range)
        }
    }

    /// The empty replay buffer of a replay strategy; nil for the others.
    private func replayBuffer(_ plan: ContinualPlan) throws(FinchError) -> ReplayBuffer? {
        guard case let .replay(size, _) = plan.strategy else { return nil }
        do throws(DataError) { return try ReplayBuffer(capacity: size, seed: plan.seed ^ 0xB0FFE2) } catch {
            throw FinchError(EngineRefusal.data(error), at: range)
        }
    }

    /// Every task's training data together.
    private func joint(_ stream: TaskStream) throws(FinchError) -> Dataset {
        do throws(DataError) { return try stream.jointTraining() } catch { throw FinchError(EngineRefusal.data(error), at: range) }
    }

    /// A test set's batches, every example once.
    private func evaluationBatches(_ test: Dataset, _ plan: ContinualPlan) throws(FinchError) -> [Batch] {
        try Command.trainingBatches(test, plan.reading, batch: 256, seed: 0, at: range).evaluationBatches(limit: test.count)
    }

    /// Refuses to go on through the stream after a task that was interrupted or diverged.
    private func checkCompleted(_ history: TrainingHistory, stage: Int, _ plan: ContinualPlan) throws(FinchError) {
        let task: ContinualFailure.Stage = plan.strategy == .joint ? .joint : .task(stage, name: plan.stream.tasks[stage].name)
        switch history.stopReason {
        case .cancelled:
            throw FinchError(ContinualFailure.interruptedDuring(task, step: history.stepsCompleted, model: plan.model.name), at: range)
        case .diverged:
            throw FinchError(ContinualFailure.divergedDuring(task), at: range)
        default:
            return
        }
    }

    private func show(_ action: ProgressAction) {
        TrainingRunner(interpreter: interpreter, range: range).show(action)
    }
}
