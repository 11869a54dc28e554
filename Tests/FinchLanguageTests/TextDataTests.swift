import FinchData
import FinchEngine
@testable import FinchLanguage
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Text data sets in the training commands: fine-tuning, evaluating and predicting on texts
/// with the tokenizer the model keeps, built in (`reviews`) and from CSV files.
@Suite struct TextDataTests {
    let finch = Harness()

    /// Easy sentiment: each text is 2–5 words, one of them a class word, the rest filler.
    static func easyTexts(count: Int) -> (texts: [String], labels: [Int]) {
        let words = [["bad", "awful", "poor", "sad"], ["good", "great", "nice", "fine"]]
        let filler = ["the", "item", "was", "it", "really"]
        var generator = Xoshiro(seed: 5)
        var texts: [String] = [], labels: [Int] = []
        for index in 0..<count {
            let label = index % 2
            var text = (0..<(1 + generator.nextInt(below: 4))).map { _ in filler[generator.nextInt(below: filler.count)] }
            text.insert(words[label][generator.nextInt(below: 4)], at: generator.nextInt(below: text.count + 1))
            texts.append(text.joined(separator: " "))
            labels.append(label)
        }
        return (texts, labels)
    }

    /// Writes the easy texts as a CSV file with columns `review` and `sentiment`; returns its path.
    static func writeEasyCSV(count: Int) throws -> String {
        let path = "/tmp/finch-text-\(getpid())-\(count).csv"
        let (texts, labels) = easyTexts(count: count)
        let rows = zip(texts, labels).map { "\"\($0)\",\($1 == 1 ? "positive" : "negative")" }
        let bytes = Array((["review,sentiment"] + rows).joined(separator: "\n").utf8)
        let file = try #require(fopen(path, "wb"))
        fwrite(bytes, 1, bytes.count, file)
        fclose(file)
        return path
    }

    static let scratch = """
        model clf {
          embedding vocab: tok.size dim: 16 context: 8
          positions
          transformer heads: 2 causal: false
          layernorm
          classify classes: 2 pool: mean
        }
        """

