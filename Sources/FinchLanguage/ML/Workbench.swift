#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The machine-learning state of one session: the seed, the runs so far, the model being
/// described by a `model` block, and the limits the guards check.
final class Workbench {
    /// The seed a fresh session uses, so a notebook re-run gives the same numbers.
    static let defaultSeed: UInt64 = 42
    /// The most memory one training step may need before `pretrain`/`finetune` refuse to start.
    static let defaultMemoryBudget = 2 << 30

    /// The session's seed, set by `seed N`.
    var seed = Workbench.defaultSeed
    /// Every run of the session, oldest first.
    private(set) var runs: [RunObject] = []
    /// The layers of the `model` block being run, if one is.
    var builder: ModelBuilder?
    /// The memory budget of one training step, in bytes.
    var memoryBudget = Workbench.defaultMemoryBudget
    /// Seconds on a monotonic clock, for durations and progress.
    var clock: () -> Double = Workbench.monotonicSeconds
    private var displays = 0

    /// Records a finished (or stopped) run; returns its number, from 1.
    func record(_ run: RunObject) -> Int {
        runs.append(run)
        return runs.count
    }

    /// A display id not used before in this session, such as `finch-pretrain-3`.
    func nextDisplayID(_ prefix: String) -> String {
        displays += 1
        return "finch-\(prefix)-\(displays)"
    }

    /// The seed for `purpose` (a model's name, a run): the session seed mixed with the purpose,
    /// so re-running one cell gives the same weights or batches without depending on the cells
    /// run before it.
    func seed(for purpose: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
        for byte in purpose.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    private static func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
