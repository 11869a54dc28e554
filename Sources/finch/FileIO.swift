import FinchEngine
internal import Glibc

/// The bytes of the regular file at `path` (a named pipe or a device is refused at once).
func readFileBytes(_ path: String) throws(FileReadError) -> [UInt8] {
    try ReadableFile(path: path).readAll()
}

/// Writes `bytes` to the file at `path`, replacing it; `false` with `errno` set on failure.
func writeFileBytes(_ bytes: [UInt8], to path: String) -> Bool {
    guard let file = fopen(path, "wb") else { return false }
    let written = fwrite(bytes, 1, bytes.count, file)
    return fclose(file) == 0 && written == bytes.count
}

/// Writes `text` to standard output or standard error, unbuffered, so the two keep their order.
func writeStandard(_ text: String, toError: Bool = false) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { Glibc.write(toError ? STDERR_FILENO : STDOUT_FILENO, $0.baseAddress, $0.count) }
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { return }
        bytes = bytes.dropFirst(written)
    }
}

/// The message of the current `errno`.
func systemError() -> String { String(cString: strerror(errno)) }
