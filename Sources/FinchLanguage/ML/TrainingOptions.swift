import FinchEngine

/// The keyword arguments `pretrain` and `finetune` share, and the engine configuration they make.
enum TrainingOptions {
    /// The learning rate of `finetune` (and `continual`) when `lr:` is left out.
    static let fineTuningRate = 1e-3
    /// The learning rate of `pretrain` when `lr:` is left out: three times the fine-tuning rate.
    /// With it and 1,500 steps, next-word pre-training on the SMS corpus paid on 10 labels per
    /// class with every other setting left out (mean macro F1 0.81 against 0.64 from scratch,
    /// seeds 1–3), where 1e-3 for 200 steps, the old defaults, did not (0.68 against 0.59, seeds
    /// 1–2). Tests/integration/test_defaults.py holds it to that.
    static let pretrainingRate = 3e-3

    /// The shared keywords, with `rate` as the learning rate's default.
    static func parameters(rate: Double = fineTuningRate) -> [Parameter] { [
        Parameter("batch", .number, doc: "examples per step", default: .number(16)),
        Parameter("lr", .number, doc: "the learning rate", default: .number(rate)),
        Parameter("schedule", .choice(ScheduleChoice.allCases.map(\.rawValue)),
                  doc: "how the learning rate changes: constant, cosine decay, linear warm-up then constant, one-cycle",
                  default: .symbol(ScheduleChoice.constant.rawValue), settings: [ScheduleChoice.cosine.rawValue: ["warmup"], ScheduleChoice.warmup.rawValue: ["warmup"]]),
        Parameter("warmup", .number, doc: "steps of linear warm-up (cosine and warmup schedules)", default: .number(0)),
        Parameter("optimizer", .choice(OptimizerChoice.allCases.map(\.rawValue)), doc: "the update rule",
                  default: .symbol(OptimizerChoice.adamw.rawValue),
                  settings: [OptimizerChoice.adamw.rawValue: ["decay"], OptimizerChoice.sgd.rawValue: ["momentum"]]),
        Parameter("decay", .number, doc: "AdamW's weight decay", default: .number(0.01)),
        Parameter("momentum", .number, doc: "SGD's momentum", default: .number(0)),
        Parameter("clip", .number, doc: "the largest global gradient norm (no clipping when left out)"),
        Parameter("eval_every", .number, doc: "steps between validations (default: a tenth of the run, or each epoch)"),
        Parameter("seed", .number, doc: "the seed of batches and dropout (default: from the session seed)"),
        Parameter("memory_mb", .number, doc: "the memory budget of one step in MiB (default 2048)"),
        Parameter("show", .bool, doc: "draw the run's progress and result (false: only return it, e.g. in a loop)", default: .bool(true)),
    ] }

    /// The engine configuration for `steps` steps from the shared keywords; `defaultRate` when
    /// `lr:` is left out.
    static func config(_ invocation: Invocation, steps: Int, seed: UInt64, groups: [ParameterGroup] = [],
                       defaultRate: Double = fineTuningRate) throws(FinchError) -> TrainConfig {
        let rate = try invocation.number("lr", in: 0...10) ?? defaultRate
        let warmup = try invocation.integer("warmup", in: 0...10_000_000) ?? 0
        let schedule = (invocation.word("schedule").flatMap(ScheduleChoice.init(rawValue:)) ?? .constant)
            .schedule(steps: steps, rate: rate, warmup: warmup)
        let decay = Float(try invocation.number("decay", in: 0...1) ?? 0.01)
        let momentum = Float(try invocation.number("momentum", in: 0...0.999) ?? 0)
        let optimizer = (invocation.word("optimizer").flatMap(OptimizerChoice.init(rawValue:)) ?? .adamw).kind(decay: decay, momentum: momentum)
        let clip = try invocation.number("clip", in: 1e-6...1e6).map(Float.init)
        if let budget = try invocation.integer("memory_mb", in: 1...1_000_000) {
            invocation.interpreter.workbench.memoryBudget = budget << 20
        } else {
            invocation.interpreter.workbench.memoryBudget = Workbench.defaultMemoryBudget
        }
        return TrainConfig(steps: steps, learningRate: Float(rate), schedule: schedule, optimizer: optimizer, groups: groups,
                           gradientClip: clip, seed: seed)
    }

    /// The run's seed: `seed:` or one derived from the session seed and `purpose`.
    static func seed(_ invocation: Invocation, purpose: String) throws(FinchError) -> UInt64 {
        try invocation.integer("seed", in: 0...Int(UInt32.max)).map(UInt64.init) ?? invocation.interpreter.workbench.seed(for: purpose) % (1 << 32)
    }

    /// The settings a run records: every shared keyword with its value, plus `extra`.
    static func settings(_ invocation: Invocation, steps: Int, extra: [Record.Field]) -> [Record.Field] {
        var fields = [Record.Field(name: "steps", value: .number(Double(steps)))] + extra
        for parameter in parameters() where !["seed", "memory_mb", "show"].contains(parameter.name) {
            if let value = invocation[parameter.name] { fields.append(Record.Field(name: parameter.name, value: value)) }
        }
        return fields
    }

    /// The run's name: the variable it is assigned to, or `run N`.
    static func runName(_ invocation: Invocation) -> String {
        invocation.interpreter.assigningTo.first ?? "run \(invocation.interpreter.workbench.runs.count + 1)"
    }
}
