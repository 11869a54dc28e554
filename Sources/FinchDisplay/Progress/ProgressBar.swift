/// One moment of a long run: `train  42%|████▍     | 420/1000 [00:12<00:17, 34.2 step/s, loss=0.4321]`,
/// in the style of tqdm, as a line of text and as HTML with a `<progress>` element.
public struct ProgressBar: Sendable, Equatable {
    /// Steps done.
    public var step: Int
    /// Steps in all, if known.
    public var total: Int?
    /// Seconds since the start.
    public var elapsed: Double
    /// The latest loss, if any.
    public var loss: Double?
    /// What is running (`train`, `fine-tune`).
    public var label: String?

    /// A progress bar at `step` of `total` after `elapsed` seconds.
    public init(step: Int, total: Int?, elapsed: Double, loss: Double? = nil, label: String? = nil) {
        self.step = max(0, step)
        self.total = total.map { max(0, $0) }
        self.elapsed = max(0, elapsed)
        self.loss = loss
        self.label = label
    }

    /// Steps per second so far, once there is a step and some time.
    public var stepsPerSecond: Double? {
        step > 0 && elapsed > 0 ? Double(step) / elapsed : nil
    }

    /// Seconds left at the current rate, when the total is known.
    public var remaining: Double? {
        guard let total else { return nil }
        if step >= total { return 0 }
        return stepsPerSecond.map { Double(total - step) / $0 }
    }

    /// The share done, 0…1, when the total is known.
    public var fraction: Double? {
        total.map { $0 == 0 ? 1 : min(1, Double(step) / Double($0)) }
    }

    /// `420/1000 [00:12<00:17, 34.2 step/s, loss=0.4321]`.
    var statistics: String {
        let count = total.map { "\(step)/\($0)" } ?? "\(step) steps"
        var details = Self.clock(elapsed)
        if total != nil { details += "<" + (remaining.map(Self.clock) ?? "?") }
        details += ", " + rate + " step/s"
        if let loss { details += ", loss=" + NumberFormat.standard.string(loss) }
        return count + " [" + details + "]"
    }

    /// Steps per second, e.g. `34.2` (`?` before the first step).
    var rate: String { stepsPerSecond.map { NumberFormat(significantDigits: 3).string($0) } ?? "?" }

    /// The widest `rate` that `render` leaves room for when it shortens the label, so that how
    /// much of the label shows does not follow the timings.
    static let rateRoom = 7

    /// The percentage done, right-aligned in four characters (` 42%`), when the total is known.
    var percent: String? {
        fraction.map { String(Int(($0 * 100).rounded(.down))).padded(toWidth: 3, right: true) + "%" }
    }

    /// The bar as one line of exactly `width - 1` characters (so a `\r` redraw covers the last
    /// one and no terminal wraps it); without a known total, no bar. Where the line is short of
    /// room, the bar goes first, then the end of the label: the figures stay whole. The label is
    /// shortened as if the rate took ``rateRoom`` characters, whatever it takes.
    public func render(width: Int = 80, style: PlotStyle = .unicode) -> String {
        var line = label.map { $0 + " " } ?? ""
        let figures = statistics.displayWidth - rate.displayWidth + max(rate.displayWidth, Self.rateRoom)
        let room = width - 1 - figures - (percent.map { $0.displayWidth + 1 } ?? 0)
        if line.displayWidth > room { line = room > 1 ? line.truncated(toWidth: room - 1) + " " : "" }
        if let percent, let fraction {
            let barWidth = width - 1 - line.displayWidth - percent.displayWidth - statistics.displayWidth - 3
            line += percent
            if barWidth >= 4 {
                let bar = BarChart.bar(fraction: fraction, width: barWidth, style: style)
                line += "|" + bar.padded(toWidth: barWidth, right: false) + "|"
            }
            line += " " + statistics
        } else {
            line += statistics
        }
        return line.truncated(toWidth: width - 1).padded(toWidth: width - 1, right: false)
    }

    /// The bar as HTML: a `<progress>` element (indeterminate without a total) and the same
    /// figures as the text.
    public var html: String {
        let value = total.map { " value=\"\(min(step, $0))\" max=\"\($0)\"" } ?? ""
        let shownPercent = percent.map { String($0.drop { $0 == " " }) }
        let text = [label, shownPercent, statistics].compactMap { $0 }.joined(separator: " ")
        return "<div class=\"finch-progress\"><progress\(value)></progress> "
            + "<code>\(text.xmlEscaped)</code></div>"
    }

    /// The bar as `text/plain` and `text/html`.
    public func bundle(width: Int = 80, style: PlotStyle = .unicode) -> MimeBundle {
        MimeBundle(plainText: render(width: width, style: style)).adding("text/html", html)
    }

    /// Seconds as `mm:ss`, or `h:mm:ss` from an hour.
    static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds < 360_000_000 else { return "?" }
        let total = Int(seconds.rounded())
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        let minutes = two(total / 60 % 60) + ":" + two(total % 60)
        return total >= 3600 ? "\(total / 3600):" + minutes : minutes
    }
}
