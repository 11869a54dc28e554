import FinchData
@testable import FinchLanguage
import Testing

/// Mistakes a user makes with data and results, each caught with a message that says what to do,
/// and statements in loops that show what they would show at the top level.
@Suite struct GuardTests {
    let finch = Harness()

    init() {
        finch.define("points", Fixtures.blobs())
    }

    @Test func splitPartsMustAddUpTo100OrTo1() throws {
        let error = try #require(finch.error("a, b = split points [80, 30]"))
        #expect(error.message == "split parts must add up to 100 (percentages) or 1 (fractions), but [80, 30] add up to 110; "
            + "give every example one part, such as [80, 20] or [0.8, 0.2]")
        #expect(error.range?.column == 21)
        #expect(finch.result("a, b = split points [0.75, 0.25]; a.length") == "48")
    }

    @Test func aSplitAssignedToOneNameSaysToUnpackIt() throws {
        let error = try #require(finch.error("fit = split points [80, 20]"))
        #expect(error.message == "'split' gives 2 values; unpack them into 2 names, not one")
        #expect(error.note == "write 'train, test = split …'")
        #expect(error.range.map { [$0.line, $0.column, $0.length] } == [1, 1, 3])
        #expect(finch.error("parts = split points [80, 10, 10]")?.note == "write 'train, val, test = split …'")
        #expect(finch.result("fit, held = split points [80, 20]; fit.length") == "52")
    }

    @Test func tableAndCompareInsideALoopShowAtEveryTurn() throws {
        finch.result("for n in [1, 2] { table [n, n * 10] }")
        let shown = finch.sink.events.compactMap { event -> String? in
            if case .display(let bundle, _) = event { bundle.plainText } else { nil }
        }
        #expect(shown.count == 2)
        #expect(shown[0].contains("10") && shown[1].contains("20"))
        finch.result("if true { table [3] } else { table [4] }")
        #expect(finch.sink.events.count == 3)
        finch.result("for n in [1, 2] { x = n }")
        #expect(finch.sink.events.count == 3, "assignments and commands without a value show nothing")
    }

    @Test func helpForTheTokenizerShowsTheWordsItAccepts() throws {
        finch.result("help tokenizer")
        #expect(finch.sink.stdout.hasPrefix("tokenizer chars|words on VALUE [limit: NUMBER]\n"))
        #expect(finch.sink.stdout.contains("KIND") == false)
        #expect(finch.sink.stdout.contains("chars (one token per character) or words (the most frequent words)"))
    }

    @Test func anUnknownPropertyListsThoseThatExist() throws {
        let error = try #require(finch.error("points.size"))
        #expect(error.message == "a dataset has no property 'size'")
        #expect(error.note?.hasPrefix("its properties are classes, features, label_column, labels, length, name, standardize") == true)
    }
}

/// `help` documents the properties of the values commands give.
@Suite struct PropertyHelpTests {
    let finch = Harness()

    @Test func helpOfATypeListsItsProperties() {
        finch.result("help run")
        let text = finch.sink.stdout
        #expect(text.hasPrefix("Properties of a run (write VALUE.NAME):\n  accuracy              validation accuracy at the last evaluation"))
        #expect(text.contains("\n  val_loss              validation loss at each evaluation\n"))
        finch.result("help evaluation")
        #expect(finch.sink.stdout.contains("Properties of an evaluation (write VALUE.NAME):\n  accuracy             the fraction classified correctly\n"))
    }

    @Test func helpOfACommandListsThePropertiesOfItsValue() {
        finch.result("help dataset")
        let text = finch.sink.stdout
        #expect(text.hasPrefix("dataset SOURCE"))
        #expect(text.contains("\n\nProperties of a data set (write VALUE.NAME):\n  classes       the class names\n"))
        #expect(text.contains("  texts         the text of every example (a data set of texts)\n"))
        finch.result("help finetune")
        #expect(finch.sink.stdout.contains("Properties of a run (write VALUE.NAME):"))
    }

    @Test func everyListedPropertyIsOneTheValueHas() {
        finch.define("points", Fixtures.blobs())
        let listed = DatasetObject.propertyTable.map(\.name).sorted()
        #expect(Properties.available(on: finch.session.interpreter.variables["points"]!).map(\.name).sorted() == listed)
        let error = finch.error("points.texts")
        #expect(error?.message == "points holds numeric features, not texts")
    }
}
