/// A flat, 64-byte aligned block of `Float`s owned by one or more tensors (copy-on-write).
final class TensorStorage {
    /// First element.
    let pointer: UnsafeMutablePointer<Float>
    /// Number of elements.
    let count: Int

    /// Allocates `count` zeroed floats.
    init(zeros count: Int) {
        self.count = count
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1) * 4, alignment: 64)
        pointer = raw.bindMemory(to: Float.self, capacity: max(count, 1))
        pointer.initialize(repeating: 0, count: max(count, 1))
    }

    /// Allocates a copy of `count` floats starting at `source`.
    convenience init(copying source: UnsafePointer<Float>, count: Int) {
        self.init(zeros: count)
        pointer.update(from: source, count: count)
    }

    deinit { pointer.deallocate() }
}
