internal import Glibc
import Synchronization

/// The flag a running cell polls to learn that the user asked it to stop. Set by
/// `interrupt_request` on the control thread, by SIGINT (`interrupt_mode: "signal"`) and by
/// shutdown; cleared when the next cell starts.
public final class InterruptFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    /// A lowered flag.
    public init() {}

    /// The flag SIGINT raises once ``installSignalHandler()`` ran.
    public static let process = InterruptFlag()

    /// Whether the flag is raised.
    public var isSet: Bool { raised.load(ordering: .acquiring) }

    /// Raises the flag.
    public func set() { raised.store(true, ordering: .releasing) }

    /// Lowers the flag.
    public func clear() { raised.store(false, ordering: .releasing) }

    /// Makes SIGINT raise ``process`` instead of ending the process.
    public static func installSignalHandler() {
        signal(SIGINT) { _ in InterruptFlag.process.set() }
    }
}
