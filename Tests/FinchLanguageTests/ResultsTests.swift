import FinchDisplay
import FinchEngine
@testable import FinchLanguage
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct ResultsTests {
    let finch = Harness()

    private func trained() {
        finch.define("train", Fixtures.blobs("train"))
        finch.define("val", Fixtures.blobs("val", count: 20))
        finch.result(TrainingTests.mlp)
        finch.result("probe = finetune net on train method: probe epochs: 2 lr: 1e-2 validate: val")
        finch.result("full = finetune net on train epochs: 3 lr: 1e-2 validate: val")
    }

    private func temporary(_ name: String) -> String { "/tmp/finch-ml-test-\(getpid())-\(name)" }

    @Test func evaluateGivesMetricsPerClassAndAHeatmap() throws {
        trained()
        finch.result("e = evaluate net on val")
        #expect(finch.result("e.accuracy") == "1")
        #expect(finch.result("e.f1") == "1")
        #expect(finch.result("e.confusion") == "[[10, 0], [0, 10]]")
        let text = try #require(finch.result("e"))
        #expect(text.contains("macro"))
        #expect(text.contains("precision"))
        guard case .success(let shown?) = finch.session.execute("e") else { return }
        #expect(shown.main["text/html"]?.contains("<table") == true)
        #expect(shown.main["text/html"]?.contains("<svg") == false, "untrusted notebooks strip SVG inside HTML")
        #expect(shown.figures.map(\.plainText).first?.contains("Confusion") == true)
        #expect(shown.figures.first?["image/svg+xml"]?.hasPrefix("<svg") == true)
    }

    @Test func predictGivesTheClassAndItsProbability() throws {
        trained()
        let text = try #require(finch.result("predict net on [[2, 2, 2, 2], [-2, -2, -2, -2]]"))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("high") })
        #expect(lines.contains { $0.contains("low") })
        #expect(finch.error("predict net on [1, 2]")?.message == "net reads rows of 4 numbers, not 2")
    }

    @Test func generateContinuesALearnedCycle() {
        finch.define("text", TokensObject(name: "text", stream: Fixtures.cycle))
        finch.result(TrainingTests.lm)
        finch.result("pretrain lm on text steps: 60 batch: 8 lr: 1e-2")
        #expect(finch.result("generate lm from [0, 1, 2] length: 6 temperature: 0") == "[3, 4, 0, 1, 2, 3]")
    }

    @Test func topPSamplesFromTheLikeliestTokensAndIsChecked() {
        finch.define("text", TokensObject(name: "text", stream: Fixtures.cycle))
        finch.result(TrainingTests.lm)
        finch.result("pretrain lm on text steps: 60 batch: 8 lr: 1e-2")
        // The smallest set with a thousandth of the mass is the likeliest token alone: greedy.
        #expect(finch.result("generate lm from [0, 1, 2] length: 6 temperature: 5 top_p: 0.001 seed: 3") == "[3, 4, 0, 1, 2, 3]")
        #expect(finch.result("generate lm from [0, 1, 2] length: 40 temperature: 5 top_p: 1 seed: 3")
                != finch.result("generate lm from [0, 1, 2] length: 40 temperature: 0"))
        #expect(finch.error("generate lm from [0] top_p: 0")?.message == "'top_p' must be above 0 (1 keeps every token)")
        #expect(finch.error("generate lm from [0] top_p: 1.5")?.message == "'top_p' must be a number from 0 to 1, not 1.5")
    }

    @Test func generatingFromABidirectionalModelIsRefused() {
        finch.result("model mlm {\n embedding vocab: 6 dim: 8\n positions 8\n transformer heads: 2 causal: false\n lm_head\n}")
        #expect(finch.error("generate mlm from [0, 1]")?.message
                == "mlm cannot generate: generating needs causal attention, but blocks.0 is bidirectional")
    }

    @Test func runsTabulatesEveryRunAndReadsAsAValue() throws {
        trained()
        let text = try #require(finch.result("runs"))
        #expect(text.contains("probe"))
        #expect(text.contains("full"))
        #expect(finch.result("t = table runs; length(t.rows)") == "2")
    }

    @Test func compareDrawsABarPerRun() throws {
        trained()
        let text = try #require(finch.result("compare [probe, full] by: final_loss"))
        #expect(text.contains("comparison by final_loss"))
        #expect(finch.error("compare [1]")?.message == "'compare' needs runs, not a number")
    }

    @Test func tableAndPlotTakeListsAndRuns() throws {
        #expect(try #require(finch.result("table [3, 1, 2]")).contains("index"))
        let chart = try #require(finch.result("plot [3, 1, 2] title: \"t\" log: true"))
        #expect(chart.contains("t"))
        trained()
        #expect(finch.result("t = table full; length(t.rows)") == "12")
        let plot = try #require(finch.result("plot full"))
        #expect(plot.contains("train"))
        #expect(plot.contains("val"))
        #expect(finch.error("plot [[1, 2], [3]] names: [\"a\"]")?.message == "1 names for 2 series")
    }

    @Test func plotDrawsTheNumericFieldsOfRecords() throws {
        finch.result(#"rs = [record(n: 5, a: 0.6, b: 0.5, note: "x"), record(n: 10, a: 0.8, b: 0.55, note: "y"), record(n: 20, a: 0.9, b: 0.7, note: "z")]"#)
        let chart = try #require(finch.result("plot rs by: n width: 40 height: 8"))
        let lines = chart.split(separator: "\n").map(String.init)
        #expect(lines.last == "⠤⠤⠤ a   ⠄⠄⠄ b", "a line per numeric field, none for the text field")
        #expect(lines.dropLast().last?.split(separator: " ") == ["n"], "the x label is the by: field")
        #expect(lines.dropLast(2).last?.split(separator: " ") == ["5", "10", "15", "20"], "x runs over the by: field")
        let error = try #require(finch.error("plot rs by: m"))
        #expect(error.message == "the records have no field 'm'")
        #expect(error.note == "did you mean 'n'?" || error.note == "did you mean 'a'?")
        #expect(finch.error("plot rs by: note")?.message == "the field 'note' must be a number in every record")
        #expect(finch.error("plot [1, 2] by: n")?.message == "'by:' chooses the x field of a list of records, not of a list")
        #expect(finch.error(#"plot [record(s: "a")]"#)?.message == "no field is a number in every record")
    }

    @Test func namesIndexFieldsAndColumns() throws {
        finch.result(#"rs = [record(n: 5, a: 0.6), record(n: 10, a: 0.8)]"#)
        #expect(finch.result(#"rs["a"]"#) == "[0.6, 0.8]")
        #expect(finch.result(#"rs[1]["n"]"#) == "10")
        #expect(finch.error(#"rs["b"]"#)?.message == "record has no field 'b'")
        #expect(finch.error(#"[1, 2]["a"]"#)?.note == "names index records, lists of records and tables")
        trained()
        #expect(finch.result(#"t = table full; length(t["loss"])"#) == "12")
        #expect(finch.error(#"t["los"]"#)?.note == "did you mean 'loss'?")
        #expect(finch.result(#"x = plot t["loss"]; x.title"#) == #""plot""#)
    }

    @Test func saveAndLoadKeepWeightsHeadAndClasses() throws {
        trained()
        let path = temporary("clf.safetensors")
        defer { unlink(path) }
        finch.result("save net to \"\(path)\"")
        finch.result("back = load \"\(path)\"")
        let net = try #require(finch.model("net")), back = try #require(finch.model("back"))
        #expect(back.model.parameters.map(\.parameter.value) == net.model.parameters.map(\.parameter.value))
        #expect(finch.result("back.classes") == #"["low", "high"]"#)
        #expect(finch.result("back.head") == #""classify""#)
        #expect(finch.result("a = evaluate back on val; a.accuracy") == finch.result("b = evaluate net on val; b.accuracy"))
    }

    @Test func exportWritesCSVAndJSON() throws {
        trained()
        let csv = temporary("runs.csv"), json = temporary("full.json")
        defer { unlink(csv); unlink(json) }
        finch.result("export runs to \"\(csv)\"")
        finch.result("export full to \"\(json)\"")
        let csvText = try #require(readTextFile(csv))
        #expect(csvText.hasPrefix("run,kind,model,method"))
        #expect(csvText.split(separator: "\n").count == 3)
        let jsonText = try #require(readTextFile(json))
        #expect(jsonText.contains("\"method\":\"full\""))
        #expect(jsonText.contains("\"seed\":"))
        #expect(finch.error("export runs to \"x.txt\"")?.message == "the file must end in .csv or .json")
    }

    @Test func exportWritesValuesAsJSON() throws {
        let path = temporary("values.json")
        defer { unlink(path) }
        finch.result(#"export [3, -0.25, 1e20, "tab\t\"q\" \u{1b}é", 1..3, record(n: 2, s: none), [true, false]] to "\#(path)""#)
        #expect(readTextFile(path) == #"[3,-0.25,1e+20,"tab\t\"q\" \u001bé",[1,2,3],{"n":2,"s":null},[true,false]]"# + "\n")
    }
}

@Suite struct DataCommandTests {
    let finch = Harness()

    @Test func aCorpusTokenizerAndTextPromptRoundTrip() throws {
        let path = "/tmp/finch-ml-corpus-\(getpid()).txt"
        defer { unlink(path) }
        let file = try #require(fopen(path, "wb"))
        let text = Array(String(repeating: "abcde", count: 80).utf8)
        fwrite(text, 1, text.count, file)
        fclose(file)
        finch.result("text = corpus \"\(path)\"\ntok = tokenizer chars on: text")
        #expect(finch.result("tok.size") == "9")
        finch.result("model lm {\n embedding vocab: tok.size dim: 8\n positions 8\n transformer heads: 2\n layernorm\n lm_head\n}")
        finch.result("pre = pretrain lm on text tokenizer: tok steps: 60 batch: 8 lr: 1e-2")
        #expect(finch.result("generate lm from \"abc\" length: 5 temperature: 0") == #""abcdeabc""#)
        // Very hot sampling draws from nearly the whole vocabulary, but text never gets its markers.
        let hot = try #require(finch.result("generate lm from \"abc\" length: 300 temperature: 50"))
        #expect(hot.count == 305 && !hot.contains("<"), "\(hot)")
        #expect(finch.result("ids = generate lm from [4] length: 300 temperature: 50; min(ids)") == "0",
                "token-id prompts may be continued with any id")
    }

    @Test func splitAndSampleKeepClasses() {
        finch.define("points", Fixtures.blobs())
        finch.result("fit, held = split points [75, 25]")
        #expect(finch.result("fit.length") == "48")
        #expect(finch.result("held.length") == "16")
        finch.result("few = sample fit per_class: 3")
        #expect(finch.result("few.length") == "6")
    }
}
