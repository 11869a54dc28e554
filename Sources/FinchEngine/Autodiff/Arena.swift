/// A bump allocator for one training step's activations and gradients.
///
/// `allocate` hands out 64-byte aligned slices; `reset` forgets them all at once. When a step
/// needs more than the current block, extra blocks are taken for that step and, at the next
/// reset, replaced by one block as large as the high-water mark: from the second step on,
/// a step of the same shapes allocates nothing.
struct Arena<Element> {
    private var block: UnsafeMutablePointer<Element>?
    private var capacity = 0
    private var used = 0
    private var extra: [UnsafeMutablePointer<Element>] = []
    private var extraUsed = 0
    /// Largest number of elements in use at once since creation.
    private(set) var highWater = 0

    private static var alignment: Int { max(1, 64 / MemoryLayout<Element>.stride) }

    /// Elements currently handed out.
    var inUse: Int { used + extraUsed }

    /// Bytes held by the arena's blocks.
    var reservedBytes: Int { (capacity + extraUsed) * MemoryLayout<Element>.stride }

    /// A slice of `count` uninitialised elements, valid until the next `reset`.
    mutating func allocate(_ count: Int) -> UnsafeMutablePointer<Element> {
        let rounded = (count + Self.alignment - 1) / Self.alignment * Self.alignment
        defer { highWater = max(highWater, inUse) }
        if let block, used + rounded <= capacity {
            used += rounded
            return block + (used - rounded)
        }
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(rounded, 1) * MemoryLayout<Element>.stride, alignment: 64)
        let pointer = raw.bindMemory(to: Element.self, capacity: max(rounded, 1))
        extra.append(pointer)
        extraUsed += rounded
        return pointer
    }

    /// Forgets every slice; merges overflow blocks into one block of the high-water size.
    mutating func reset() {
        if !extra.isEmpty {
            for pointer in extra { pointer.deallocate() }
            extra.removeAll(keepingCapacity: true)
            block?.deallocate()
            capacity = highWater
            let raw = UnsafeMutableRawPointer.allocate(byteCount: max(capacity, 1) * MemoryLayout<Element>.stride, alignment: 64)
            block = raw.bindMemory(to: Element.self, capacity: max(capacity, 1))
        }
        used = 0
        extraUsed = 0
    }

    /// Returns every block to the system.
    mutating func release() {
        for pointer in extra { pointer.deallocate() }
        extra.removeAll()
        block?.deallocate()
        block = nil
        capacity = 0; used = 0; extraUsed = 0
    }
}
