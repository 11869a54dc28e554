internal import CZlib
internal import Glibc

/// The bytes of the file at `path`; gzip-compressed files (name ending in `.gz`) are inflated.
func readBytes(path: String) throws(DataError) -> [UInt8] {
    path.hasSuffix(".gz") ? try readGzip(path: path) : try readPlain(path: path)
}

/// The bytes of the file at `path`, read with `fopen`/`fread`.
private func readPlain(path: String) throws(DataError) -> [UInt8] {
    guard let file = fopen(path, "rb") else { throw .unreadableFile(path: path, reason: systemError()) }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = fread(&chunk, 1, chunk.count, file)
        bytes += chunk[0..<count]
        if count < chunk.count {
            guard ferror(file) == 0 else { throw .unreadableFile(path: path, reason: systemError()) }
            return bytes
        }
    }
}

/// The inflated bytes of the gzip file at `path`, read with zlib's `gzopen`/`gzread`.
private func readGzip(path: String) throws(DataError) -> [UInt8] {
    // gzopen reads a file that is not compressed as it is, so only a missing file fails here.
    guard let file = gzopen(path, "rb") else { throw .unreadableFile(path: path, reason: systemError()) }
    defer { gzclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = chunk.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
        guard count >= 0 else {
            var code: Int32 = 0
            let message = gzerror(file, &code).map { String(cString: $0) } ?? "zlib error \(code)"
            throw .unreadableFile(path: path, reason: "not a valid gzip file (\(message))")
        }
        if count == 0 { return bytes }
        bytes += chunk[0..<Int(count)]
    }
}

/// The message of the current `errno`.
private func systemError() -> String { String(cString: strerror(errno)) }

/// `bytes` as a String when they are valid UTF-8 (a leading byte-order mark is dropped);
/// otherwise the error names the line of the first invalid byte.
func decodeUTF8(_ bytes: [UInt8], path: String) throws(DataError) -> String {
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
    if let text = String(validating: body, as: UTF8.self) { return text }
    var decoder = UTF8()
    var iterator = body.makeIterator()
    var line = 1
    while case let .scalarValue(scalar) = decoder.decode(&iterator) {
        if scalar == "\n" { line += 1 }
    }
    throw .notUTF8(path: path, line: line)
}
