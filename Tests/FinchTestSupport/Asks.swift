public import FinchEngine
import Synchronization

/// A cancellation that is requested from its `after + 1`-th question on, counting the
/// questions: tests use it to stop work at a chosen point and to see how often it asked.
public final class Asks: Sendable {
    private let count = Atomic<Int>(0)
    private let after: Int

    /// Questions answered "no" before the first "yes".
    public init(after: Int) { self.after = after }

    /// The cancellation that asks this counter.
    public var cancellation: Cancellation { Cancellation { self.count.add(1, ordering: .relaxed).newValue > self.after } }

    /// Questions asked so far.
    public var asked: Int { count.load(ordering: .relaxed) }
}
