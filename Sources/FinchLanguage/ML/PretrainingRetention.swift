import FinchDisplay
import FinchEngine

/// The held-out data a `pretrain` run validated on, which a pre-trained model keeps so that its
/// fine-tuned copies can re-score the pre-training objective on it.
struct PretrainingValidation {
    /// The objective, e.g. `next_token`.
    let objective: String
    /// The held-out batches, with the targets of that objective.
    let batches: [Batch]
}

/// What a fine-tuned copy of a pre-trained model keeps of its pre-training, so that each
/// `finetune` can show how much of the pre-training objective it forgot: the pre-trained model as
/// it was when copied (its head included, which the copy replaced), the held-out batches
/// `pretrain` validated on, and the loss on them before any fine-tuning.
///
/// After fine-tuning, the pre-trained head is put back on the fine-tuned body: a copy of the
/// snapshot takes the body's weights by name, and its linear layers are replaced by the body's
/// adapters and compressed layers (so LoRA's update counts, merged or not). A tied language-model
/// head reads the fine-tuned embedding, as it would if that model were used to generate.
struct PretrainingRetention {
    /// The pre-trained model when it was copied; never trained.
    let snapshot: Model
    /// The held-out pre-training data.
    let validation: PretrainingValidation
    /// The mean loss of `snapshot` on the held-out data.
    let lossBefore: Double

    /// The retention of `pretrained`'s objective on `validation`, measured now; nil when the
    /// model cannot be copied (adapters, compressed layers), does not read the batches, or is so
    /// big that two more copies of it (the snapshot, and the scorer built after a fine-tune) would
    /// not fit in `memoryBudget` bytes.
    init?(pretrained: Model, validation: PretrainingValidation, memoryBudget: Int) {
        guard !validation.batches.isEmpty, pretrained.plan.bytesToBuild <= memoryBudget / 2, let snapshot = try? pretrained.replica(),
              let evaluation = try? snapshot.evaluate(validation.batches) else { return nil }
        self.snapshot = snapshot
        self.validation = validation
        lossBefore = Double(evaluation.loss)
    }

    /// The pre-training loss of `model`'s body under the pre-trained head, before and after;
    /// nil when the body no longer fits the snapshot's head.
    func forgetting(of model: Model) -> PretrainingForgetting? {
        guard let scorer = try? snapshot.replica() else { return nil }
        for named in scorer.parameters {
            guard let trained = model.parameter(named: named.name), trained.shape == named.parameter.shape else { continue }
            try? named.parameter.assign(trained.value)
        }
        let head = Set(model.plan.entries[model.head.firstLayer...].map(\.name))
        for (path, layer) in model.linearLayers where !(layer is Dense) && !head.contains(String(path.prefix { $0 != "." })) {
            do throws(ModelError) { try scorer.replaceLayer(at: path, with: layer) } catch { return nil }
        }
        guard let evaluation = try? scorer.evaluate(validation.batches) else { return nil }
        return PretrainingForgetting(objective: validation.objective, before: lossBefore, after: Double(evaluation.loss))
    }
}

/// How much of its pre-training objective a fine-tune forgot: the held-out pre-training loss
/// before and after it.
struct PretrainingForgetting: Equatable {
    /// The pre-training objective, e.g. `next_token`.
    let objective: String
    /// Loss before fine-tuning.
    let before: Double
    /// Loss after it.
    let after: Double

    /// How much the loss rose (negative when it fell).
    var rise: Double { after - before }

    /// The sentence a run shows, e.g. `pre-training next_token loss on held-out text: 3.12 before
    /// fine-tuning, 3.80 after (+0.68)`.
    var sentence: String {
        let format = NumberFormat(significantDigits: 3)
        let sign = rise >= 0 ? "+" : "−"
        return "pre-training \(objective) loss on its held-out data: \(format.string(before)) before fine-tuning, "
            + "\(format.string(after)) after (\(sign)\(format.string(abs(rise))))"
    }
}
