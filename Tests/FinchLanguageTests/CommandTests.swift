import FinchDisplay
@testable import FinchLanguage
import Testing

@Suite struct CommandTests {
    let finch = Harness()

    @Test func printSeparatesValuesWithSpaces() {
        finch.result(#"print "loss" 0.5 [1, "a"]"#)
        #expect(finch.sink.stdout == "loss 0.5 [1, \"a\"]\n")
    }
    @Test func printTakesSepAndEnd() {
        finch.result(#"print 1 2 3 sep: ", " end: "!\n""#)
        #expect(finch.sink.stdout == "1, 2, 3!\n")
    }
    @Test func printWithNoValuesPrintsAnEmptyLine() {
        finch.result("print")
        #expect(finch.sink.events == [.write("\n", .stdout)])
    }
    @Test func printHasNoResult() { #expect(finch.result("print 1") == nil) }
    @Test func warnWritesToStandardError() {
        finch.result(#"warn "careful""#)
        #expect(finch.sink.events == [.write("careful\n", .stderr)])
    }
    @Test func displaySendsTheTextForm() {
        finch.result(#"display "hi""#)
        #expect(finch.sink.events == [.display(MimeBundle(plainText: "\"hi\""), id: nil)])
    }
    @Test func displayWithAnID() {
        finch.result(#"display 1 id: "progress""#)
        #expect(finch.sink.events == [.display(MimeBundle(plainText: "1"), id: "progress")])
    }
    @Test func displayUpdatesByID() {
        finch.result(#"display 2 id: "progress" update: true"#)
        #expect(finch.sink.events == [.update(MimeBundle(plainText: "2"), id: "progress")])
    }
    @Test func clearDoesNotWaitByDefault() {
        finch.result("clear")
        #expect(finch.sink.events == [.clear(wait: false)])
    }
    @Test func clearCanWait() {
        finch.result("clear wait: true")
        #expect(finch.sink.events == [.clear(wait: true)])
    }
    @Test func sleepReturnsAfterTheWait() {
        #expect(finch.result("sleep 0.02; 1") == "1")
    }
    @Test func askReturnsWhatTheUserTyped() {
        finch.sink.answers = ["Ada"]
        #expect(finch.result(#"name = ask "Your name?"; "hello " + name"#) == "\"hello Ada\"")
        #expect(finch.sink.prompts == ["Your name?"])
    }
    @Test func askCanHideTheInput() {
        finch.sink.answers = ["secret"]
        finch.result(#"ask "Token?" password: true"#)
        #expect(finch.sink.prompts == ["(hidden) Token?"])
    }
    @Test func askFailsWhenNoOneCanAnswer() {
        #expect(finch.error(#"ask "Your name?""#)?.message == "no one can answer 'ask' here: this front end does not send input")
    }
    @Test func exitAndQuitEndTheSession() {
        finch.result("exit; quit")
        #expect(finch.sink.events == [.endSession, .endSession])
    }
    @Test func helpListsCommandsAndFunctions() {
        finch.result("help")
        let lines = finch.sink.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Commands:")
        #expect(lines.contains("  print                      Print values to standard output, separated by spaces."))
        #expect(lines.contains("  round(x, digits: 0)        x rounded to the given number of decimal digits (halves away from zero)"))
        #expect(lines.last == "Write 'help NAME' for more about one of them.")
    }
    @Test func helpDescribesACommand() {
        finch.result("help print")
        #expect(finch.sink.stdout == """
            print [VALUE…] [sep: STRING] [end: STRING]
            Print values to standard output, separated by spaces.

              VALUE…  the values to print; strings print without quotes
              sep:    the text between values (default " ")
              end:    the text after the last value (default "\\n")

            """)
    }
    @Test func helpDescribesAFunction() {
        finch.result("help sqrt")
        #expect(finch.sink.stdout == "sqrt(x)\nthe square root of x, for x ≥ 0\n")
    }
    @Test func helpDescribesAKeyword() {
        finch.result("help for")
        #expect(finch.sink.stdout == "for NAME in LIST { … } — run the block once for each element, bound to NAME\n")
    }
    @Test func aCommandReturnsARecord() {
        #expect(finch.result("train 1 on [2] steps: 5 schedule: cosine") == "training(model: 1, data: [2], steps: 5, schedule: cosine)")
    }
    @Test func defaultsFillMissingKeywords() {
        #expect(finch.result("r = train 1 on 2\nr.schedule") == "constant")
    }
    @Test func aChoiceAcceptsAString() {
        #expect(finch.result(#"r = train 1 on 2 schedule: "linear"; r.schedule"#) == "linear")
    }
    @Test func continuationLinesRun() {
        #expect(finch.result("r = train 1 on 2 steps: 7\n      schedule: linear\n[r.steps, r.schedule]") == "[7, linear]")
    }
    @Test func aCommandValueIsTheCellResult() {
        #expect(finch.result("train 1 on 2")?.hasPrefix("training(") == true)
    }
    @Test func repeatCanRunZeroTimes() {
        finch.result("repeat 0 { print 1 }")
        #expect(finch.sink.events.isEmpty)
    }
}

/// The IPython habit `NAME?`: the doc in the front end's pager.
@Suite struct PagerTests {
    let finch = Harness()

    @Test func aNameWithAQuestionMarkPagesItsDoc() {
        #expect(finch.result("print?") == nil)
        #expect(finch.result("  ?sqrt\n") == nil)
        let pages = finch.sink.events.compactMap { if case .page(let bundle) = $0 { bundle } else { nil } }
        #expect(pages.map(\.plainText) == [
            "print [VALUE…] [sep: STRING] [end: STRING]\nPrint values to standard output, separated by spaces.\n\n"
                + "  VALUE…  the values to print; strings print without quotes\n  sep:    the text between values (default \" \")\n"
                + "  end:    the text after the last value (default \"\\n\")",
            "sqrt(x)\nthe square root of x, for x ≥ 0",
        ])
        #expect(pages.first?["text/html"]?.hasPrefix("<pre>print [VALUE…]") == true)
        #expect(finch.sink.stdout.isEmpty)
    }

    @Test func anUnknownNameIsANameErrorWithASuggestion() {
        let error = finch.error("\nprin?")
        #expect(error?.message == "no help for 'prin'")
        #expect(error?.note == "did you mean 'print'?")
        #expect(error?.range == SourceRange(offset: 1, line: 2, column: 1, length: 4))
    }

    @Test func otherCellsWithAQuestionMarkRunAsUsual() {
        #expect(finch.error("x = 1?") != nil)
        #expect(finch.sink.events.isEmpty)
    }
}
