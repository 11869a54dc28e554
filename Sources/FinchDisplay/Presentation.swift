/// A result as a front end shows it: its main output (a table, a summary, a value), then each
/// figure as an output of its own.
///
/// Figures travel as `image/svg+xml` with a text drawing, never as SVG inside HTML: JupyterLab's
/// sanitizer, GitHub and nbviewer strip `<svg>` from the HTML of an untrusted notebook, but they
/// show an image output.
public struct Presentation: Sendable, Equatable {
    /// The main output.
    public var main: MimeBundle
    /// The figures shown after it, each a bundle with `image/svg+xml` and `text/plain`.
    public var figures: [MimeBundle]

    /// `main` followed by `figures`.
    public init(_ main: MimeBundle, figures: [MimeBundle] = []) {
        self.main = main
        self.figures = figures
    }

    /// Every output in the order shown: the main one, then the figures.
    public var outputs: [MimeBundle] { [main] + figures }
}
