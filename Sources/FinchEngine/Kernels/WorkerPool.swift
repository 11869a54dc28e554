import Glibc
import Synchronization

/// Persistent worker threads for the engine's parallel regions.
///
/// A region publishes its job by bumping `generation`; workers spin briefly waiting for the next
/// region (regions follow each other within microseconds during a step), yielding the CPU after
/// the first checks, and then sleep on a condition variable, so an idle engine costs no CPU. The
/// caller runs part 0 itself and waits until every worker has finished (or skipped) the region,
/// so no worker can fall a region behind. One region runs at a time: a region asked for while
/// another runs (nested, or from another thread) runs on its caller alone.
final class WorkerPool: @unchecked Sendable {
    /// Checks a waiting worker makes without yielding; then it yields the CPU between checks
    /// until `spinNanoseconds` have passed since the last region, and then sleeps.
    private static let busyChecks = 2_000, spinNanoseconds = 2_000_000

    /// Threads besides the caller's.
    let workers: Int
    private let generation = Atomic<Int>(0)
    private let remaining = Atomic<Int>(0)
    private let sleepers = Atomic<Int>(0)
    /// Parts of the running region (0 between regions).
    let activeParts = Atomic<Int>(0)
    /// Whether a region is running (asked from inside one: the caller is one of its parts).
    var isRunning: Bool { activeParts.load(ordering: .relaxed) > 0 }
    // pthread objects live at fixed addresses outside Swift's exclusivity tracking.
    private let sleepMutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let wakeUp = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let regionMutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    /// The running region's body; written only by the region's owner before publishing it.
    nonisolated(unsafe) private var job: ((Int) -> Void)?

    /// A pool with `workers` threads besides the caller's (threads live as long as the process).
    init(workers: Int) {
        self.workers = workers
        pthread_mutex_init(sleepMutex, nil)
        pthread_cond_init(wakeUp, nil)
        pthread_mutex_init(regionMutex, nil)
        for index in stride(from: 1, through: workers, by: 1) {
            let context = Unmanaged.passRetained(WorkerContext(pool: self, index: index)).toOpaque()
            var thread = pthread_t()
            let created = pthread_create(&thread, nil, { raw in
                let context = Unmanaged<WorkerContext>.fromOpaque(raw!).takeRetainedValue()
                context.pool.work(index: context.index)
                return nil
            }, context)
            precondition(created == 0, "cannot start an engine worker thread")
            pthread_detach(thread)
        }
    }

    /// Runs `body(part)` for every part in `0..<parts` (2 ≤ parts ≤ workers + 1), part 0 on the
    /// caller. Returns false, running nothing, when another region is running.
    func run(parts: Int, _ body: (Int) -> Void) -> Bool {
        precondition(parts >= 2 && parts <= workers + 1, "parts must be in 2...\(workers + 1)")
        guard pthread_mutex_trylock(regionMutex) == 0 else { return false }
        defer { pthread_mutex_unlock(regionMutex) }
        withoutActuallyEscaping(body) { escapable in
            job = escapable
            activeParts.store(parts, ordering: .sequentiallyConsistent)
            remaining.store(workers, ordering: .sequentiallyConsistent)
            generation.add(1, ordering: .sequentiallyConsistent)
            if sleepers.load(ordering: .sequentiallyConsistent) > 0 {
                pthread_mutex_lock(sleepMutex)
                pthread_cond_broadcast(wakeUp)
                pthread_mutex_unlock(sleepMutex)
            }
            escapable(0)
            var checks = 0
            while remaining.load(ordering: .acquiring) > 0 {
                // On a busy machine a worker may be waiting for a CPU: give it ours.
                if checks >= WorkerPool.busyChecks { sched_yield() }
                checks += 1
            }
            activeParts.store(0, ordering: .sequentiallyConsistent)
            job = nil
        }
        return true
    }

    private func work(index: Int) {
        var seen = 0  // the generation before any region, even if one was published before this thread started
        while true {
            var checks = 0
            var current = generation.load(ordering: .acquiring)
            let idleSince = GemmProfiler.nanoseconds()
            while current == seen {
                if checks >= WorkerPool.busyChecks {
                    if GemmProfiler.nanoseconds() - idleSince > WorkerPool.spinNanoseconds { break }
                    sched_yield()
                }
                checks += 1
                current = generation.load(ordering: .acquiring)
            }
            if current == seen {
                pthread_mutex_lock(sleepMutex)
                sleepers.add(1, ordering: .sequentiallyConsistent)
                while generation.load(ordering: .sequentiallyConsistent) == seen {
                    pthread_cond_wait(wakeUp, sleepMutex)
                }
                sleepers.subtract(1, ordering: .sequentiallyConsistent)
                pthread_mutex_unlock(sleepMutex)
                current = generation.load(ordering: .acquiring)
            }
            seen = current
            if index < activeParts.load(ordering: .acquiring), let job { job(index) }
            remaining.subtract(1, ordering: .releasing)
        }
    }
}

/// What a worker thread needs: its pool and its part index.
private final class WorkerContext {
    let pool: WorkerPool
    let index: Int
    init(pool: WorkerPool, index: Int) {
        self.pool = pool
        self.index = index
    }
}
