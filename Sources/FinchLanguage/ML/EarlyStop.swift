/// When a fine-tuning run stops before its last step: after `patience` validations in a row
/// without improving `metric`.
struct EarlyStop {
    /// The metrics early stopping can watch.
    static let metrics = ["val_loss", "val_accuracy"]

    /// `val_loss` or `val_accuracy`.
    let metric: String
    /// Validations without improvement before stopping.
    let patience: Int

    /// The watched figure of `validation` as a loss (lower is better); nil when it was not measured.
    func loss(of validation: RunObject.Validation) -> Double? {
        metric == "val_accuracy" ? validation.accuracy.map { -$0 } : validation.loss
    }
}
