/// A small SVG writer: elements appended in order, text escaped, coordinates to 0.1 px.
struct SVGDocument {
    let width: Int
    let height: Int
    private var elements: [String] = []

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        elements.append("<rect width=\"\(width)\" height=\"\(height)\" fill=\"white\"/>")
    }

    /// A coordinate or length written with at most one decimal (`12`, `12.5`).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let whole = String(abs(tenths) / 10)
        let fraction = abs(tenths) % 10
        return sign + whole + (fraction == 0 ? "" : ".\(fraction)")
    }

    /// Appends a line.
    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double,
                       stroke: String, width strokeWidth: Double = 1) {
        elements.append("<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" "
            + "x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\" stroke=\"\(stroke)\""
            + (strokeWidth == 1 ? "" : " stroke-width=\"\(Self.number(strokeWidth))\"") + "/>")
    }

    /// Appends a rectangle, with a tooltip when `title` is given.
    mutating func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double,
                       fill: String, title: String? = nil) {
        let open = "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" "
            + "width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" fill=\"\(fill)\""
        if let title {
            elements.append(open + "><title>\(title.xmlEscaped)</title></rect>")
        } else {
            elements.append(open + "/>")
        }
    }

    /// Appends an unfilled polyline through `points`.
    mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String) {
        let list = points.map { Self.number($0.x) + "," + Self.number($0.y) }.joined(separator: " ")
        elements.append("<polyline fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"1.5\" "
            + "stroke-linejoin=\"round\" points=\"\(list)\"/>")
    }

    /// Where text is anchored horizontally.
    enum Anchor: String {
        case start, middle, end
    }

    /// Appends text with its baseline at `y`, optionally rotated about its anchor.
    mutating func text(_ string: String, x: Double, y: Double, anchor: Anchor = .start,
                       size: Int = 12, fill: String = "#333", rotated: Int = 0) {
        var attributes = "x=\"\(Self.number(x))\" y=\"\(Self.number(y))\""
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        if size != 12 { attributes += " font-size=\"\(size)\"" }
        if fill != "#333" { attributes += " fill=\"\(fill)\"" }
        if rotated != 0 {
            attributes += " transform=\"rotate(\(rotated) \(Self.number(x)) \(Self.number(y)))\""
        }
        elements.append("<text \(attributes)>\(string.xmlEscaped)</text>")
    }

    /// The document as SVG text.
    var rendered: String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\" font-family=\"sans-serif\" font-size=\"12\" "
            + "fill=\"#333\">\n" + elements.joined(separator: "\n") + "\n</svg>"
    }

    /// Series colours, in order (cycled): the familiar categorical palette.
    static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
                          "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]
}
