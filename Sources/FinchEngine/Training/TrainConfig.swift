/// How to train: steps, optimiser, learning-rate schedule, clipping, limits.
public struct TrainConfig: Equatable, Sendable {
    /// Number of optimiser steps.
    public var steps: Int
    /// Base learning rate (the schedule scales it).
    public var learningRate: Float
    /// How the learning rate changes over steps.
    public var schedule: LearningRateSchedule
    /// The update rule.
    public var optimizer: OptimizerKind
    /// Per-group learning-rate scales and weight-decay overrides.
    public var groups: [ParameterGroup]
    /// Maximum global gradient norm, if clipping.
    public var gradientClip: Float?
    /// Seed of the dropout masks.
    public var seed: UInt64
    /// Class id that the standard cross-entropy skips (masked language modelling).
    public var ignoreIndex: Int32
    /// Refuse to start when the estimated bytes per step exceed this.
    public var memoryBudget: Int?

    /// A configuration; everything but steps and rate has a default (AdamW, constant rate).
    public init(
        steps: Int, learningRate: Float, schedule: LearningRateSchedule = .constant,
        optimizer: OptimizerKind = .adamW(), groups: [ParameterGroup] = [], gradientClip: Float? = nil,
        seed: UInt64 = 0, ignoreIndex: Int32 = CrossEntropy.defaultIgnoreIndex, memoryBudget: Int? = nil
    ) {
        self.steps = steps
        self.learningRate = learningRate
        self.schedule = schedule
        self.optimizer = optimizer
        self.groups = groups
        self.gradientClip = gradientClip
        self.seed = seed
        self.ignoreIndex = ignoreIndex
        self.memoryBudget = memoryBudget
    }
}

/// What happened in one training step.
public struct StepReport: Equatable, Sendable {
    /// 0-based step index.
    public var step: Int
    /// Loss of the step's batch (before the update).
    public var loss: Float
    /// Learning rate applied.
    public var learningRate: Float
    /// Global gradient norm before clipping.
    public var gradientNorm: Float
    /// Wall time of the step in milliseconds.
    public var milliseconds: Double
    /// Engine bytes held during the step: parameters, gradients, optimiser state, graph buffers.
    public var peakBytes: Int
}

/// Why training refused to start or stopped with an error.
public enum TrainError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The step would need more memory than the budget (estimated before allocating) for the
    /// first batch's `batch` examples × `length` positions.
    case memoryBudgetExceeded(estimate: MemoryEstimate, budget: Int, batch: Int, length: Int)
    /// A batch does not fit the model.
    case badBatch(step: Int, BatchError)
    /// The validation data does not fit the model.
    case badValidation(BatchError)
    /// Nothing to train: every parameter is frozen.
    case nothingToTrain
    /// Steps or learning rate out of range.
    case invalidConfig(String)

    /// One-line explanation.
    public var description: String {
        switch self {
        case let .memoryBudgetExceeded(estimate, budget, _, _):
            "a training step needs about \(estimate), over the budget of \(String(Double(budget / 1024) / 1024)) MiB"
        case let .badBatch(step, error): "batch for step \(step): \(error)"
        case let .badValidation(error): "the validation data does not fit the model: \(error)"
        case .nothingToTrain: "every parameter is frozen: nothing to train"
        case let .invalidConfig(message): "invalid training configuration: \(message)"
        }
    }
}
