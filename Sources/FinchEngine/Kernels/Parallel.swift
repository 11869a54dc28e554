import Dispatch

/// How many threads the engine uses: OpenBLAS's threads and the parts its own loops split into.
/// Results are bit-identical for the same thread count (reductions combine parts in order).
public enum EngineThreads {
    /// Parts the engine's own loops split into.
    nonisolated(unsafe) public private(set) static var count = 1

    /// Sets the engine's split to `threads` (at least 1). OpenBLAS itself runs single-threaded:
    /// large products are split by rows across the engine's threads (`sgemmParallel`), which
    /// measured faster than OpenBLAS's own threading for the engine's shapes.
    public static func set(_ threads: Int) {
        count = max(1, threads)
        BLAS.setThreads(1)
    }
}

/// A value moved across threads on the caller's promise that the threads touch disjoint data.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
}

/// Splits `0..<count` into up to `EngineThreads.count` contiguous ranges of at least `grain`
/// items and runs `body(part, range)` for each concurrently; returns the number of parts. Ranges
/// are disjoint: `body` may write only the items of its range (or per-part scratch).
@discardableResult
func parallelParts(_ count: Int, grain: Int, _ body: (_ part: Int, _ range: Range<Int>) -> Void) -> Int {
    let parts = min(EngineThreads.count, max(1, count / max(grain, 1)))
    if parts <= 1 {
        body(0, 0..<count)
        return 1
    }
    GemmProfiler.concurrency = parts
    defer { GemmProfiler.concurrency = 1 }
    withoutActuallyEscaping(body) { escapable in
        let box = UncheckedSendable(value: escapable)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            box.value(part, part * count / parts..<(part + 1) * count / parts)
        }
    }
    return parts
}

/// The number of parts `parallelParts(count, grain:)` will use.
func partCount(_ count: Int, grain: Int) -> Int {
    min(EngineThreads.count, max(1, count / max(grain, 1)))
}
