/// Decides when a long run shows its progress, and what: a state machine with no I/O and no
/// clock of its own. Call `step` after every step with the time from your clock (seconds, any
/// origin shared with `start`); most calls only record the loss and return nil, with no
/// rendering. At most one update per `interval` is returned; the caller replaces the bar with
/// the run's result when it ends.
///
/// ```swift
/// var reporter = ProgressReporter(id: "train-1", total: 1000, label: "train", start: clock())
/// for step in 1...1000 {
///     let loss = trainStep()
///     if let action = reporter.step(step, loss: loss, now: clock()) { output(action) }
/// }
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
    }

    private var state = State.waiting
    private var lastStep = 0
    private var lastLoss: Double?

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
    /// last one, else nil.
    public mutating func step(_ step: Int, loss: Double? = nil, now: Double) -> ProgressAction? {
        lastStep = step
        if let loss { lastLoss = loss }
        switch state {
        case .waiting:
            state = .shown(at: now)
            return .show(bar(now: now).bundle(width: width, style: style), id: id)
        case .shown(let last) where now - last >= interval:
            state = .shown(at: now)
            return .update(bar(now: now).bundle(width: width, style: style), id: id)
        case .shown:
            return nil
        }
    }

    private func bar(now: Double) -> ProgressBar {
        ProgressBar(step: lastStep, total: total, elapsed: now - start, loss: lastLoss, label: label)
    }
}
