import FinchDisplay
@testable import FinchLanguage
import Testing

@Suite struct InterruptionTests {
    @Test func anInterruptStopsALoopAndKeepsEarlierAssignments() {
        let countdown = Countdown(checks: 5)
        let finch = Harness(isInterrupted: { countdown.check() })
        // Checks: statement 1, statement 2 (the loop), then one per iteration and one per body statement.
        let outcome = finch.session.execute("a = 1\nfor i in 1..100 {\n  last = i\n}\nb = 2")
        guard case .failure(let error) = outcome else { Issue.record("not interrupted"); return }
        #expect(error.kind == .interrupted)
        #expect(error.message == "interrupted by the user")
        #expect(finch.result("a") == "1")
        #expect(finch.result("last") == "1")
    }

    @Test func theInterruptPointsAtTheRunningStatement() {
        let countdown = Countdown(checks: 1)
        let finch = Harness(isInterrupted: { countdown.check() })
        #expect(finch.rendered("x = 1\nprint x") == [
            "Interrupted: interrupted by the user",
            " --> cell [3]:2:1",
            "  |",
            "2 | print x",
            "  | ^^^^^^^",
        ])
    }

    @Test func sleepIsInterruptible() {
        let countdown = Countdown(checks: 3)
        let finch = Harness(isInterrupted: { countdown.check() })
        let start = ContinuousClock.now
        let error = finch.error("sleep 60")
        #expect(error?.kind == .interrupted)
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func repeatChecksEveryIteration() {
        let countdown = Countdown(checks: 4)
        let finch = Harness(isInterrupted: { countdown.check() })
        _ = finch.error("n = 0\nrepeat 1000000 { }")
        #expect(finch.result("n") == "0")
    }
}

@Suite struct SessionTests {
    let finch = Harness()

    @Test func evaluateReturnsTheTextForm() {
        finch.result("xs = [1, 2]")
        #expect(finch.session.evaluate("xs.length * 2") == .success(MimeBundle(plainText: "4")))
    }

    @Test func evaluateReportsErrors() {
        guard case .failure(let error) = finch.session.evaluate("nope") else { Issue.record("no error"); return }
        #expect(error.name == "NameError")
        #expect(error.range?.column == 1)
    }

    @Test func evaluateRunsNoCommands() {
        guard case .failure(let error) = finch.session.evaluate("print 1") else { Issue.record("no error"); return }
        #expect(error.message == "expected the end of the expression, found a number")
        #expect(finch.sink.events.isEmpty)
    }

    @Test func aSuccessfulCellWithoutExpressionHasNoResult() {
        #expect(finch.session.execute("x = 1") == .success(nil))
    }

    @Test func theStandardSessionKnowsTheCoreCommands() {
        let sink = RecordingSink()
        let session = FinchSession(output: sink, isInterrupted: { false })
        #expect(session.execute("print 6 * 7") == .success(nil))
        #expect(sink.stdout == "42\n")
        #expect(session.execute("train") != .success(nil))
    }
}

@Suite struct CellResultTests {
    let finch = Harness()

    @Test func everyBareValueOfACellIsShownInOrderTheLastAsItsResult() {
        #expect(finch.result("x = 1\nx + 1\nprint \"between\"\nx + 2\ny = 5\nx + 3") == "4")
        let shown = finch.sink.events.compactMap { event -> String? in
            switch event {
            case .display(let bundle, _): "display " + bundle.plainText
            case .write(let text, _): "write " + text
            default: nil
            }
        }
        #expect(shown == ["display 2", "write between\n", "display 3"])
    }

    @Test func aCellEndingInAnAssignmentHasNoResultButShowsItsBareValues() {
        #expect(finch.result("1 + 1\nz = 3") == nil)
        #expect(finch.sink.events == [.display(MimeBundle(plainText: "2"), id: nil)])
    }
}

/// Inference asks about interrupts between chunks of examples, not only before its statement.
@Suite struct InferenceInterruptionTests {
    private static let setup = [TrainingTests.mlp, "seed 1"]

    /// How many interrupt checks `finch` makes while running `cells`.
    private static func checks(_ cells: [String], big: DatasetObject) -> Int {
        let counter = Countdown(checks: .max)
        let finch = Harness(isInterrupted: { counter.check() })
        finch.define("big", big)
        for cell in cells { finch.result(cell) }
        return .max - counter.remaining
    }

    @Test func evaluateAndPredictStopBetweenChunks() {
        let big = Fixtures.blobs("big", count: 1000)
        let before = Self.checks(Self.setup, big: big)
        for statement in ["e = evaluate net on big", "p = predict net on big"] {
            let during = Self.checks(Self.setup + [statement], big: big) - before
            #expect(during >= 16, "1000 examples in chunks of 64: a check per chunk (\(during))")
            let countdown = Countdown(checks: before + 3)
            let finch = Harness(isInterrupted: { countdown.check() })
            finch.define("big", big)
            for cell in Self.setup { finch.result(cell) }
            #expect(finch.error(statement)?.kind == .interrupted)
            #expect(finch.result("e")?.hasPrefix("unexpected") == true, "nothing is assigned")
        }
    }
}
