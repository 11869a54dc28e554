/// What `compare by:` measures a run by.
enum RunMeasure: String, CaseIterable {
    /// The final validation accuracy.
    case accuracy
    /// F1 of the positive class (two classes) or the macro mean.
    case f1
    /// The macro mean of the classes' F1.
    case macroF1 = "macro_f1"
    /// Precision of the positive class (two classes) or the macro mean.
    case precision
    /// Recall of the positive class (two classes) or the macro mean.
    case recall
    /// The last training loss.
    case finalLoss = "final_loss"
    /// The last validation loss.
    case validationLoss = "val_loss"
    /// The run's wall time.
    case seconds
    /// The trained parameters.
    case trainable
    /// The steps run.
    case steps

    /// `run`'s value of this measure, or nil when the run has none (no validation, say).
    func value(_ run: RunObject) -> Double? {
        switch self {
        case .accuracy: run.accuracy
        case .f1: run.confusion?.headline.f1
        case .macroF1: run.confusion?.macro.f1
        case .precision: run.confusion?.headline.precision
        case .recall: run.confusion?.headline.recall
        case .finalLoss: run.finalLoss
        case .validationLoss: run.finalValidationLoss
        case .seconds: run.seconds
        case .trainable: Double(run.trainable)
        case .steps: Double(run.losses.count)
        }
    }
}