    @Test func aTextClassifierLearnsAnEasyCSVDataSet() throws {
        let path = try TextDataTests.writeEasyCSV(count: 80)
        defer { unlink(path) }
        finch.define("tok", TokenizerObject(try .words(from: TextDataTests.easyTexts(count: 80).texts.joined(separator: " "), limit: 100)))
        finch.result(#"data = dataset "\#(path)" text: "review" label: "sentiment""#)
        #expect(finch.result("data.length") == "80")
        #expect(finch.result("data.classes") == #"["negative", "positive"]"#)
        finch.result("fit, held = split data [75, 25]")
        finch.result(TextDataTests.scratch)
        finch.result("ft = finetune clf on fit tokenizer: tok epochs: 15 lr: 1e-2 validate: held")
        let clf = try #require(finch.model("clf"))
        #expect(clf.textContext == 5)
        finch.result("e = evaluate clf on held")
        #expect(Double(finch.result("e.accuracy") ?? "") ?? 0 >= 0.95)
        let table = finch.result(#"predict clf on ["it was great", "the item was awful"]"#) ?? ""
        #expect(table.contains("positive") && table.contains("negative"))
        finch.result(#"one = predict clf on "really nice""#)
        #expect(finch.result("one.rows[0][1]") == #""really nice""#)
        let saved = "/tmp/finch-text-clf-\(getpid()).safetensors"
        defer { unlink(saved) }
        finch.result("save clf to \"\(saved)\"")
        finch.result("back = load \"\(saved)\"")
        let back = try #require(finch.model("back"))
        #expect(back.textContext == clf.textContext)
        #expect(back.tokenizer?.object(TokenizerObject.self)?.tokenizer == clf.tokenizer?.object(TokenizerObject.self)?.tokenizer)
        #expect(finch.result(#"p = predict back on ["it was great", "the item was awful"]; p.rows"#)
                == finch.result(#"q = predict clf on ["it was great", "the item was awful"]; q.rows"#), "a loaded classifier reads texts as before")
        #expect(finch.result("one.rows[0][2]") == #""positive""#)
        let long = String(repeating: "it was great ", count: 5)
        #expect(finch.result(#"predict clf on "\#(long)""#)?.contains("it was great it was great it was great …") == true)
    }

    @Test func aMisspelledColumnPointsAtItsArgument() throws {
        let path = try TextDataTests.writeEasyCSV(count: 4)
        defer { unlink(path) }
        let before = #"data = dataset "\#(path)" text: "#
        let source = before + #""reveiw" label: "sentiment""#
        let error = try #require(finch.error(source))
        #expect(error.message == "'\(path)' has no column 'reveiw'")
        #expect(error.note == #"did you mean 'review'? its columns are "review", "sentiment""#)
        #expect(error.range?.column == before.count + 1)
        let label = try #require(finch.error(#"dataset "\#(path)" text: "review" label: "sentimnt""#))
        #expect(label.note?.hasPrefix("did you mean 'sentiment'?") == true)
    }

    @Test func textsNeedATokenizerAndATokenModel() throws {
        finch.define("tok", TokenizerObject(try .words(from: "good bad", limit: 10)))
        let (texts, labels) = TextDataTests.easyTexts(count: 10)
        finch.define("data", DatasetObject(try! FinchData.Dataset(name: "easy", texts: texts, labels: labels, classNames: ["negative", "positive"])))
        finch.result(TextDataTests.scratch)
        let missing = finch.error("finetune clf on data")
        #expect(missing?.message == "clf has no tokenizer to read texts with")
        #expect(missing?.note == "give one with 'tokenizer: tok', or pre-train the model on a corpus with 'tokenizer: tok'")
        finch.result("model net {\n  input features: 4\n  classify classes: 2\n}")
        #expect(finch.error("finetune net on data")?.message == "net reads numeric features, but easy holds texts")
        #expect(finch.error("finetune clf on data tokenizer: tok context: 9")?.message == "'context' must be a whole number from 1 to 8, not 9")
    }

    @Test func predictionsDoNotDependOnHowFarATextIsPadded() throws {
        finch.define("tok", TokenizerObject(try .words(from: "the item was really nice and fine", limit: 20)))
        finch.result(TextDataTests.scratch)
        // Not fine-tuned, so each call pads to its own longest text: 2 tokens, then 7.
        finch.result(#"alone = predict clf on "really nice" tokenizer: tok"#)
        finch.result(#"padded = predict clf on ["really nice", "the item was really nice and fine"] tokenizer: tok"#)
        func probabilities(_ name: String) throws -> [Double] {
            let table = try #require(finch.session.interpreter.variables[name]?.object(TableObject.self)).table
            return table.rows[0][4...].map { if case let .number(p) = $0 { p } else { -1 } }
        }
        let (alone, padded) = (try probabilities("alone"), try probabilities("padded"))
        #expect(alone.count == 2 && alone.allSatisfy { $0 > 0 })
        for (a, b) in zip(alone, padded) { #expect(abs(a - b) < 1e-6) }
    }

    /// The teaching notebook's workflow on `reviews`, at small settings: pre-train, copy with a
    /// classify head, fine-tune on a few labels, evaluate; and the same classifier from scratch.
    @Test func theReviewsWorkflowRuns() throws {
        finch.result("""
            seed 7
            text = corpus "reviews"
            tok = tokenizer words on: text
            reviews = dataset "reviews"
            fit, held = split reviews [80, 20] stratify: true
            few = sample fit per_class: 10
            model lm {
              embedding vocab: tok.size dim: 16 context: 36
              positions
              transformer heads: 2
              layernorm
              lm_head tied: true
            }
            pre = pretrain lm on text tokenizer: tok objective: next_token steps: 20 batch: 8 lr: 3e-3 schedule: cosine warmup: 5
            clf = copy lm head: classify classes: 2 pool: mean
            ft = finetune clf on few method: full epochs: 2 lr: 1e-3 validate: held
            e = evaluate clf on held
            model scratch {
              embedding vocab: tok.size dim: 16 context: 36
              positions
              transformer heads: 2
              layernorm
              classify classes: 2 pool: mean
            }
            st = finetune scratch on few tokenizer: tok epochs: 2 lr: 1e-3
            es = evaluate scratch on held
            """)
        #expect(finch.result("reviews.length") == "2000")
        #expect(finch.result("few.length") == "20")
        #expect(finch.result("held.length") == "400")
        let clf = try #require(finch.model("clf")), scratch = try #require(finch.model("scratch"))
        let variables = finch.session.interpreter.variables
        let tok = try #require(variables["tok"]?.object(TokenizerObject.self)).tokenizer
        let few = try #require(variables["few"]?.object(DatasetObject.self)).dataset
        let held = try #require(variables["held"]?.object(DatasetObject.self)).dataset
        // The longest text of the training (and validation) data, at most the model's context.
        #expect(clf.textContext == min(36, max(few.longestText(tokenizer: tok), held.longestText(tokenizer: tok))))
        #expect(scratch.textContext == min(36, few.longestText(tokenizer: tok)))
        #expect(finch.run("ft")?.validations.count == 2)
        for name in ["e", "es"] {
            let accuracy = try #require(Double(finch.result("\(name).accuracy") ?? ""))
            #expect(accuracy >= 0 && accuracy <= 1)
        }
        #expect(finch.result("clf.classes") == #"["negative", "positive"]"#)
    }
}

/// `reviews.train`, `.val`, `.test`: the standard split of a data set, as the sketch writes it.
@Suite struct StandardSplitTests {
    let finch = Harness()

    @Test func aDataSetHasASeededStratified80_10_10Split() throws {
        finch.result(#"d = dataset "spirals""#)
        let total = try #require(Int(finch.result("d.length") ?? ""))
        let parts = ["train", "val", "test"].map { Int(finch.result("d.\($0).length") ?? "") ?? 0 }
        #expect(parts.reduce(0, +) == total)
        #expect(abs(Double(parts[0]) / Double(total) - 0.8) < 0.02)
        #expect(finch.result("d.test.name") == #""spirals.test""#)
        #expect(finch.result("d.train.labels") == finch.result("d.train.labels"))
        let other = Harness()
        other.result(#"d = dataset "spirals""#)
        #expect(other.result("d.val.labels") == finch.result("d.val.labels"), "the same seed gives the same parts")
        #expect(finch.result("d.test.train.length").map { Int($0) ?? 0 } ?? 0 > 0, "a part has its own split")
    }

    @Test func aRealDataSetHasTheSameTestSplitWhateverTheSeed() throws {
        finch.result(#"seed 1; a = dataset "sms_spam""#)
        let other = Harness()
        other.result(#"seed 2; a = dataset "sms_spam""#)
        #expect(other.result("a.test.texts") == finch.result("a.test.texts"), "the corpus leaves out this test split")
        #expect(finch.result("a.test.length") == "558")
    }
}
