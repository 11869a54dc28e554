import FinchData
import FinchEngine
@testable import FinchLanguage
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Work below the language (reading a file, parsing CSV, tokenizing, building, summarising and
/// loading a model) asks about interrupts as it goes, not only before its statement, and an
/// interrupt there is the usual interrupted error: nothing is assigned, earlier variables stay.
@Suite struct LongWorkInterruptionTests {
    /// A CSV file of `rows` rows of three numbers and a label, and a text file of words.
    static let files: (csv: String, text: String, checkpoint: String) = {
        let folder = "/tmp/finch-interrupts-\(getpid())"
        mkdir(folder, 0o700)
        let csv = folder + "/rows.csv", text = folder + "/words.txt"
        write((["a,b,c,label"] + (0..<3000).map { "\($0),\($0 % 7),\($0 % 3),\($0 % 2 == 0 ? "even" : "odd")" }).joined(separator: "\n"), to: csv)
        write(Array(repeating: "the film was great and the plot was not", count: 3000).joined(separator: "\n"), to: text)
        return (csv, text, folder + "/deep.safetensors")
    }()

    private static func write(_ text: String, to path: String) {
        let file = fopen(path, "wb")
        fputs(text, file)
        fclose(file)
    }

    private static let deep = """
        model deep {
          embedding vocab: 16 dim: 8 context: 4
          repeat 3 { transformer heads: 2 }
          lm_head
        }
        """

    /// Cells that make what the statements below use; `keep` is the earlier variable.
    private static var setup: [String] {
        ["keep = 1", "c = corpus \"\(files.text)\"", deep, "save deep to \"\(files.checkpoint)\""]
    }

    /// How many interrupt checks `finch` makes while running `cells`.
    private static func checks(_ cells: [String]) -> Int {
        let counter = Countdown(checks: .max)
        let finch = Harness(isInterrupted: { counter.check() })
        for cell in cells { finch.result(cell) }
        return .max - counter.remaining
    }

    @Test(arguments: [
        "d = dataset \"\(files.csv)\"",
        "t = corpus \"\(files.text)\"",
        "t = tokenizer words on: c",
        "t = tokenizer chars on: c",
        "model wide {\n  input features: 4\n  dense 8\n  dense 8\n}",
        "d = summary deep",
        "d = load \"\(files.checkpoint)\"",
    ])
    func theLastCheckOfTheWorkStopsItAsAnInterrupt(statement: String) {
        let before = Self.checks(Self.setup)
        let during = Self.checks(Self.setup + [statement]) - before
        #expect(during >= 2, "the work below the statement asks too (\(during) checks)")
        let countdown = Countdown(checks: before + during - 1)
        let finch = Harness(isInterrupted: { countdown.check() })
        for cell in Self.setup { finch.result(cell) }
        let error = finch.error(statement)
        #expect(error?.kind == .interrupted)
        #expect(error?.message == "interrupted by the user")
        #expect(finch.result("d")?.hasPrefix("unexpected") == true, "nothing is assigned")
        #expect(finch.result("wide")?.hasPrefix("unexpected") == true, "no model is bound")
        #expect(finch.result("keep") == "1")
    }

    @Test func aCancelledErrorBecomesAnInterruptAndAnyOtherStaysAsItIs() {
        let range = SourceRange(offset: 0, line: 1, column: 1, length: 3)
        let other = FinchError(.value, "other", at: range)
        #expect(FinchError.unlessCancelled(DataError.cancelled, at: range, otherwise: other) == .interrupted(at: range))
        #expect(FinchError.unlessCancelled(DataError.emptyDataset(name: "x"), at: range, otherwise: other) == other)
        #expect(FinchError.unlessCancelled(ModelError.cancelled, at: range, otherwise: other) == .interrupted(at: range))
        #expect(FinchError.unlessCancelled(CheckpointError.cancelled, at: range, otherwise: other) == .interrupted(at: range))
    }
}
