internal import Glibc

/// The kernel's log, on standard error (Jupyter servers show it in their own log).
public struct KernelLog: Sendable {
    /// How much to say.
    public enum Level: Int, Sendable, Comparable {
        case debug, info, warning, error
        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Messages below this level are dropped.
    public var minimum: Level

    /// A log showing `minimum` and above.
    public init(minimum: Level = .warning) { self.minimum = minimum }

    /// Logs a detail of the protocol.
    public func debug(_ text: @autoclosure () -> String) { write(.debug, text) }
    /// Logs an event.
    public func info(_ text: @autoclosure () -> String) { write(.info, text) }
    /// Logs something wrong that the kernel survives.
    public func warning(_ text: @autoclosure () -> String) { write(.warning, text) }
    /// Logs a failure.
    public func error(_ text: @autoclosure () -> String) { write(.error, text) }

    private func write(_ level: Level, _ text: () -> String) {
        guard level >= minimum else { return }
        // One write(2) per line, so lines from the shell and control threads never interleave.
        let line = Array("[finch \(level)] \(text())\n".utf8)
        _ = line.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
