@testable import FinchData
@testable import FinchLanguage
@testable import FinchEngine
import Testing

/// `prompt LM on DATA template: … labels: …`: zero-shot and few-shot classification by a language
/// model, and its refusals.
@Suite struct PromptCommandTests {
    let finch = Harness()

    /// Sentences whose verdict word ("yes" or "no") follows from their adjective.
    static let sentences = ["the food was tasty", "the food was bland", "the room was clean", "the room was dirty"]
    static let verdicts = ["yes", "no", "yes", "no"]

    /// A word language model `lm` (context 16) pre-trained on `text`, where every sentence is
    /// followed by " . " and its verdict; `test` and `train` hold the four sentences, labelled.
    private func prepare(context: Int = 16) {
        var g = Xoshiro(seed: 5)
        let lines = (0..<400).map { _ in g.nextInt(below: 4) }.map { "\(Self.sentences[$0]) . \(Self.verdicts[$0])" }
        finch.define("text", CorpusObject(Corpus(name: "verdicts", text: lines.joined(separator: "\n"))))
        let labels = Self.verdicts.map { $0 == "yes" ? 1 : 0 }
        let data = try! Dataset(name: "verdicts", texts: Self.sentences, labels: labels, classNames: ["negative", "positive"])
        finch.define("test", DatasetObject(data))
        finch.define("train", DatasetObject(try! Dataset(name: "train", texts: Self.sentences, labels: labels, classNames: ["negative", "positive"])))
        finch.result("""
            seed 3
            tok = tokenizer words on: text
            model lm {
              embedding vocab: tok.size dim: 32 context: \(context)
              positions
              transformer heads: 2
              layernorm
              lm_head
            }
            pre = pretrain lm on text tokenizer: tok steps: 300 batch: 8 lr: 1e-2
            """)
    }

    private let labels = #"labels: record(positive: "yes", negative: "no")"#

