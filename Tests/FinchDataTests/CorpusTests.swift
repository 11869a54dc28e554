import FinchData
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
