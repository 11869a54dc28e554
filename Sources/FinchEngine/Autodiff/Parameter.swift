/// A trainable tensor with its gradient: the leaves the optimiser updates.
///
/// Reference type so a parameter can be shared (weight tying) and updated in place. The value
/// and gradient are dense and owned by this parameter alone.
public final class Parameter {
    /// Current value.
    public internal(set) var value: Tensor
    /// Gradient accumulated by the last backward pass (same shape as `value`).
    public internal(set) var grad: Tensor
    /// Whether backward computes a gradient for this parameter (false = frozen).
    public var requiresGrad: Bool

    /// A parameter initialised to `value`.
    public init(_ value: Tensor, requiresGrad: Bool = true) {
        var dense = value.contiguous()
        dense.makeUnique()
        self.value = dense
        self.grad = Tensor(uncheckedZeros: value.shape)
        self.requiresGrad = requiresGrad
    }

    /// Element count.
    public var count: Int { value.count }
    /// Shape of the value.
    public var shape: [Int] { value.shape }

    /// Replaces the value (same shape required).
    public func assign(_ newValue: Tensor) throws(TensorError) {
        guard newValue.shape == value.shape else { throw .reshapeMismatch(from: newValue.shape, to: value.shape) }
        var dense = newValue.contiguous()
        dense.makeUnique()
        value = dense
    }

    /// Writable pointer to the value's elements (storage is unique by construction).
    var valuePointer: UnsafeMutablePointer<Float> {
        value.ensureUniqueDenseStorage()
        return value.basePointer
    }

    /// Writable pointer to the gradient's elements.
    var gradPointer: UnsafeMutablePointer<Float> {
        grad.ensureUniqueDenseStorage()
        return grad.basePointer
    }

    /// Sets the gradient to zero.
    func zeroGrad() { zero(gradPointer, count: count) }
}
