/// One result in several representations, keyed by MIME type (`text/plain`, `text/html`,
/// `image/svg+xml`, …), as Jupyter's `display_data` and `execute_result` carry it.
///
/// Every bundle has a `text/plain` form, so a terminal, `finch run` and nbconvert's text output
/// always have something to show; richer forms are optional and carry the same numbers.
public struct MimeBundle: Sendable, Equatable {
    /// The representations by MIME type.
    public private(set) var representations: [String: String]

    /// A bundle with only a plain-text form.
    public init(plainText: String) {
        representations = ["text/plain": plainText]
    }

    /// The plain-text form, which every bundle has.
    public var plainText: String { representations["text/plain"] ?? "" }

    /// The representation for `mime`, if the bundle has one.
    public subscript(mime: String) -> String? { representations[mime] }

    /// Returns a copy with `data` added (or replaced) as the representation for `mime`.
    public func adding(_ mime: String, _ data: String) -> MimeBundle {
        var copy = self
        copy.representations[mime] = data
        return copy
    }
}

extension MimeBundle {
    /// `text` as plain text and as preformatted HTML, for a pager.
    public static func preformatted(_ text: String) -> MimeBundle {
        MimeBundle(plainText: text).adding("text/html", "<pre>" + text.xmlEscaped + "</pre>")
    }
}

extension MimeBundle {
    /// A chart as an output of its own: its text drawing, its SVG as `image/svg+xml`, and an HTML
    /// `<img>` showing the same SVG from a data URL.
    ///
    /// JupyterLab renders neither `image/svg+xml` nor an inline `<svg>` in an untrusted notebook
    /// (SVG is not a safe type there), but its sanitizer keeps an `<img>` with a data URL, so a
    /// shared notebook keeps its plots; `title` is the image's alternative text.
    public static func figure(text: String, svg: String, title: String?) -> MimeBundle {
        let source = "data:image/svg+xml;base64," + Base64.encode(Array(svg.utf8))
        let image = "<img src=\"\(source)\" alt=\"\((title ?? "chart").xmlEscaped)\">"
        return MimeBundle(plainText: text).adding("image/svg+xml", svg).adding("text/html", image)
    }
}
