@testable import FinchDisplay
import Testing

/// Several heatmaps under one title: side by side in SVG, one below another in text.
@Suite struct HeatmapGridTests {
    let heads = [
        Heatmap(matrix: [[1, 0], [0.5, 0.5]], rowLabels: ["a", "b"], columnLabels: ["a", "b"], title: "head 0", style: .ascii),
        Heatmap(matrix: [[1, 0], [0, 1]], rowLabels: ["a", "b"], columnLabels: ["a", "b"], title: "head 1", style: .ascii),
        Heatmap(matrix: [[1, 0], [1, 0]], rowLabels: ["a", "b"], columnLabels: ["a", "b"], title: "head 2", style: .ascii),
    ]

    @Test func textStacksTheMapsUnderTheTitle() {
        let grid = HeatmapGrid(maps: Array(heads.prefix(2)), title: "layer 0")
        expectText(grid.text, """
        layer 0

        head 0
          a  b
        a ##
        b :: ::

        [ ] 0 – 0.2  [.] 0.2 – 0.4  [:] 0.4 – 0.6  [*] 0.6 – 0.8  [#] 0.8 – 1

        head 1
          a  b
        a ##
        b    ##

        [ ] 0 – 0.2  [.] 0.2 – 0.4  [:] 0.4 – 0.6  [*] 0.6 – 0.8  [#] 0.8 – 1
        """)
    }

    @Test func aFixedScaleShadesEveryMapAlike() {
        let faint = Heatmap(matrix: [[0.2, 0.3]], style: .ascii, scale: 0...1)
        expectText(faint.text, """
          0  1
        0 .. ..

        [ ] 0 – 0.2  [.] 0.2 – 0.4  [:] 0.4 – 0.6  [*] 0.6 – 0.8  [#] 0.8 – 1
        """)
    }

    @Test func svgPlacesTheMapsInRows() {
        let grid = HeatmapGrid(maps: heads, title: "layer 0", columns: 2)
        expectWellFormed(grid.svg)
        let size = heads[0].svgSize
        #expect(grid.svg.contains("width=\"\(2 * size.width)\" height=\"\(28 + 2 * size.height)\""))
        #expect(["head 0", "head 1", "head 2", "layer 0"].filter { !grid.svg.contains(">\($0)<") } == [])
        // One map's drawing is the same wherever it is placed: its cells are all there, moved.
        #expect(grid.svg.split(separator: "<rect", omittingEmptySubsequences: false).count - 1 == 1 + heads.count * (4 + 5))
    }
}
