@testable import FinchEngine
import Glibc
import Testing

/// Files are replaced whole or not at all.
@Suite struct AtomicFileTests {
    private func temporaryPath(_ name: String) -> String { "/tmp/finch-atomic-\(getpid())-\(name)" }

    private func contents(_ path: String) -> String? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count == 0 { break }
            bytes += buffer[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Names in `/tmp` that start with `prefix`.
    private func leftovers(_ prefix: String) -> [String] {
        guard let directory = opendir("/tmp") else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasPrefix(prefix) { names.append(name) }
        }
        return names
    }

    @Test func aWriteReplacesTheFileWithMode0644() throws {
        let path = temporaryPath("replace")
        defer { unlink(path) }
        try AtomicFile.write(to: path) { (file) throws(FileWriteError) in try file.append(Array("old".utf8)) }
        try AtomicFile.write(to: path) { (file) throws(FileWriteError) in try file.append(Array("new text".utf8)) }
        #expect(contents(path) == "new text")
        var status = stat()
        stat(path, &status)
        #expect(status.st_mode & 0o777 == 0o644)
        #expect(leftovers("finch-atomic-\(getpid())-replace").count == 1)
    }

    @Test func aWriteThatFailsPartWayLeavesThePreviousFileAndNoTemporary() throws {
        let path = temporaryPath("fail")
        defer { unlink(path) }
        try AtomicFile.write(to: path) { (file) throws(FileWriteError) in try file.append(Array("kept".utf8)) }
        #expect(throws: FileWriteError.write(path: path, reason: "disk full")) {
            try AtomicFile.write(to: path) { (file) throws(FileWriteError) in
                try file.append(Array("half of it".utf8))
                throw .write(path: path, reason: "disk full")
            }
        }
        #expect(contents(path) == "kept")
        #expect(leftovers("finch-atomic-\(getpid())-fail").count == 1)
    }

    @Test func aFolderThatDoesNotExistIsATypedError() {
        let path = "/tmp/finch-no-such-folder-\(getpid())/x.csv"
        #expect(throws: FileWriteError.create(path: path, reason: "No such file or directory")) {
            try AtomicFile.write(to: path) { (file) throws(FileWriteError) in try file.append([1, 2, 3]) }
        }
    }
}
