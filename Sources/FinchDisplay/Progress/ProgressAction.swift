/// What a `ProgressReporter` asks its caller to output. Jupyter: `show` is a `display_data`
/// with a `display_id`, `update` an `update_display_data` with the same id. A log: `line` is a
/// line of its own.
public enum ProgressAction: Sendable, Equatable {
    /// The first display of the bar.
    case show(MimeBundle, id: String)
    /// A newer bar replacing the displayed one.
    case update(MimeBundle, id: String)
    /// A milestone written as a new line, for streams that cannot redraw.
    case line(MimeBundle)

    /// The bundle to output.
    public var bundle: MimeBundle {
        switch self {
        case .show(let bundle, _), .update(let bundle, _), .line(let bundle): bundle
        }
    }
}
