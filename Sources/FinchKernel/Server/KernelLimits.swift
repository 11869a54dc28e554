/// Bounds on what the kernel accepts from its sockets, so that a peer who has not (yet) proved
/// it holds the key cannot make the kernel buffer without end.
public struct KernelLimits: Sendable, Equatable {
    /// The largest frame accepted, in bytes; a peer sending a larger one is disconnected by ZeroMQ
    /// before the frame is buffered.
    public var maximumMessageBytes: Int

    /// 256 MiB: far above any cell or output a person writes (the code of a 200 000-line cell
    /// is a few MiB) and room for binary buffers, yet a bound on what an unauthenticated peer can
    /// make the kernel hold. ipykernel has no bound at all.
    public static let defaultMaximumMessageBytes = 256 << 20
    /// The environment variable that overrides ``defaultMaximumMessageBytes``, e.g. `64M`.
    public static let maximumMessageBytesVariable = "FINCH_MAX_MESSAGE_SIZE"

    /// Limits of `maximumMessageBytes`.
    public init(maximumMessageBytes: Int = Self.defaultMaximumMessageBytes) {
        self.maximumMessageBytes = maximumMessageBytes
    }

    /// The limits a size such as `1048576`, `512K`, `64M` or `1G` (powers of 1024) asks for;
    /// `nil` (the variable unset) gives the defaults.
    public init(maximumMessageSize text: String?) throws(KernelLimitsError) {
        guard let text else {
            self.init()
            return
        }
        let units: [Character: Int] = ["K": 1 << 10, "k": 1 << 10, "M": 1 << 20, "m": 1 << 20, "G": 1 << 30, "g": 1 << 30]
        let unit = text.last.flatMap { units[$0] }
        let digits = unit == nil ? Substring(text) : text.dropLast()
        guard let count = Int(digits), count > 0 else { throw .invalidSize(text) }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: unit ?? 1)
        guard !overflow else { throw .invalidSize(text) }
        self.init(maximumMessageBytes: bytes)
    }
}

/// Why the kernel's limits could not be read.
public enum KernelLimitsError: Error, Equatable, CustomStringConvertible {
    /// Not a positive number of bytes with an optional `K`, `M` or `G`.
    case invalidSize(String)

    public var description: String {
        switch self {
        case .invalidSize(let text):
            "\(KernelLimits.maximumMessageBytesVariable) must be a positive number of bytes, optionally with K, M or G (got '\(text)')"
        }
    }
}
