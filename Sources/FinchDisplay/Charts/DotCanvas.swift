/// A grid of character cells, each holding a block of dots: 2×4 braille dots per cell in the
/// unicode style, one dot (drawn as the series' marker) in the ASCII style.
///
/// Each dot remembers the series that drew it last; lines are drawn dot by dot along a dash
/// pattern, which is how several series stay apart in braille, where every dot looks the same.
struct DotCanvas {
    let columns: Int
    let rows: Int
    let style: PlotStyle
    /// Dots per cell across and down.
    let cellWidth: Int
    let cellHeight: Int
    /// Per dot, 0 for empty or the drawing series' index plus one.
    private var dots: [Int]

    init(columns: Int, rows: Int, style: PlotStyle) {
        self.columns = columns
        self.rows = rows
        self.style = style
        cellWidth = style == .unicode ? 2 : 1
        cellHeight = style == .unicode ? 4 : 1
        dots = Array(repeating: 0, count: columns * rows * cellWidth * cellHeight)
    }

    /// Dots across the canvas.
    var width: Int { columns * cellWidth }
    /// Dots down the canvas.
    var height: Int { rows * cellHeight }

    /// The ASCII marker of each series, in order (cycled).
    static let markers: [Character] = ["*", "+", "o", "x", "#", "@"]

    /// The on/off lengths of each series' dash pattern in braille, in order (cycled):
    /// solid, dotted, dashed, long-dashed.
    static let dashes: [(on: Int, off: Int)] = [(1, 0), (1, 1), (2, 2), (4, 2)]

    /// Braille dot numbering: bits 0-2 and 6 down the left column, 3-5 and 7 down the right.
    private static let brailleBits: [[UInt32]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// Sets the dot at (`x`, `y`), counted from the top left, if inside.
    mutating func set(_ x: Int, _ y: Int, series: Int) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        dots[y * width + x] = series + 1
    }

    /// Draws a line of dots from one point to another (Bresenham), following the series' dash
    /// pattern; `phase` counts dots along the series so dashes run on across segments.
    mutating func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int), series: Int,
                       phase: inout Int) {
        let dash = style == .unicode ? Self.dashes[series % Self.dashes.count] : (on: 1, off: 0)
        let dx = abs(end.x - start.x)
        let dy = -abs(end.y - start.y)
        let stepX = start.x < end.x ? 1 : -1
        let stepY = start.y < end.y ? 1 : -1
        var error = dx + dy
        var x = start.x
        var y = start.y
        while true {
            if phase % (dash.on + dash.off) < dash.on { set(x, y, series: series) }
            phase += 1
            if x == end.x && y == end.y { break }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x += stepX }
            if doubled <= dx { error += dx; y += stepY }
        }
    }

    /// The canvas as lines of text, one per row of cells; empty cells are spaces.
    var lines: [String] {
        (0..<rows).map { row in
            String((0..<columns).map { cell(column: $0, row: row) })
        }
    }

    private func cell(column: Int, row: Int) -> Character {
        let left = column * cellWidth
        let top = row * cellHeight
        if style == .ascii {
            let series = dots[top * width + left]
            return series == 0 ? " " : Self.markers[(series - 1) % Self.markers.count]
        }
        var pattern: UInt32 = 0
        for dx in 0..<2 {
            for dy in 0..<4 where dots[(top + dy) * width + left + dx] != 0 {
                pattern |= Self.brailleBits[dx][dy]
            }
        }
        return pattern == 0 ? " " : Character(Unicode.Scalar(0x2800 + pattern)!)
    }
}
