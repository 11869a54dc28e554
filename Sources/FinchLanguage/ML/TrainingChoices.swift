import FinchEngine

/// The learning-rate schedules a training command's `schedule:` names.
enum ScheduleChoice: String, CaseIterable {
    /// The same rate at every step.
    case constant
    /// Cosine decay to a tenth of the rate, after `warmup:` steps of linear warm-up.
    case cosine
    /// Linear warm-up over `warmup:` steps, then constant.
    case warmup
    /// One cycle: up, then down, over the run.
    case onecycle

    /// The engine's schedule for a run of `steps` steps at `rate`, warming up over `warmup` steps.
    func schedule(steps: Int, rate: Double, warmup: Int) -> LearningRateSchedule {
        switch self {
        case .constant: .constant
        case .cosine: .cosine(warmup: warmup, total: steps, minimum: Float(rate / 10))
        case .warmup: .linearWarmup(steps: warmup)
        case .onecycle: .oneCycle(total: steps)
        }
    }
}

/// The update rules a training command's `optimizer:` names.
enum OptimizerChoice: String, CaseIterable {
    /// AdamW, with `decay:` as its decoupled weight decay.
    case adamw
    /// Adam, without weight decay.
    case adam
    /// Stochastic gradient descent, with `momentum:`.
    case sgd

    /// The engine's optimiser, with AdamW's `decay` or SGD's `momentum`.
    func kind(decay: Float, momentum: Float) -> OptimizerKind {
        switch self {
        case .adamw: .adamW(weightDecay: decay)
        case .adam: .adam()
        case .sgd: .sgd(momentum: momentum)
        }
    }
}
