internal import CZlib
import FinchEngine
internal import Glibc

/// The bytes of the file at `path`; gzip-compressed files (name ending in `.gz`) are inflated.
/// Only regular files are read (a named pipe or a device is refused at once), and at most
/// `limit` bytes, compressed or inflated. Stops with ``DataError/cancelled`` when
/// `cancellation` is requested, asked every few megabytes.
func readBytes(path: String, limit: Int = ReadableFile.defaultLimit, cancellation: Cancellation = .never) throws(DataError) -> [UInt8] {
    do throws(FileReadError) {
        let file = try ReadableFile(path: path, limit: limit)
        return path.hasSuffix(".gz") ? try inflate(file, limit: limit, cancellation: cancellation) : try file.readAll(cancellation: cancellation)
    } catch {
        if case .cancelled = error { throw .cancelled }
        throw .unreadableFile(path: path, reason: error.reason)
    }
}

/// The inflated bytes of the gzip `file`, read with zlib's `gzdopen`/`gzread`; a file that is not
/// compressed is read as it is. Asks `cancellation` every 64 chunks (4 MiB inflated).
private func inflate(_ file: borrowing ReadableFile, limit: Int, cancellation: Cancellation) throws(FileReadError) -> [UInt8] {
    guard let zipped = gzdopen(dup(fileno(file.stream)), "rb") else { throw .system(path: file.path, reason: systemError()) }
    defer { gzclose(zipped) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var chunks = 0
    while true {
        if cancellation.isRequested(at: chunks, every: 64) { throw .cancelled(path: file.path) }
        chunks += 1
        let count = chunk.withUnsafeMutableBytes { gzread(zipped, $0.baseAddress, UInt32($0.count)) }
        guard count >= 0 else {
            var code: Int32 = 0
            let message = gzerror(zipped, &code).map { String(cString: $0) } ?? "zlib error \(code)"
            throw .system(path: file.path, reason: "not a valid gzip file (\(message))")
        }
        if count == 0 { return bytes }
        guard bytes.count + Int(count) <= limit else { throw .tooLarge(path: file.path, bytes: bytes.count + Int(count), limit: limit) }
        bytes += chunk[0..<Int(count)]
    }
}

/// The message of the current `errno`.
private func systemError() -> String { String(cString: strerror(errno)) }

/// `bytes` as a String when they are valid UTF-8 (a leading byte-order mark is dropped);
/// otherwise the error names the line of the first invalid byte. Validates ``utf8BytesPerCheck``
/// bytes at a time and asks `cancellation` before each, so a large file stops at once.
func decodeUTF8(_ bytes: [UInt8], path: String, cancellation: Cancellation = .never) throws(DataError) -> String {
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
    var text = ""
    text.reserveCapacity(body.count)
    var start = body.startIndex
    while start < body.endIndex {
        if cancellation.isRequested { throw .cancelled }
        var end = min(start + utf8BytesPerCheck, body.endIndex)
        while end < body.endIndex, end > start + 1, body[end] & 0xC0 == 0x80 { end -= 1 }
        guard let piece = String(validating: body[start..<end], as: UTF8.self) else { throw .notUTF8(path: path, line: line(ofFirstInvalidByteIn: body)) }
        text += piece
        start = end
    }
    return text
}

/// Bytes validated as UTF-8 between two questions to a ``Cancellation`` (a few milliseconds).
let utf8BytesPerCheck = 1 << 24

/// The line (1-based) of the first byte of `bytes` that is not valid UTF-8.
private func line(ofFirstInvalidByteIn bytes: ArraySlice<UInt8>) -> Int {
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    var line = 1
    while case let .scalarValue(scalar) = decoder.decode(&iterator) {
        if scalar == "\n" { line += 1 }
    }
    return line
}
