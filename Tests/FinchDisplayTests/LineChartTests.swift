import FinchDisplay
import Testing

@Suite struct LineChartTests {
    /// A loss curve that falls like 1/step, and a validation loss measured every 10 steps.
    let train = Series(name: "train", values: (1...100).map { 0.2 + 2 / Double($0) })
    let validation = Series(name: "validation",
                            points: stride(from: 10, through: 100, by: 10).map { (Double($0), 0.35 + 1.5 / Double($0)) })

    @Test func brailleChartWithTwoSeries() {
        let chart = LineChart(series: [train, validation], title: "Loss", xLabel: "step",
                              yLabel: "loss", width: 60, height: 10)
        expectText(chart.text, """
                                    Loss
        loss
        2.5 ┤
            │⢰
          2 ┤⢸
            │⠈⡆
        1.5 ┤ ⡇
          1 ┤ ⢇
            │ ⠸⡀
        0.5 ┤  ⠱⣀⡀⢀⡀⡀⡀
            │    ⠈⠑⠒⠢⠤⠥⠥⠭⢌⣈⣐⣐⣐⣂⣂⣂⣂⣂⣒⣐⣐⣐⣐⣐⣂⣂⣂⣂⣒⣐⣐⣐⣐⣐⣂⣂⣂⣂⣂⣒⣐⠐⠐⠐⠐⠂⠂⠂⠂⠂⠂
          0 ┤                                             ⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉
            └┬──────────┬──────────┬─────────┬──────────┬──────────┬
             0         20         40        60         80        100
                                      step
        ⠤⠤⠤ train   ⠄⠄⠄ validation
        """)
    }

    @Test func asciiChartWithTwoSeries() {
        let chart = LineChart(series: [train, validation], xLabel: "step", width: 60, height: 10,
                              style: .ascii)
        expectText(chart.text, """
        2.5 +
            | *
          2 + *
            | *
        1.5 + *
          1 + *
            |  *
        0.5 +   **+++++++++
            |     *********+++++++++++++++++++++++++++++++++++++++++
          0 +
            ++----------+----------+---------+----------+----------+
             0         20         40        60         80        100
                                      step
        *** train   +++ validation
        """)
    }

    @Test func logScaleTicksArePowersOfTen() {
        let chart = LineChart(series: [Series(name: "", values: (0..<50).map { 100 / Double($0 * $0 + 1) })],
                              logY: true, width: 50, height: 8)
        expectText(chart.text, """
         100 ┤⠈⢢
             │  ⢣
          10 ┤   ⠱⣀
             │     ⠑⠢⣀
           1 ┤        ⠉⠒⠢⠤⣀⣀⡀
         0.1 ┤              ⠈⠑⠒⠒⠢⠤⠤⢄⣀⣀⡀
             │                        ⠈⠉⠉⠉⠉⠒⠒⠒⠒⠤⠤⠤⠤
        0.01 ┤
             └┬─────────────┬──────────────┬─────────────┬
              0            20             40            60
        """)
    }

    @Test func nonFiniteAndEmptySeriesRenderWithANote() {
        let gaps = Series(name: "loss", values: [1, 2, .nan, 3, .infinity, 2, -1])
        expectText(LineChart(series: [gaps], width: 40, height: 5, style: .ascii).text, """
         4 +
         2 +      **      *      *
           |    **                **
         0 +                        **
        -2 +
           ++-----------------+----------------+
            0                 5               10
        *** loss
        2 NaN or infinite values not shown.
        """)
        expectText(LineChart(series: [gaps], logY: true, width: 40, height: 5, style: .ascii).text, """
        10 +
         5 +
           |                       *
         2 +         ****                      *
         1 +      ***
           ++-----------+----------+-----------+
            0           2          4           6
        *** loss
        2 NaN or infinite values not shown.
        1 value ≤ 0 not shown on the log scale.
        """)
        expectText(LineChart(series: [Series(name: "empty", values: [])], title: "Nothing").text, """
                                            Nothing
        No values to plot.
        """)
        expectText(LineChart(series: []).svg, """
        <svg xmlns="http://www.w3.org/2000/svg" width="640" height="320" viewBox="0 0 640 320" font-family="sans-serif" font-size="12" fill="#333">
        <rect width="640" height="320" fill="white"/>
        <text x="64" y="312" fill="#666">No values to plot.</text>
        </svg>
        """)
    }

    @Test func svgIsWellFormedWithTheSameTicksAsText() {
        let chart = LineChart(series: [train, validation], title: "Loss <train & val>", xLabel: "step",
                              yLabel: "loss", width: 60, height: 10)
        expectWellFormed(chart.svg)
        let labels = ["0", "0.5", "1", "1.5", "2", "2.5", "20", "40", "60", "80", "100"]
        #expect(labels.filter { !chart.text.contains($0) } == [])
        #expect(labels.filter { !chart.svg.contains(">\($0)</text>") } == [])
        #expect(chart.svg.contains("Loss &lt;train &amp; val&gt;"))
        #expect(chart.bundle["image/svg+xml"] == chart.svg)
        #expect(chart.bundle.plainText == chart.text)
    }
}

@Suite struct ExtremeValueTests {
    @Test func hugeAndTinyRangesDoNotCrash() {
        let huge = LineChart(series: [Series(name: "", values: [-1e308, 1e308])], width: 40, height: 4)
        #expect(huge.text.contains("1e308"))
        let flat = LineChart(series: [Series(name: "", values: [1e-300, 1e-300])], width: 40, height: 4)
        #expect(flat.text.contains("1e-300"))
        #expect(Histogram(values: [-1e308, 1e308], bins: 4).counts == [1, 1])
    }
}

extension ExtremeValueTests {
    @Test func extremeValuesInOtherChartsDoNotCrash() {
        let extremes: [Double] = [-1e308, 1e308, .nan, .infinity, 0]
        #expect(Sparkline(values: extremes).text == "▁█  ▅")
        #expect(Heatmap(matrix: [extremes]).text.contains("?"))
        #expect(BarChart(labels: [], values: extremes).text.contains("1e308"))
    }
}
