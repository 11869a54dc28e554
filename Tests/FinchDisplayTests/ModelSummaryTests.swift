import FinchDisplay
import Testing

@Suite struct ModelSummaryTests {
    let summary = ModelSummary(layers: [
        .init(name: "embed", kind: "Embedding", outputShape: [32, 16, 64], parameters: 64_000, trainable: false),
        .init(name: "fc1", kind: "Linear", outputShape: [32, 16, 256], parameters: 16_640, trainable: true),
        .init(name: "act", kind: "GELU", outputShape: [32, 16, 256], parameters: 0, trainable: true),
        .init(name: "head", kind: "Linear", outputShape: [32, 16, 1000], parameters: 257_000, trainable: true),
    ], title: "TinyLM (fine-tuning the head)")

    @Test func layersWithTotals() {
        expectText(summary.render(), """
        TinyLM (fine-tuning the head)
        Layer  Kind       Output shape     Params  Trainable
        -----  ---------  --------------  -------  ---------
        embed  Embedding  [32, 16, 64]     64,000  frozen
        fc1    Linear     [32, 16, 256]    16,640  yes
        act    GELU       [32, 16, 256]         0  -
        head   Linear     [32, 16, 1000]  257,000  yes
        Total params: 337,640
        Trainable params: 273,640
        Frozen params: 64,000
        """)
    }

    @Test func htmlCarriesTheSameCountsAndTotals() {
        let html = summary.bundle()["text/html"] ?? ""
        expectWellFormed(html)
        let counts = ["64,000", "16,640", "257,000", "Total params: 337,640", "Trainable params: 273,640",
                      "Frozen params: 64,000", "[32, 16, 1000]"]
        #expect(counts.filter { !html.contains($0) } == [])
        #expect(counts.filter { !summary.render().contains($0) } == [])
    }

    @Test func aDeepModelShowsItsFirstAndLastLayersWithTheCountBetween() {
        let deep = ModelSummary(layers: (0..<2500).map {
            .init(name: "block.\($0)", kind: "Linear", outputShape: [4, 8], parameters: 72, trainable: true)
        })
        let text = deep.render()
        #expect(text.contains("block.0 ") && text.contains("block.499 ") && text.contains("block.2000 ") && text.contains("block.2499 "))
        #expect(!text.contains("block.500 ") && !text.contains("block.1999 "))
        #expect(text.contains("Showing 1000 of 2500 rows."))
        #expect(text.contains("Total params: 180,000"), "the totals count every layer")
        #expect(!(deep.bundle()["text/html"] ?? "").contains("block.1000<"))
    }
}
