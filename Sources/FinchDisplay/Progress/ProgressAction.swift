/// What a `ProgressReporter` asks its caller to output. Jupyter: `show` is a `display_data`
/// with a `display_id`, `update` an `update_display_data` with the same id.
/// A terminal: write `terminalText` to stderr.
public enum ProgressAction: Sendable, Equatable {
    /// The first display of the bar.
    case show(MimeBundle, id: String)
    /// A newer bar replacing the displayed one.
    case update(MimeBundle, id: String)

    /// The bundle to display.
    public var bundle: MimeBundle {
        switch self {
        case .show(let bundle, _), .update(let bundle, _): bundle
        }
    }

    /// The display id, the same for every action of one reporter.
    public var id: String {
        switch self {
        case .show(_, let id), .update(_, let id): id
        }
    }

    /// The same progress for a terminal: `\r` and the bar line, which redraws one line in place.
    public var terminalText: String { "\r" + bundle.plainText }
}
