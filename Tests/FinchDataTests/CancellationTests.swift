@testable import FinchData
import FinchEngine
import FinchTestSupport
import Testing

/// Tokenizing, parsing CSV and reading files ask a cancellation as they go and stop with
/// ``DataError/cancelled``; unasked, they give what they always gave.
@Suite struct DataCancellationTests {
    static let requested = Cancellation { true }
    /// A text long enough for several questions.
    static let text = String(repeating: "the film was great, really!\nthe plot was not.\n", count: 2000)

    @Test func aTokenizerStopsWhileLearningItsVocabularyOrEncoding() throws {
        #expect(throws: DataError.cancelled) { try Tokenizer.words(from: Self.text, limit: 10, cancellation: Self.requested) }
        #expect(throws: DataError.cancelled) { try Tokenizer.chars(from: Self.text, cancellation: Self.requested) }
        let asks = Asks(after: 1)
        #expect(throws: DataError.cancelled) { try Tokenizer.words(from: Self.text, limit: 10, cancellation: asks.cancellation) }
        #expect(asks.asked == 2, "asked again after \(Tokenizer.charactersPerCheck) characters")
        let words = try Tokenizer.words(from: Self.text, limit: 10)
        #expect(throws: DataError.cancelled) { try words.encode(Self.text, cancellation: Self.requested) }
        #expect(try words.encode(Self.text, cancellation: .never) == words.encode(Self.text))
        #expect(try Tokenizer.words(from: Self.text, limit: 10, cancellation: Asks(after: .max).cancellation) == words)
        #expect(try Tokenizer.chars(from: Self.text, cancellation: Asks(after: .max).cancellation).vocabulary
            == ["<pad>", "<unk>", "<mask>", "<bos>"] + Set(Self.text.map(String.init)).sorted())
    }

    @Test func aCSVParseStopsBetweenRecordsAndWhileReadingFeatures() throws {
        let rows = (0..<100_000).map { "\($0),\($0 % 7),\($0 % 2 == 0 ? "even" : "odd")" }
        let csv = (["n,m,label"] + rows).joined(separator: "\n")
        #expect(throws: DataError.cancelled) { try CSVTable.parse(csv, path: "big.csv", cancellation: Self.requested) }
        let asks = Asks(after: 1)
        #expect(throws: DataError.cancelled) { try CSVTable.parse(csv, path: "big.csv", cancellation: asks.cancellation) }
        #expect(asks.asked == 2, "asked again after \(CSVParser.bytesPerCheck) bytes")
        let table = try CSVTable.parse(csv, path: "big.csv", cancellation: Asks(after: .max).cancellation)
        #expect(table == (try CSVTable.parse(csv, path: "big.csv")))
        #expect(throws: DataError.cancelled) { try table.dataset(cancellation: Self.requested) }
        #expect(throws: DataError.cancelled) { try table.dataset(features: ["n", "m"], cancellation: Asks(after: 1).cancellation) }
        #expect(try table.dataset(cancellation: Asks(after: .max).cancellation) == table.dataset())
    }

    @Test func aCSVParseStopsInsideOneHugeQuotedField() throws {
        let csv = "text,label\n\"" + String(repeating: "a, b", count: CSVParser.bytesPerCheck) + "\",x\n"
        let asks = Asks(after: 1)
        #expect(throws: DataError.cancelled) { try CSVTable.parse(csv, path: "one.csv", cancellation: asks.cancellation) }
        #expect(asks.asked == 2, "asked again inside the field, after \(CSVParser.bytesPerCheck) bytes")
        #expect(try CSVTable.parse(csv, path: "one.csv", cancellation: Asks(after: .max).cancellation).rows[0][0].utf8.count
            == 4 * CSVParser.bytesPerCheck)
    }

    @Test func validatingALargeFileAsUTF8Stops() throws {
        // Three bytes a scalar: a piece of utf8BytesPerCheck bytes would end inside one.
        let text = String(repeating: "€", count: utf8BytesPerCheck)
        let asks = Asks(after: 1)
        #expect(throws: DataError.cancelled) { try decodeUTF8(Array(text.utf8), path: "big.txt", cancellation: asks.cancellation) }
        #expect(asks.asked == 2)
        #expect(try decodeUTF8(Array(text.utf8), path: "big.txt", cancellation: Asks(after: .max).cancellation) == text)
        #expect(throws: DataError.notUTF8(path: "bad.txt", line: 2)) { try decodeUTF8(Array("€\n€".utf8.dropLast()), path: "bad.txt") }
    }

    @Test func readingAFileStops() throws {
        let path = temporaryFile("words.txt", text: Self.text)
        #expect(throws: DataError.cancelled) { try Corpus.load(path: path, cancellation: Self.requested) }
        #expect(throws: DataError.cancelled) { try CSVTable.load(path: path, cancellation: Self.requested) }
        #expect(try Corpus.load(path: path, cancellation: .never) == Corpus.load(path: path))
    }
}
