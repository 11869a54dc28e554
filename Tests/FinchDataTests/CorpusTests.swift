@testable import FinchData
import Glibc
import Testing

@Suite struct CorpusTests {
    @Test func loadsAUTF8FileNamedAfterIt() throws {
        let path = temporaryFile("story.txt", text: "Once upon a time…\nThe end.\n")
        let corpus = try Corpus.load(path: path)
        #expect(corpus == Corpus(name: "story.txt", text: "Once upon a time…\nThe end.\n"))
    }

    @Test func refusesFilesThatAreNotUTF8OrMissing() {
        let path = temporaryFile("bad.txt", bytes: Array("line one\nline two\nnai".utf8) + [0xEF, 0x76, 0x65])
        #expect(throws: DataError.notUTF8(path: path, line: 3)) { try Corpus.load(path: path) }
        #expect(throws: DataError.unreadableFile(path: "/nonexistent/book.txt", reason: "No such file or directory")) {
            try Corpus.load(path: "/nonexistent/book.txt")
        }
    }

    @Test func theTextsOfADataSetMakeACorpus() throws {
        let data = try Dataset(name: "notes", texts: ["one", "two"], labels: [0, 1], classNames: ["a", "b"])
        #expect(try Corpus(data) == Corpus(name: "notes", text: "one\ntwo"))
        let numbers = try Dataset(name: "n", features: [1], width: 1)
        #expect(throws: DataError.wrongInputs(name: "n", needs: "texts")) { try Corpus(numbers) }
    }
}

/// Data files are read only when regular, and only up to the limit, compressed or inflated.
@Suite struct BoundedReadingTests {
    @Test func aNamedPipeIsRefusedAtOnce() {
        let path = temporaryFolder() + "/pipe.txt"
        #expect(mkfifo(path, 0o600) == 0)
        #expect(throws: DataError.unreadableFile(path: path, reason: "it is a named pipe (FIFO), not a regular file")) {
            try Corpus.load(path: path)
        }
    }

    @Test func aGzipFileThatInflatesPastTheLimitIsRefused() throws {
        let path = dataFolder() + "/sms_spam.tsv.gz"
        let inflated = try readBytes(path: path).count
        #expect(inflated > 400_000, "the 207 KB file inflates to about half a megabyte")
        #expect(throws: DataError.self) { try readBytes(path: path, limit: 300_000) }
        #expect(throws: DataError.self) { try readBytes(path: path, limit: 100_000) }
    }
}
