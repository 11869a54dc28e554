/// Whether the user asked long work to stop (an interrupt), for work that runs below the
/// language: reading files, parsing CSV, tokenizing, building and loading models.
///
/// The work asks as it goes, every few thousand rows, characters or megabytes, or at every
/// layer, so that it stops within a fraction of a second and the question costs nothing next to
/// the work; then it throws the `cancelled` case of its own error, which the language reports
/// as an interrupt. Nothing half-made is returned.
public struct Cancellation: Sendable {
    /// Work nobody can stop.
    public static let never = Cancellation { false }

    private let asked: @Sendable () -> Bool

    /// A cancellation that is requested when `asked` returns true (an interrupt flag, say).
    public init(_ asked: @escaping @Sendable () -> Bool) {
        self.asked = asked
    }

    /// Whether stopping was asked, asked now.
    public var isRequested: Bool { asked() }

    /// Whether stopping was asked, asked only when `index` is a multiple of `stride` (so a loop
    /// over `index` asks once per `stride` turns, the first turn included).
    public func isRequested(at index: Int, every stride: Int) -> Bool {
        index % stride == 0 && asked()
    }
}

/// An error one of whose cases says that the user stopped the work (a ``Cancellation`` was
/// requested) rather than that something went wrong, so the language reports it as an interrupt.
public protocol CancellableError: Error {
    /// Whether this is the case that says the user stopped the work.
    var isCancellation: Bool { get }
}

extension FileReadError: CancellableError {
    /// Whether the read was stopped by the user.
    public var isCancellation: Bool { if case .cancelled = self { true } else { false } }
}

extension ModelError: CancellableError {
    /// Whether building was stopped by the user.
    public var isCancellation: Bool { self == .cancelled }
}

extension CheckpointError: CancellableError {
    /// Whether loading was stopped by the user.
    public var isCancellation: Bool { self == .cancelled }
}
