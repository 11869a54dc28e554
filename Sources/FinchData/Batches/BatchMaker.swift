import FinchEngine

/// A seeded source of training batches for the engine: the same seed gives the same batches.
///
/// `next()` runs every training step, so it only fills the batch's buffers. Pass a maker to
/// `Trainer.train` as `batches: { _ in maker.next() }`.
public protocol BatchMaker: Sendable {
    /// Examples (rows) per batch.
    var batchSize: Int { get }
    /// How many passes over the data the batches so far amount to (fractional).
    var epochs: Double { get }
    /// The next training batch.
    mutating func next() -> Batch
    /// Fixed batches for evaluation, the same on every call: every example in order (at most
    /// `limit` batches, the last one possibly smaller), or windows spread evenly over a stream.
    func evaluationBatches(limit: Int) -> [Batch]
}

/// Checks that a size parameter is at least 1.
func requirePositive(_ value: Int, _ parameter: String) throws(DataError) {
    guard value >= 1 else { throw .outOfRange(parameter: parameter, value: "\(value)", allowed: "at least 1") }
}

/// Checks that a rate lies in 0…1.
func requireRate(_ value: Float, _ parameter: String) throws(DataError) {
    guard value >= 0, value <= 1 else { throw .outOfRange(parameter: parameter, value: "\(value)", allowed: "between 0 and 1") }
}

/// An array of `count` elements filled by `fill` through a pointer, without initialising twice.
func filledArray<T>(count: Int, _ fill: (UnsafeMutablePointer<T>) -> Void) -> [T] {
    [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        fill(buffer.baseAddress!)
        initialized = count
    }
}

/// A `[rows, width]` tensor whose elements are written by `fill`.
func filledTensor(rows: Int, width: Int, _ fill: (UnsafeMutablePointer<Float>) -> Void) -> Tensor {
    // Both dimensions are positive (checked when the maker was made), so this cannot throw.
    var tensor = try! Tensor(zeros: [rows, width])
    tensor.withUnsafeMutablePointer(fill)
    return tensor
}
