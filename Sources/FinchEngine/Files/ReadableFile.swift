import Glibc

/// Why a file could not be opened for reading.
public enum FileReadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The system refused (a missing file, no permission).
    case system(path: String, reason: String)
    /// The path names something other than a regular file, which could block or never end.
    case notRegular(path: String, kind: String)
    /// The file is larger than Finch reads into memory.
    case tooLarge(path: String, bytes: Int, limit: Int)
    /// The user asked the read to stop (see ``Cancellation``).
    case cancelled(path: String)

    /// One-line explanation.
    public var description: String {
        switch self {
        case let .system(path, reason): "cannot read \(path): \(reason)"
        case let .notRegular(path, kind): "cannot read \(path): it is \(kind), not a regular file"
        case let .tooLarge(path, bytes, limit):
            "cannot read \(path): it holds \(ReadableFile.size(bytes)), more than the \(ReadableFile.size(limit)) Finch reads into memory"
        case let .cancelled(path): "reading \(path) was interrupted"
        }
    }

    /// The reason alone, without the path.
    public var reason: String {
        switch self {
        case let .system(_, reason): reason
        case let .notRegular(_, kind): "it is \(kind), not a regular file"
        case let .tooLarge(_, bytes, limit): "it holds \(ReadableFile.size(bytes)), more than the \(ReadableFile.size(limit)) Finch reads into memory"
        case .cancelled: "the read was interrupted"
        }
    }
}

/// A regular file opened for reading. Opening never blocks: the path is opened without waiting
/// (a named pipe would wait for a writer) and refused unless it is a regular file, so a FIFO,
/// `/dev/zero` or a folder is an error at once instead of a hang or an endless read.
public struct ReadableFile: ~Copyable {
    /// Bytes a whole-file read may hold in memory, unless the caller says otherwise.
    public static let defaultLimit = 1 << 30

    /// The open stream, for `fread`.
    public let stream: UnsafeMutablePointer<FILE>
    /// The file's size in bytes when it was opened.
    public let size: Int
    /// The path it was opened at, for messages.
    public let path: String

    /// Opens `path`, refusing what is not a regular file and files larger than `limit` bytes.
    public init(path: String, limit: Int = ReadableFile.defaultLimit) throws(FileReadError) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw .system(path: path, reason: String(cString: strerror(errno))) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw .system(path: path, reason: reason)
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw .notRegular(path: path, kind: ReadableFile.kind(of: info.st_mode))
        }
        guard Int(info.st_size) <= limit else {
            close(descriptor)
            throw .tooLarge(path: path, bytes: Int(info.st_size), limit: limit)
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        guard let stream = fdopen(descriptor, "rb") else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw .system(path: path, reason: reason)
        }
        self.stream = stream
        size = Int(info.st_size)
        self.path = path
    }

    deinit { fclose(stream) }

    /// Bytes read between two questions to `cancellation` (a few milliseconds of disk).
    public static let chunk = 8 << 20

    /// Every byte of the file, read in chunks of ``chunk`` bytes; asks `cancellation` before each.
    public func readAll(cancellation: Cancellation = .never) throws(FileReadError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: size)
        var read = 0
        while read < size {
            if cancellation.isRequested { throw .cancelled(path: path) }
            let wanted = min(ReadableFile.chunk, size - read)
            let got = bytes.withUnsafeMutableBytes { fread(UnsafeMutableRawBufferPointer(rebasing: $0[read...]).baseAddress, 1, wanted, stream) }
            read += got
            guard got == wanted else { break }
        }
        guard read == size, ferror(stream) == 0 else { throw .system(path: path, reason: "short read (\(read) of \(size) bytes)") }
        return bytes
    }

    /// What a file of mode `mode` is, in words.
    static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a named pipe (FIFO)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFDIR: "a folder"
        case S_IFSOCK: "a socket"
        default: "not a file"
        }
    }

    /// Bytes in GiB, MiB or bytes, whichever is whole, for messages.
    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 30 ? "\(bytes >> 30) GiB" : bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }
}
