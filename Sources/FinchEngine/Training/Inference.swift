/// Loss and accuracy of a model over evaluation batches.
public struct Evaluation: Equatable, Sendable {
    /// Mean loss over batches.
    public var loss: Float
    /// Fraction of counted rows whose arg-max output equals the class target (nil for regression).
    public var accuracy: Float?
    /// Counts of (class target, arg-max output) of a classifier with one output per example; nil
    /// for regression and for sequence outputs (a language model's vocabulary is too wide).
    public var confusion: ConfusionMatrix?
    /// exp(loss) for classification.
    public var perplexity: Float? { accuracy == nil ? nil : FinchEngine.perplexity(loss: loss) }
}

extension Model {
    /// Output `[batch, (length,) outputs]` for `input` (no dropout, no gradients).
    public func predict(_ input: ModelInput) throws(BatchError) -> Tensor {
        try validate(input)
        let graph = Graph(isTraining: false, recordsGradients: false)
        return graph.value(of: forward(input, in: graph))
    }

    /// Mean loss of `objective` (nil: the standard one for each batch's targets), and accuracy
    /// over the rows whose class target is not `ignoreIndex`, over `batches` (no dropout, no
    /// gradients).
    public func evaluate(_ batches: [Batch], objective: (any Objective)? = nil,
                         ignoreIndex: Int32 = CrossEntropy.defaultIgnoreIndex) throws(BatchError) -> Evaluation {
        let graph = Graph(isTraining: false, recordsGradients: false)
        var total: Float = 0, correct = 0, counted = 0
        var classification = false
        let perExample = !(plan.entries.last?.isSequence ?? false)
        var predictions: [Int] = [], targets: [Int] = []
        for batch in batches {
            let chosen = objective ?? standardObjective(for: batch.targets, ignoreIndex: ignoreIndex)
            try validate(batch, objective: chosen)
            graph.reset()
            let (loss, output) = loss(batch, objective: chosen, in: graph)
            total += graph.scalar(loss)
            if case let .classes(labels) = batch.targets {
                classification = true
                let predicted = graph.value(of: output).argmaxLastAxis()
                for (p, label) in zip(predicted, labels) where label != ignoreIndex {
                    counted += 1
                    if p == Int(label) { correct += 1 }
                    if perExample {
                        predictions.append(p)
                        targets.append(Int(label))
                    }
                }
            }
        }
        let mean = batches.isEmpty ? 0 : total / Float(batches.count)
        let confusion = classification && perExample ? try? ConfusionMatrix(predictions: predictions, labels: targets, classes: plan.outputWidth) : nil
        return Evaluation(loss: mean, accuracy: classification ? Float(correct) / Float(max(counted, 1)) : nil, confusion: confusion)
    }
}
