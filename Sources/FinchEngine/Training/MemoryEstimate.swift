/// Bytes a training step needs, estimated from shapes before anything is allocated.
public struct MemoryEstimate: Equatable, Sendable, CustomStringConvertible {
    /// Parameter values.
    public var parameters: Int
    /// Parameter gradients.
    public var gradients: Int
    /// Optimiser state (momenta).
    public var optimizerState: Int
    /// Activations, saved statistics and their gradients for one step.
    public var activations: Int

    /// Everything.
    public var total: Int { parameters + gradients + optimizerState + activations }

    /// `total` in MiB with the parts.
    public var description: String {
        func mib(_ bytes: Int) -> String { String(Double(bytes / 1024) / 1024) }
        return "\(mib(total)) MiB (parameters \(mib(parameters)), gradients \(mib(gradients)), optimiser \(mib(optimizerState)), activations \(mib(activations)))"
    }
}

extension ModelSpec {
    /// Parameter, gradient and optimiser bytes from the description alone (no model built).
    public func staticMemory(optimizer: OptimizerKind) throws(ModelError) -> MemoryEstimate {
        let count = try plan().parameterCount
        return MemoryEstimate(parameters: 4 * count, gradients: 4 * count,
                              optimizerState: 4 * count * optimizer.statesPerElement, activations: 0)
    }
}

extension Model {
    /// Bytes one training step of `batch` examples × `length` positions needs: every recorded
    /// value counted twice (value and gradient) plus the loss's saved probabilities.
    public func memoryEstimate(batch: Int, length: Int, optimizer: OptimizerKind) -> MemoryEstimate {
        let count = parameterCount, trainable = trainableParameterCount
        let positions = batch * length
        var floats = embedding.map { positions * $0.width } ?? (plan.entries.first?.inputWidth ?? 0) * batch
        for (_, layer) in layers { floats += layer.activationFloats(batch: batch, length: length) }
        let rows = (plan.entries.last?.isSequence ?? false) ? positions : batch
        let lossFloats = 2 * rows * plan.outputWidth + rows
        return MemoryEstimate(parameters: 4 * count, gradients: 4 * count,
                              optimizerState: 4 * trainable * optimizer.statesPerElement,
                              activations: 4 * (2 * floats + lossFloats))
    }
}
