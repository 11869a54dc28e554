import Glibc
import Synchronization

/// Optional accounting of time and floating-point work spent in `sgemm` (for benchmarks).
///
/// Counters are atomic. A product run inside a parallel region counts its duration divided by
/// the region's number of parts, so `seconds` approximates wall time rather than thread time.
/// Switch `enabled` only while no step is running.
public enum GemmProfiler {
    /// Whether `sgemm` calls are timed and counted.
    nonisolated(unsafe) public static var enabled = false
    /// Parts of the parallel region currently running (1 outside regions); set by `parallelParts`.
    nonisolated(unsafe) static var concurrency = 1
    private static let elapsed = Atomic<Int>(0)
    private static let operations = Atomic<Int>(0)

    /// Seconds spent inside `sgemm` since the last `reset()`.
    public static var seconds: Double { Double(elapsed.load(ordering: .relaxed)) * 1e-9 }
    /// Floating-point operations (2·m·n·k per product) since the last `reset()`.
    public static var flops: Double { Double(operations.load(ordering: .relaxed)) }

    /// Zeroes the counters.
    public static func reset() {
        elapsed.store(0, ordering: .relaxed)
        operations.store(0, ordering: .relaxed)
    }

    /// Adds one `[m, k] · [k, n]` product that started at `start` (from `nanoseconds()`).
    static func record(since start: Int, m: Int, n: Int, k: Int) {
        elapsed.add((nanoseconds() - start) / max(concurrency, 1), ordering: .relaxed)
        operations.add(2 * m * n * k, ordering: .relaxed)
    }

    /// Monotonic time in nanoseconds.
    static func nanoseconds() -> Int {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return ts.tv_sec * 1_000_000_000 + ts.tv_nsec
    }

    /// Monotonic time in seconds.
    public static func now() -> Double { Double(nanoseconds()) * 1e-9 }
}
