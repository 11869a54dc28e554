@testable import FinchEngine
import Glibc
import Testing

/// Reading refuses what is not a regular file at once, and files over the limit.
@Suite struct ReadableFileTests {
    private func temporaryPath(_ name: String) -> String { "/tmp/finch-readable-\(getpid())-\(name)" }

    @Test func aRegularFileIsReadWhole() throws {
        let path = temporaryPath("plain")
        let file = fopen(path, "wb")!
        fputs("finch\n", file)
        fclose(file)
        defer { unlink(path) }
        #expect(try ReadableFile(path: path).readAll() == Array("finch\n".utf8))
        #expect(throws: FileReadError.tooLarge(path: path, bytes: 6, limit: 5)) { try ReadableFile(path: path, limit: 5) }
        #expect(FileReadError.tooLarge(path: path, bytes: 3 << 30, limit: 1 << 30).reason
                == "it holds 3 GiB, more than the 1 GiB Finch reads into memory")
    }

    @Test func aNamedPipeIsRefusedWithoutWaitingForAWriter() throws {
        let path = temporaryPath("fifo")
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        // Opening a FIFO for reading waits for a writer; the test would hang here without O_NONBLOCK.
        #expect(throws: FileReadError.notRegular(path: path, kind: "a named pipe (FIFO)")) { try ReadableFile(path: path) }
    }

    @Test func devicesFoldersAndMissingFilesAreRefused() {
        #expect(throws: FileReadError.notRegular(path: "/dev/zero", kind: "a character device")) { try ReadableFile(path: "/dev/zero") }
        #expect(throws: FileReadError.notRegular(path: "/tmp", kind: "a folder")) { try ReadableFile(path: "/tmp") }
        #expect(throws: FileReadError.system(path: "/nonexistent/x", reason: "No such file or directory")) {
            try ReadableFile(path: "/nonexistent/x")
        }
        #expect(FileReadError.notRegular(path: "/dev/zero", kind: "a character device").description
                == "cannot read /dev/zero: it is a character device, not a regular file")
    }

    @Test func aCheckpointPathThatIsADeviceIsAnErrorNotAHang() {
        #expect(throws: CheckpointError.io(path: "/dev/zero", reason: "it is a character device, not a regular file")) {
            try SafeTensors.read(from: "/dev/zero")
        }
    }
}
