import Glibc

/// Why a file could not be written. The file that was there before is unchanged.
public enum FileWriteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The temporary file beside the target could not be made.
    case create(path: String, reason: String)
    /// A write, the flush to disk or the close failed (a full disk shows here).
    case write(path: String, reason: String)
    /// The finished file could not take the target's place.
    case replace(path: String, reason: String)

    /// One-line explanation.
    public var description: String {
        switch self {
        case let .create(path, reason): "cannot create a file beside \(path): \(reason)"
        case let .write(path, reason): "cannot write \(path): \(reason)"
        case let .replace(path, reason): "cannot replace \(path): \(reason)"
        }
    }
}

/// Writes a file so that it is either all there or not changed: the bytes go to a temporary
/// file beside the target, every write, the flush to disk and the close are checked, and only
/// then does it take the target's name (`rename` is atomic). A kill or a full disk part-way
/// leaves the previous file as it was.
public struct AtomicFile: ~Copyable {
    private let path: String, temporary: String
    private let descriptor: Int32

    /// Writes what `body` appends to the file at `path` (mode 0644), replacing it only when
    /// everything was written.
    public static func write(to path: String, _ body: (borrowing AtomicFile) throws(FileWriteError) -> Void) throws(FileWriteError) {
        let temporary = path + ".finch-\(getpid())-tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .create(path: path, reason: errorText()) }
        let file = AtomicFile(path: path, temporary: temporary, descriptor: descriptor)
        do throws(FileWriteError) {
            try body(file)
            guard fsync(descriptor) == 0 else { throw FileWriteError.write(path: path, reason: errorText()) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard close(descriptor) == 0 else {
            let reason = errorText()
            unlink(temporary)
            throw .write(path: path, reason: reason)
        }
        guard rename(temporary, path) == 0 else {
            let reason = errorText()
            unlink(temporary)
            throw .replace(path: path, reason: reason)
        }
    }

    private init(path: String, temporary: String, descriptor: Int32) {
        self.path = path
        self.temporary = temporary
        self.descriptor = descriptor
    }

    /// Appends `count` bytes from `bytes`, all of them or an error.
    public func append(_ bytes: UnsafeRawPointer, count: Int) throws(FileWriteError) {
        var done = 0
        while done < count {
            let written = Glibc.write(descriptor, bytes + done, count - done)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw .write(path: path, reason: written < 0 ? AtomicFile.errorText() : "nothing was written") }
            done += written
        }
    }

    /// Appends `bytes`.
    public func append(_ bytes: [UInt8]) throws(FileWriteError) {
        let failure: FileWriteError? = bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return nil }
            do throws(FileWriteError) { try append(base, count: buffer.count) } catch { return error }
            return nil
        }
        if let failure { throw failure }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
