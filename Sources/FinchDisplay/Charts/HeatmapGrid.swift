/// Several heatmaps under one title, such as the attention maps of every head of a layer: side
/// by side in rows of `columns` in SVG, one below another in text.
public struct HeatmapGrid: Sendable, Equatable {
    /// The maps, in reading order.
    public var maps: [Heatmap]
    /// A title above the grid.
    public var title: String?
    /// Maps per row in SVG.
    public var columns: Int

    /// A grid of `maps`, `columns` to a row.
    public init(maps: [Heatmap], title: String? = nil, columns: Int = 2) {
        self.maps = maps
        self.title = title
        self.columns = max(1, columns)
    }

    /// The grid as an output of its own: `text/plain`, `image/svg+xml` and an HTML image.
    public var bundle: MimeBundle { .figure(text: text, svg: svg, title: title) }

    /// The title, then each map's text form, a blank line between them.
    public var text: String {
        ((title.map { [$0, ""] } ?? []) + [maps.map(\.text).joined(separator: "\n\n")]).joinedLines
    }

    /// The maps drawn in rows of `columns`, each cell of the grid as large as the largest map.
    public var svg: String {
        let sizes = maps.map(\.svgSize)
        let cellWidth = Double(sizes.map(\.width).max() ?? 320), cellHeight = Double(sizes.map(\.height).max() ?? 0)
        let top = title == nil ? 0.0 : 28
        let rows = (maps.count + columns - 1) / columns
        var svg = SVGDocument(width: Int(cellWidth) * min(columns, max(1, maps.count)), height: Int(top + cellHeight * Double(rows)))
        if let title { svg.text(title, x: 8, y: 20, size: 15) }
        for (index, map) in maps.enumerated() {
            map.draw(into: &svg, x: cellWidth * Double(index % columns), y: top + cellHeight * Double(index / columns))
        }
        return svg.rendered
    }
}
