/// Decides when a long run shows its progress, and what: a state machine with no I/O and no
/// clock of its own. Call `step` after every step with the time from your clock (seconds, any
/// origin shared with `start`); most calls only record the loss and return nil, with no
/// rendering. Call `finish` when the run ends: the bar is left at its last state, and the run's
/// result follows as outputs of its own (so a client that ignores display updates, such as
/// `jupyter console`, still sees the result).
///
/// ```swift
/// var reporter = ProgressReporter(id: "train-1", total: 1000, label: "train", start: clock())
/// for step in 1...1000 {
///     let loss = trainStep()
///     if let action = reporter.step(step, loss: loss, now: clock()) { output(action) }
/// }
/// if let action = reporter.finish(now: clock()) { output(action) }
/// ```
public struct ProgressReporter: Sendable {
    /// How often progress is shown.
    public enum Cadence: Sendable, Equatable {
        /// One bar redrawn in place at most every `interval` seconds: a notebook or a terminal.
        case live(interval: Double)
        /// A line of its own at every tenth of the run, for logs and other streams that cannot
        /// redraw (every minute when the total is unknown).
        case milestones
    }

    /// The display id of every action.
    public let id: String
    /// Steps in all, if known.
    public let total: Int?
    /// What is running (`train`, `fine-tune`).
    public let label: String?
    /// The clock value at the start.
    public let start: Double
    /// How often progress is shown.
    public let cadence: Cadence
    /// Text width in characters.
    public let width: Int
    /// The characters the text forms draw with.
    public let style: PlotStyle

    private enum State: Sendable {
        case waiting
        case shown(at: Double, step: Int)
    }

    private var state = State.waiting
    private var lastStep = 0
    private var lastLoss: Double?

    /// A reporter for a run of `total` steps (nil if unknown) started at clock value `start`.
    public init(id: String, total: Int?, label: String? = nil, start: Double,
                cadence: Cadence = .live(interval: 0.25), width: Int = 80, style: PlotStyle = .unicode) {
        self.id = id
        self.total = total
        self.label = label
        self.start = start
        self.cadence = cadence
        self.width = width
        self.style = style
    }

    /// Records that `step` is done (with its loss, if any) at clock value `now`; returns the
    /// progress to show when the cadence calls for it, else nil.
    public mutating func step(_ step: Int, loss: Double? = nil, now: Double) -> ProgressAction? {
        lastStep = step
        if let loss { lastLoss = loss }
        switch (cadence, state) {
        case (.live, .waiting):
            return show(now: now)
        case (.live(let interval), .shown(let last, _)) where now - last >= interval:
            return show(now: now)
        case (.milestones, .waiting) where tenth(of: step) > 0 || total == nil:
            return show(now: now)
        case (.milestones, .shown(let last, let shownStep)) where tenth(of: step) > tenth(of: shownStep) || (total == nil && now - last >= 60):
            return show(now: now)
        default:
            return nil
        }
    }

    /// The bar's last state at clock value `now`, when the run ends; nil if there is nothing new
    /// to show (nothing was shown in place, or the last line already shows the last step).
    public func finish(now: Double) -> ProgressAction? {
        guard case .shown(_, let shownStep) = state else {
            return cadence == .milestones && lastStep > 0 ? .line(bar(now: now).lineBundle) : nil
        }
        switch cadence {
        case .live: return .update(bar(now: now).bundle(width: width, style: style), id: id)
        case .milestones: return shownStep == lastStep ? nil : .line(bar(now: now).lineBundle)
        }
    }

    /// Shows the bar at `now` as the cadence draws it.
    private mutating func show(now: Double) -> ProgressAction {
        let isFirst = if case .waiting = state { true } else { false }
        state = .shown(at: now, step: lastStep)
        let current = bar(now: now)
        switch cadence {
        case .live: return isFirst ? .show(current.bundle(width: width, style: style), id: id)
                                   : .update(current.bundle(width: width, style: style), id: id)
        case .milestones: return .line(current.lineBundle)
        }
    }

    /// How many whole tenths of the run `step` completes (0 when the total is unknown).
    private func tenth(of step: Int) -> Int {
        guard let total, total > 0 else { return 0 }
        return min(10, step * 10 / total)
    }

    private func bar(now: Double) -> ProgressBar {
        ProgressBar(step: lastStep, total: total, elapsed: now - start, loss: lastLoss, label: label)
    }
}

private extension ProgressBar {
    /// The bar as a log line: ASCII, no trailing padding.
    var lineBundle: MimeBundle {
        var line = render(width: 80, style: .ascii)
        while line.last == " " { line.removeLast() }
        return MimeBundle(plainText: line)
    }
}
