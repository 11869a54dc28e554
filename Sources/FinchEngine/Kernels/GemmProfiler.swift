import Glibc
import Synchronization

/// Optional accounting of time and floating-point work spent in `sgemm` (for benchmarks).
///
/// Counters are atomic. A product run inside a parallel region counts its duration divided by
/// the region's number of parts, so `seconds` approximates wall time rather than thread time.
public enum GemmProfiler {
    private static let isEnabled = Atomic<Bool>(false)
    private static let elapsed = Atomic<Int>(0)
    private static let operations = Atomic<Int>(0)

    /// Whether `sgemm` calls are timed and counted.
    public static var enabled: Bool {
        get { isEnabled.load(ordering: .relaxed) }
        set { isEnabled.store(newValue, ordering: .relaxed) }
    }

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
        let concurrency = max(EngineThreads.pool.activeParts.load(ordering: .relaxed), 1)
        elapsed.add((nanoseconds() - start) / concurrency, ordering: .relaxed)
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
