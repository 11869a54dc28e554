@testable import FinchDisplay
import Testing

@Suite struct ProgressBarTests {
    @Test func barWithRateETAAndLoss() {
        let bar = ProgressBar(step: 420, total: 1000, elapsed: 12.3, loss: 0.43211, label: "train")
        expectText(bar.render(width: 80), """
        train  42%|███████▌          | 420/1000 [00:12<00:17, 34.1 step/s, loss=0.4321]
        """)
        expectText(bar.render(width: 80, style: .ascii), """
        train  42%|########          | 420/1000 [00:12<00:17, 34.1 step/s, loss=0.4321]
        """)
        expectText(bar.html, """
        <div class="finch-progress"><progress value="420" max="1000"></progress> <code>train 42% 420/1000 [00:12&lt;00:17, 34.1 step/s, loss=0.4321]</code></div>
        """)
        expectWellFormed(bar.html)
    }

    @Test func unknownTotalHasNoBar() {
        let bar = ProgressBar(step: 37, total: nil, elapsed: 3725, loss: .nan)
        expectText(trimmingLineEnds(bar.render(width: 60)), """
        37 steps [1:02:05, 0.00993 step/s, loss=nan]
        """)
        #expect(bar.remaining == nil)
    }

    @Test func startAndEnd() {
        expectText(ProgressBar(step: 0, total: 50, elapsed: 0).render(width: 60), """
          0%|                            | 0/50 [00:00<?, ? step/s]
        """)
        expectText(ProgressBar(step: 50, total: 50, elapsed: 61).render(width: 60), """
        100%|████████████████████| 50/50 [01:01<00:00, 0.82 step/s]
        """)
    }

    /// A fast run's long figures leave no room for the bar and a long label: the label's end goes,
    /// the figures stay whole (a notebook's re-run must find its loss and its closing bracket).
    @Test func aLongLabelGivesWayToTheFigures() {
        let bar = ProgressBar(step: 900, total: 900, elapsed: 0.0079, loss: 0.05166, label: "finetune scratch_student_with_a_long_name")
        let line = bar.render(width: 80)
        #expect(line.count == 79)
        #expect(line.trimmingTrailingSpaces.hasSuffix("loss=0.05166]"), "\(line)")
        #expect(line.hasPrefix("finetune scratch_stu"))
        #expect(line.contains("… 100% 900/900"), "\(line)")
        let slower = ProgressBar(step: 900, total: 900, elapsed: 0.9, loss: 0.05166, label: "finetune scratch_student_with_a_long_name")
        #expect(slower.render(width: 80).prefix(30) == line.prefix(30), "how much of the label shows does not follow the rate")
    }

    @Test func everyLineHasTheSameWidthForRedrawing() {
        for step in [0, 1, 9, 10, 99, 100] {
            #expect(ProgressBar(step: step, total: 100, elapsed: Double(step)).render(width: 50).count == 49)
        }
    }
}

@Suite struct ProgressReporterTests {
    @Test func showsThenThrottlesUpdates() {
        var reporter = ProgressReporter(id: "run-1", total: 100, label: "train", start: 10,
                                        cadence: .live(interval: 0.25), width: 60)
        var kinds: [String] = []
        for step in 1...100 {
            // 20 ms a step: two seconds in all, so about eight updates after the first display.
            let action = reporter.step(step, loss: 2 / Double(step), now: 10 + 0.02 * Double(step))
            switch action {
            case .show(_, let id): kinds.append("show \(step) \(id)")
            case .update(_, let id): kinds.append("update \(step) \(id)")
            case .line: Issue.record("a live bar never writes lines")
            case nil: break
            }
        }
        #expect(kinds == ["show 1 run-1", "update 14 run-1", "update 27 run-1", "update 40 run-1",
                          "update 53 run-1", "update 66 run-1", "update 79 run-1", "update 92 run-1"])
        #expect(reporter.step(101, now: 11.9) == nil)
    }

    @Test func updatesCarryTheBarInEveryForm() {
        var reporter = ProgressReporter(id: "r", total: 10, start: 0, width: 50)
        let first = reporter.step(1, loss: 0.5, now: 1)
        #expect(first == .show(ProgressBar(step: 1, total: 10, elapsed: 1, loss: 0.5).bundle(width: 50), id: "r"))
        #expect(reporter.step(2, loss: 0.4, now: 1.1) == nil)
        let update = reporter.step(3, loss: 0.3, now: 1.5)
        #expect(update?.bundle.plainText == ProgressBar(step: 3, total: 10, elapsed: 1.5, loss: 0.3).render(width: 50))
        #expect(update?.bundle["text/html"]?.contains("loss=0.3") == true)
    }

    @Test func finishLeavesTheLiveBarAtItsLastStep() {
        var reporter = ProgressReporter(id: "r", total: 10, start: 0, width: 50)
        #expect(reporter.finish(now: 0) == nil)
        _ = reporter.step(1, now: 0.1)
        _ = reporter.step(10, loss: 0.2, now: 0.2)
        #expect(reporter.finish(now: 0.3) == .update(ProgressBar(step: 10, total: 10, elapsed: 0.3, loss: 0.2).bundle(width: 50), id: "r"))
    }

    @Test func milestonesWriteALineAtEveryTenth() {
        var reporter = ProgressReporter(id: "r", total: 1000, label: "train", start: 0, cadence: .milestones)
        var lines: [String] = []
        for step in 1...1000 {
            switch reporter.step(step, loss: 1, now: Double(step) / 100) {
            case .line(let bundle): lines.append(bundle.plainText)
            case .show, .update: Issue.record("milestones are never redrawn in place")
            case nil: break
            }
        }
        #expect(lines.count == 10)
        #expect(lines.first?.hasPrefix("train  10%|#") == true)
        #expect(lines.last?.hasPrefix("train 100%|") == true)
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") && !$0.contains("\r") })
        #expect(reporter.finish(now: 10) == nil, "the last line already shows the last step")
    }

    @Test func milestonesEndWithTheStepAnInterruptedRunReached() {
        var reporter = ProgressReporter(id: "r", total: 1000, start: 0, cadence: .milestones)
        for step in 1...250 { _ = reporter.step(step, now: 1) }
        #expect(reporter.finish(now: 2)?.bundle.plainText.contains("250/1000") == true)
    }
}
