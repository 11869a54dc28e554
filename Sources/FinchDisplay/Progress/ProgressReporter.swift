/// Decides when a long run shows its progress, and what: a state machine with no I/O and no
/// clock of its own. Call `step` after every step with the time from your clock (seconds, any
/// origin shared with `start`); most calls only record the loss and return nil, with no
/// rendering. At most one update per `interval` is returned, and `finish` returns the result.
///
/// ```swift
/// var reporter = ProgressReporter(id: "train-1", total: 1000, label: "train", start: clock())
/// for step in 1...1000 {
///     let loss = trainStep()
///     if let action = reporter.step(step, loss: loss, now: clock()) { output(action) }
/// }
/// output(reporter.finish(now: clock()))
/// ```
public struct ProgressReporter: Sendable {
    /// The display id of every action.
    public let id: String
    /// Steps in all, if known.
    public let total: Int?
    /// What is running (`train`, `fine-tune`).
    public let label: String?
    /// The clock value at the start.
    public let start: Double
    /// Seconds between updates, at least.
    public let interval: Double
    /// Text width in characters.
    public let width: Int
    /// The characters the text forms draw with.
    public let style: PlotStyle

    private enum State: Sendable {
        case waiting
        case shown(at: Double)
        case finished
    }

    private var state = State.waiting
    private var lastStep = 0
    private var firstLoss: Double?
    private var lastLoss: Double?
    private var bestLoss: Double?
    private var history = LossHistory()

    /// A reporter for a run of `total` steps (nil if unknown) started at clock value `start`.
    public init(id: String, total: Int?, label: String? = nil, start: Double,
                interval: Double = 0.25, width: Int = 80, style: PlotStyle = .unicode) {
        self.id = id
        self.total = total
        self.label = label
        self.start = start
        self.interval = interval
        self.width = width
        self.style = style
    }

    /// Records that `step` is done (with its loss, if any) at clock value `now`; returns the
    /// first display on the first call, then an update when `interval` has passed since the
    /// last one, else nil. Nil after `finish`.
    public mutating func step(_ step: Int, loss: Double? = nil, now: Double) -> ProgressAction? {
        lastStep = step
        if let loss {
            if firstLoss == nil { firstLoss = loss }
            if loss < bestLoss ?? .infinity { bestLoss = loss }
            lastLoss = loss
            history.record(step: step, loss: loss)
        }
        switch state {
        case .waiting:
            state = .shown(at: now)
            return .show(bar(now: now).bundle(width: width, style: style), id: id)
        case .shown(let last) where now - last >= interval:
            state = .shown(at: now)
            return .update(bar(now: now).bundle(width: width, style: style), id: id)
        case .shown, .finished:
            return nil
        }
    }

    /// Ends the run at clock value `now`: the final bar, a table of the run and a chart of the
    /// loss, replacing the displayed bar.
    public mutating func finish(now: Double) -> ProgressAction {
        state = .finished
        let bar = bar(now: now)
        let table = summary(bar)
        let chart = history.losses.isEmpty ? nil
            : LineChart(series: [Series(name: "", points: Array(zip(history.steps, history.losses)))],
                        title: "Loss", xLabel: "step", width: width, height: 12, style: style)
        let text = [bar.render(width: width, style: style), table.render(width: width), chart?.text]
        let html = [bar.html, table.html, chart?.svg]
        var bundle = MimeBundle(plainText: text.compactMap { $0 }.joined(separator: "\n\n"))
            .adding("text/html", "<div class=\"finch-run\">\n" + html.compactMap { $0 }.joined(separator: "\n") + "\n</div>")
        if let chart { bundle = bundle.adding("image/svg+xml", chart.svg) }
        return .finish(bundle, id: id)
    }

    private func bar(now: Double) -> ProgressBar {
        ProgressBar(step: lastStep, total: total, elapsed: now - start, loss: lastLoss, label: label)
    }

    /// One row: steps, time, speed, and the first, final and best loss.
    private func summary(_ bar: ProgressBar) -> Table {
        var columns: [Column] = ["steps", "time", "steps/s"]
        var row: [Cell] = [.number(Double(bar.step)), .text(ProgressBar.clock(bar.elapsed)),
                           bar.stepsPerSecond.map { .number($0) } ?? .empty]
        if let firstLoss, let lastLoss {
            columns += ["first loss", "final loss", "best loss"]
            row += [.number(firstLoss), .number(lastLoss), bestLoss.map { .number($0) } ?? .empty]
        }
        return Table(columns: columns, rows: [row], caption: label.map { "Finished: \($0)" } ?? "Finished")
    }
}
