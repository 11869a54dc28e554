internal import Glibc

/// Whether the process that started the kernel is still there, as ipykernel's `ParentPollerUnix`
/// asks, so a kernel whose front end was killed does not run on alone.
///
/// jupyter_client puts its process id in `JPY_PARENT_PID`. The parent counts as gone when the
/// kernel has been handed to another parent (`getppid()` changed: the parent exited) or when the
/// process named by `JPY_PARENT_PID`, which may start the kernel through a wrapper, no longer exists.
struct ParentWatch {
    /// The environment variable jupyter_client sets to its process id.
    static let variable = "JPY_PARENT_PID"
    /// How often the parent is looked at: the kernel exits within 2 s of its parent.
    static let intervalSeconds = 0.5

    private let named: pid_t
    private let parentAtStart: pid_t

    /// A watch on the process in `JPY_PARENT_PID`; `nil` when the variable is unset or not a process id.
    init?(environmentValue: String?) {
        guard let environmentValue, let named = pid_t(environmentValue), named > 1 else { return nil }
        self.named = named
        self.parentAtStart = getppid()
    }

    /// Whether the parent has gone away.
    var parentIsGone: Bool {
        if getppid() != parentAtStart { return true }
        return kill(named, 0) != 0 && errno == ESRCH
    }
}
