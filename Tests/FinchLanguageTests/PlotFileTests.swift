@testable import FinchLanguage
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Charts written to files, and the confusion matrix of an evaluation as a chart.
@Suite struct PlotFileTests {
    let finch = Harness()

    @Test func aChartGoesToAnSVGOrATextFile() throws {
        let svg = "/tmp/finch-plot-\(getpid()).svg", txt = "/tmp/finch-plot-\(getpid()).txt"
        defer { unlink(svg); unlink(txt) }
        #expect(finch.result("plot [3, 1, 2] to \"\(svg)\" title: \"loss\"") == nil)
        #expect(finch.sink.stdout == "wrote \(svg)\n")
        let drawing = try #require(readTextFile(svg))
        #expect(drawing.hasPrefix("<svg") && drawing.contains("loss"))
        finch.result("c = plot [3, 1, 2] title: \"loss\"")
        let shown = try #require(finch.session.interpreter.variables["c"]?.object(ChartObject.self))
        #expect(drawing == shown.chartBundle["image/svg+xml"], "the file holds the drawing the chart shows")
        finch.result("plot [3, 1, 2] to \"\(txt)\" title: \"loss\"")
        #expect(try #require(readTextFile(txt)) == shown.text + "\n")
    }

    @Test func anUnknownExtensionIsRefused() throws {
        let error = try #require(finch.error("plot [1, 2] to \"chart.png\""))
        #expect(error.message == "the chart file must end in .svg or .txt")
        #expect(error.range?.column == 16)
    }

    @Test func anEvaluationPlotsItsConfusionMatrix() throws {
        finch.define("points", Fixtures.blobs())
        finch.result("model net {\n input features: 4\n classify classes: 2\n}")
        finch.result("run = finetune net on points epochs: 2")
        finch.result("e = evaluate net on points")
        let chart = try #require(finch.result("plot e"))
        #expect(chart.hasPrefix("Confusion of net on points (rows: true class, columns: predicted)"))
        #expect(chart.contains("low") && chart.contains("high"))
        let svg = "/tmp/finch-confusion-\(getpid()).svg"
        defer { unlink(svg) }
        finch.result("plot e to \"\(svg)\"")
        #expect(try #require(readTextFile(svg)).contains("<svg"))
        let csv = "/tmp/finch-evaluation-\(getpid()).csv"
        defer { unlink(csv) }
        finch.result("export e to \"\(csv)\"")
        #expect(try #require(readTextFile(csv)).hasPrefix("class,precision,recall,F1,support\nlow,"))
    }
}