    @Test func zeroShotPicksTheVerbaliserTheCorpusTaughtAndReadsAsAnEvaluation() {
        prepare()
        finch.result(#"z = prompt lm on test template: "{text} ." "# + labels)
        #expect(finch.result("z.accuracy") == "1")
        #expect(finch.result("z.confusion") == "[[2, 0], [0, 2]]")
        #expect(finch.result("z.macro_f1") == "1")
        #expect(finch.result("z.seconds > 0 and z.seconds < 60") == "true")
        finch.result(#"c = prompt lm on test template: "{text} ." calibrate: true "# + labels)
        // Both verdicts follow " . " equally often, so the empty text's prior is even and changes nothing.
        #expect(finch.result("c.accuracy") == "1")
        // The wrong verbalisers, swapped, get every text wrong.
        #expect(finch.result(#"w = prompt lm on test template: "{text} ." labels: record(positive: "no", negative: "yes"); w.accuracy"#) == "0")
    }

    @Test func fewShotTabulatesAccuracyAgainstShotsOverSeeds() throws {
        prepare(context: 32)
        finch.result(#"t = prompt lm on test template: "{text} ." shots: [0, 1, 2] from: train seeds: 2 "# + labels)
        let rows = try #require(finch.result("t.rows"))
        // Zero shots draw nothing, so one run; the others run once per seed.
        #expect(rows.hasPrefix("[[0, 1, 1,"), "\(rows)")
        #expect(rows.contains("[1, 2, ") && rows.contains("[2, 2, "), "\(rows)")
        let one = try #require(finch.result(#"prompt lm on test template: "{text} ." shots: 1 from: train seed: 5 "# + labels))
        #expect(one.hasPrefix("lm prompted (1-shot) on verdicts: accuracy"), "\(one)")
    }

    @Test func badPromptsAreRefusedWithWhatToWriteInstead() throws {
        prepare()
        let noText = try #require(finch.error(#"prompt lm on test template: "it was" "# + labels))
        #expect(noText.message == "the template has no {text}, so the texts have nowhere to go")
        #expect(noText.note == #"write {text} where each text goes, e.g. template: "{text} it was""#)

        let unknown = try #require(finch.error(#"prompt lm on test template: "{text} ." labels: record(positive: "yse", negative: "no")"#))
        #expect(unknown.message == #"the words tokenizer does not know "yse" (in the verbaliser "yse"): the model could only read it as <unk>"#)
        #expect(unknown.note?.hasPrefix(#"did you mean "yes"?"#) == true)

        let missing = try #require(finch.error(#"prompt lm on test template: "{text} ." labels: record(positive: "yes")"#))
        #expect(missing.message == "'labels' has no verbaliser for negative")
        #expect(missing.note == #"write labels: record(negative: "WORD", positive: "WORD")"#)
        let extra = try #require(finch.error(#"prompt lm on test template: "{text} ." labels: record(positive: "yes", negative: "no", neutral: "no")"#))
        #expect(extra.message == "the data set has no class neutral")

        let tooMany = try #require(finch.error(#"prompt lm on test template: "{text} ." shots: 5 from: train "# + labels))
        #expect(tooMany.message == "5 shots need 5 demonstrations, but train has 4 texts")
        let noPool = try #require(finch.error(#"prompt lm on test template: "{text} ." shots: 2 "# + labels))
        #expect(noPool.note == "add from: TRAIN (a labelled data set other than the one evaluated)")

        // Each demonstration is 7 tokens ("the food was tasty . yes" and the line break), a query 5, the context 16.
        let long = try #require(finch.error(#"prompt lm on test template: "{text} ." shots: 3 from: train "# + labels))
        #expect(long.message == "with 3 demonstrations (21 tokens) the longest prompt needs 26 positions, but lm's context is 16; the first 1 of them fit")
        #expect(long.note == "use shots: 1 or fewer, truncate: true to cut long texts, or a model with a longer context")
        // The separator goes after each demonstration: two tokens instead of the line break.
        let separated = try #require(finch.error(#"prompt lm on test template: "{text} ." shots: 3 from: train separator: " ; ; " "# + labels))
        #expect(separated.message.hasPrefix("with 3 demonstrations (24 tokens) the longest prompt needs 29 positions"))

        finch.result("clf = copy lm head: classify(classes: 2, pool: mean)")
        let classifier = try #require(finch.error(#"prompt clf on test template: "{text} ." "# + labels))
        #expect(classifier.message == "clf has a classify head; prompting needs a language model (an lm head)")
    }

    @Test func aTemplateSplitsAtItsFirstPlaceholder() throws {
        let template = try #require(PromptTemplate("Review: {text} so it was {text}"))
        #expect(template.before == "Review: " && template.after == " so it was {text}")
        #expect(template.render("fine") == "Review: fine so it was {text}")
        #expect(PromptTemplate("{text}")?.render("x") == "x")
        #expect(PromptTemplate("{txt} it was") == nil)
    }

    @Test func generationStopsAtAStopStringSamplesSeveralAndShowsLogProbabilities() throws {
        prepare()
        let unstopped = try #require(finch.result(#"generate lm from "the food was tasty" length: 8 temperature: 0"#))
        #expect(unstopped.hasPrefix(#""the food was tasty. yes"#) && unstopped.count > 30, "\(unstopped)")
        #expect(finch.result(#"generate lm from "the food was tasty" length: 8 temperature: 0 stop: "\n""#) == #""the food was tasty. yes""#)
        #expect(finch.result(#"generate lm from "the food was tasty" length: 8 temperature: 0 stop: ["yes", "no"]"#) == #""the food was tasty. ""#)
        #expect(finch.result(#"s = generate lm from "the" length: 4 samples: 3; length(s.rows)"#) == "3")
        #expect(finch.result(#"s.rows[0][0]"#) == "1" && finch.result(#"s.rows[2][0]"#) == "3")
        finch.result(#"p = generate lm from "the food was tasty" length: 2 temperature: 0 logprobs: true"#)
        let table = try #require(finch.result("p"))
        #expect(finch.result("p.rows[0][2]") == #"".""# && finch.result("p.rows[1][2]") == #""yes""#, "\(table)")
        let first = try #require(Double(finch.result("p.rows[0][3]") ?? "")), second = try #require(Double(finch.result("p.rows[1][3]") ?? ""))
        #expect(first > -0.1 && second > -0.1, "the corpus always says \". yes\" after \"tasty\": \(first), \(second)")
        #expect(table.contains("log-probability of the 2 tokens:"))
        #expect(finch.error(#"generate lm from [4, 5] stop: ".""#)?.message == "stop strings end a text, but this prompt is token ids")
        #expect(finch.error(#"generate lm from "the" samples: 2 logprobs: true"#)?.message == "the log-probabilities table is of one sample")
    }

    @Test func aTextLongerThanTheContextIsRefusedUnlessCut() throws {
        prepare(context: 8)
        finch.define("long", DatasetObject(try Dataset(name: "long", texts: ["the food was the food was the food was tasty", "the room was dirty"],
                                                       labels: [1, 0], classNames: ["negative", "positive"])))
        let refused = try #require(finch.error(#"prompt lm on long template: "{text} ." "# + labels))
        #expect(refused.message == "the longest prompt needs 11 positions, but lm's context is 8")
        #expect(finch.result(#"cut = prompt lm on long template: "{text} ." truncate: true "# + labels + "; length(cut.confusion)") == "2")
    }
}
