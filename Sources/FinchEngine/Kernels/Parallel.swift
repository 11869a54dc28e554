import Glibc
import Synchronization

/// How many threads the engine uses for its own loops and for splitting large products.
/// Results are bit-identical for every thread count: splits never change a reduction's order.
public enum EngineThreads {
    private static let requested = Atomic<Int>(1)
    /// Workers for parallel regions: one per processor besides the caller, started on first use.
    static let pool = WorkerPool(workers: max(0, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) - 1))

    /// Parts the engine's loops split into (at most the processor count).
    public static var count: Int { min(requested.load(ordering: .relaxed), pool.workers + 1) }

    /// Sets the engine's split to `threads` (at least 1). OpenBLAS itself runs single-threaded:
    /// large products are split by rows across the engine's threads (`sgemmParallel`), which
    /// measured faster than OpenBLAS's own threading for the engine's shapes.
    public static func set(_ threads: Int) {
        requested.store(max(1, threads), ordering: .relaxed)
        BLAS.setThreads(1)
    }
}

/// Splits `0..<count` into up to `EngineThreads.count` contiguous ranges of at least `grain`
/// items and runs `body(part, range)` for each concurrently; returns the number of parts. Ranges
/// are disjoint: `body` may write only the items of its range (or per-part scratch). While
/// another region runs (a nested one, or one from another thread) the work runs on the caller.
@discardableResult
func parallelParts(_ count: Int, grain: Int, _ body: (_ part: Int, _ range: Range<Int>) -> Void) -> Int {
    let parts = partCount(count, grain: grain)
    if parts > 1, EngineThreads.pool.run(parts: parts, { part in
        body(part, part * count / parts..<(part + 1) * count / parts)
    }) {
        return parts
    }
    body(0, 0..<count)
    return 1
}

/// The number of parts `parallelParts(count, grain:)` may use (scratch sizes are based on it).
func partCount(_ count: Int, grain: Int) -> Int {
    min(EngineThreads.count, max(1, count / max(grain, 1)))
}
