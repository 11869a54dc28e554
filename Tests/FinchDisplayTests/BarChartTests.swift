import FinchDisplay
import Testing

@Suite struct BarChartTests {
    let accuracy = BarChart(labels: ["relu", "gelu", "tanh", "sigmoid"],
                            values: [0.912, 0.905, 0.874, 0.5], title: "Test accuracy", width: 40)

    @Test func barsAreDrawnToAnEighthOfACharacter() {
        expectText(accuracy.text, """
        Test accuracy
        relu    ██████████████████████████ 0.912
        gelu    █████████████████████████▊ 0.905
        tanh    ████████████████████████▉ 0.874
        sigmoid ██████████████▎ 0.5
        """)
    }

    @Test func asciiBarsUseHashes() {
        var chart = accuracy
        chart.style = .ascii
        expectText(chart.text, """
        Test accuracy
        relu    ########################## 0.912
        gelu    ########################## 0.905
        tanh    ######################### 0.874
        sigmoid ############## 0.5
        """)
    }

    @Test func negativeAndNonFiniteValuesHaveNoBarAndANote() {
        let chart = BarChart(labels: ["a", "b", "c"], values: [2, -1, .nan], width: 30)
        expectText(chart.text, """
        a ████████████████████████ 2
        b  -1
        c  nan
        1 NaN or infinite value has no bar.
        1 negative value has no bar.
        """)
        expectText(BarChart(labels: [], values: []).text, "No values to plot.")
        expectWellFormed(chart.svg)
    }

    @Test func svgHasTheSameValues() {
        expectWellFormed(accuracy.svg)
        let values = ["0.912", "0.905", "0.874", "0.5", "sigmoid", "Test accuracy"]
        #expect(values.filter { !accuracy.svg.contains(">\($0)</text>") } == [])
        #expect(values.filter { !accuracy.text.contains($0) } == [])
    }
}

@Suite struct HistogramTests {
    @Test func valuesAreCountedInRoundBins() {
        let values: [Double] = (0..<100).map { Double($0) / 100 } + [.nan]
        let histogram = Histogram(values: values, bins: 5, width: 40)
        #expect(histogram.edges == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(histogram.counts == [20, 20, 20, 20, 20])
        expectText(histogram.text, """
        0 – 0.2   ███████████████████████████ 20
        0.2 – 0.4 ███████████████████████████ 20
        0.4 – 0.6 ███████████████████████████ 20
        0.6 – 0.8 ███████████████████████████ 20
        0.8 – 1   ███████████████████████████ 20
        1 NaN or infinite value not counted.
        """)
        expectWellFormed(histogram.bundle["image/svg+xml"] ?? "")
    }

    @Test func theLastBinHoldsTheMaximum() {
        #expect(Histogram(values: [0, 1, 2, 3, 4], bins: 2).counts == [2, 3])
        #expect(Histogram(values: [], bins: 3).counts == [])
        #expect(Histogram(values: [7, 7], bins: 3).counts.reduce(0, +) == 2)
    }
}

@Suite struct HeatmapTests {
    let confusion = Heatmap(matrix: [[50, 2, 0], [3, 40, 7], [0, 9, 41]],
                            rowLabels: ["cat", "dog", "bird"], columnLabels: ["cat", "dog", "bird"],
                            title: "Confusion (rows: true class)")

    @Test func cellsAreShadedWithALegend() {
        expectText(confusion.text, """
        Confusion (rows: true class)
             cat  dog  bird
         cat ████
         dog      ████
        bird           ████

        [ ] 0 – 10  [░] 10 – 20  [▒] 20 – 30  [▓] 30 – 40  [█] 40 – 50
        """)
    }

    @Test func asciiShadesAndMissingValues() {
        let attention = Heatmap(matrix: [[1, 0.5], [.nan, 0.25, 0.75]], style: .ascii)
        expectText(attention.text, """
          0  1  2
        0 ## .. ??
        1 ??    **

        [ ] 0.25 – 0.4  [.] 0.4 – 0.55  [:] 0.55 – 0.7  [*] 0.7 – 0.85  [#] 0.85 – 1
        2 NaN or infinite cells shown as ?.
        """)
        expectText(Heatmap(matrix: []).text, "No values to plot.")
        expectWellFormed(attention.svg)
    }

    @Test func svgIsWellFormedWithTheSameValuesAndLegend() {
        expectWellFormed(confusion.svg)
        let values = ["50", "41", "0 – 10", "40 – 50", "bird", "Confusion (rows: true class)"]
        #expect(values.filter { !confusion.svg.contains(">\($0)<") } == [])
        #expect(values.dropFirst(2).filter { !confusion.text.contains($0) } == [])
    }
}

@Suite struct SparklineTests {
    @Test func oneBlockPerValue() {
        #expect(Sparkline(values: [8, 6, 4, 3, 2, 1, 1, 0]).text == "█▆▅▄▃▂▂▁")
        #expect(Sparkline(values: [1, .nan, 2], style: .ascii).text == "_ #")
        #expect(Sparkline(values: [5, 5]).text == "▄▄")
        #expect(Sparkline(values: []).text == "")
        #expect(Sparkline(values: [.nan]).text == " ")
    }

    @Test func longSeriesAreAveragedToTheWidth() {
        let line = Sparkline(values: (0..<100).map(Double.init), width: 10)
        #expect(line.text == "▁▂▃▃▄▅▆▆▇█")
        expectWellFormed(line.svg)
    }
}
