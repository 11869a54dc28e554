#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FinchData
import FinchDisplay
import FinchEngine

extension Command {
    /// `prompt LM on DATA template: "{text} it was" labels: record(positive: "great", negative: "awful")
    /// [calibrate: true] [shots: K|[K, …] from: TRAIN seeds: N seed: N separator: "\n"] [truncate: true]`:
    /// zero-shot and in-context few-shot classification by a language model, as an evaluation
    /// (one run) or a table of accuracy against shots over seeds.
    static let prompt = Command(
        name: "prompt",
        summary: "Classify texts with a language model and no training: each label is a word (its verbaliser) after a prompt, "
            + "and the likeliest wins; with shots:, labelled demonstrations go before each text (in-context learning).",
        positional: [Parameter("model", .any, doc: "a language model (with an lm head)", required: true)],
        prepositions: [
            Parameter("on", .any, doc: "the labelled texts to classify", required: true),
            Parameter("from", .any, doc: "the labelled texts demonstrations are drawn from (needed when shots is above 0)"),
        ],
        keywords: [
            Parameter("template", .string, doc: "the prompt, with {text} where each text goes; the verbaliser follows it (with a character tokenizer, end it with a space)",
                      required: true),
            Parameter("labels", .any, doc: "each class's verbaliser: record(positive: \"great\", negative: \"awful\"); one or several words",
                      required: true),
            Parameter("tokenizer", .any, doc: "the tokenizer (default: the one the model was trained with)"),
            Parameter("calibrate", .bool, doc: "subtract each verbaliser's score after the empty text (Zhao et al. 2021)",
                      default: .bool(false)),
            Parameter("shots", .any, doc: "demonstrations before each text: a number, or a list of numbers for a table over seeds",
                      default: .number(0)),
            Parameter("seeds", .number, doc: "draws of the demonstrations per number of shots (a table of mean and spread)"),
            Parameter("seed", .number, doc: "the seed of the first draw of demonstrations (default: from the session seed)"),
            Parameter("separator", .string, doc: "what follows each demonstration", default: .string("\n")),
            Parameter("truncate", .bool, doc: "cut a text too long for the context to its first tokens, instead of refusing it",
                      default: .bool(false)),
        ]
    ) { invocation throws(FinchError) in
        let evaluation = try promptEvaluation(invocation)
        let shots = try promptShots(invocation)
        let firstSeed = try invocation.integer("seed", in: 0...Int(UInt32.max)).map(UInt64.init)
            ?? invocation.interpreter.workbench.seed(for: "prompt " + evaluation.model.name)
        let seeds = try invocation.integer("seeds", in: 1...100)
        if shots.count == 1, seeds == nil { return .wrap(try evaluation.evaluate(shots: shots[0], seed: firstSeed)) }
        var rows: [[Cell]] = []
        for k in shots {
            // Without demonstrations nothing is drawn: one run says it all.
            let runs = k == 0 ? 1 : seeds ?? 1
            var accuracies: [Double] = [], f1s: [Double] = []
            for run in 0..<runs {
                let result = try evaluation.evaluate(shots: k, seed: firstSeed &+ UInt64(run))
                accuracies.append(result.matrix.accuracy)
                f1s.append(result.matrix.macro.f1)
            }
            let mean = accuracies.reduce(0, +) / Double(runs)
            let sd = (accuracies.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(runs)).squareRoot()
            rows.append([.number(Double(k)), .number(Double(runs)), .number(mean), .number(sd), .number(accuracies.min() ?? 0),
                         .number(accuracies.max() ?? 0), .number(f1s.reduce(0, +) / Double(runs))])
        }
        let table = Table(columns: [Column("shots", format: .count), Column("runs", format: .count), "accuracy", "sd", "min", "max", "macro F1"],
                          rows: rows, caption: "\(evaluation.model.name) prompted on \(evaluation.data.name)"
                              + (evaluation.calibrates ? ", calibrated" : "") + ": accuracy against shots (sd over runs)")
        return .wrap(TableObject(table, name: "prompting"))
    }

    /// The shots asked for: one number, or a non-empty list of them.
    private static func promptShots(_ invocation: Invocation) throws(FinchError) -> [Int] {
        let value = invocation.bound("shots")?.value ?? .number(0)
        let elements: [Value] = if case .list(let list) = value { list } else { [value] }
        let shots = elements.compactMap { element -> Int? in
            guard case .number(let n) = element, n >= 0, n <= 10_000, n == n.rounded() else { return nil }
            return Int(n)
        }
        guard !shots.isEmpty, shots.count == elements.count else {
            throw FinchError(PromptCommandFailure.shots(value: value.text), at: invocation.place("shots"))
        }
        return shots
    }

    /// The model, data, template, verbalisers and demonstrations of `invocation`, checked.
    private static func promptEvaluation(_ invocation: Invocation) throws(FinchError) -> PromptEvaluation {
        let object = try invocation.object("model", ModelObject.self, what: "a language model")
        guard object.model.head.kind == .lm else {
            throw FinchError(PromptCommandFailure.notALanguageModel(model: object.name, head: object.model.head.kind), at: invocation.place("model"))
        }
        let generator: Generator
        do throws(GenerationError) { generator = try Generator(model: object.model) } catch {
            throw FinchError(PromptCommandFailure.cannotPrompt(model: object.name, error), at: invocation.place("model"))
        }
        let tokenizer = try DataReading.chosenTokenizer(object, invocation)
        let data = try labelledTexts("on", invocation)
        guard let template = PromptTemplate(invocation.string("template") ?? "") else {
            throw FinchError(PromptCommandFailure.templateWithoutText, at: invocation.place("template"))
        }
        let verbalisers = try promptVerbalisers(classNames: data.object.dataset.classNames, tokenizer: tokenizer, invocation)
        var demonstrations: (name: String, texts: [String], labels: [Int])?
        if invocation.bound("from") != nil {
            let pool = try labelledTexts("from", invocation)
            guard pool.object.dataset.classNames == data.object.dataset.classNames else {
                throw FinchError(PromptCommandFailure.demonstrationClasses(pool.object.dataset.classNames, data: data.object.name,
                                                                     classes: data.object.dataset.classNames),
                                 at: invocation.place("from"))
            }
            demonstrations = (pool.object.name, pool.texts, pool.labels)
        }
        let classifier = PromptClassifier(generator: generator, tokenizer: tokenizer, template: template, verbalisers: verbalisers,
                                          separator: invocation.string("separator") ?? "\n")
        return PromptEvaluation(model: object, classifier: classifier, data: data.object, texts: data.texts, labels: data.labels,
                                demonstrations: demonstrations, calibrates: invocation.flag("calibrate") ?? false,
                                truncates: invocation.flag("truncate") ?? false, invocation: invocation)
    }

    /// The data set given as `name`, which must hold labelled texts.
    private static func labelledTexts(_ name: String, _ invocation: Invocation) throws(FinchError) -> (object: DatasetObject, texts: [String], labels: [Int]) {
        let object = try invocation.object(name, DatasetObject.self, what: "a labelled data set of texts")
        guard let texts = object.dataset.texts else {
            throw FinchError(PromptCommandFailure.numericData(data: object.name), at: invocation.place(name))
        }
        guard let labels = object.dataset.labels else {
            throw FinchError(PromptCommandFailure.noLabels(data: object.name), at: invocation.place(name))
        }
        return (object, texts, labels)
    }

    /// The verbaliser of each class, from the `labels:` record.
    private static func promptVerbalisers(classNames: [String], tokenizer: Tokenizer, _ invocation: Invocation) throws(FinchError) -> PromptVerbalisers {
        let place = invocation.place("labels")
        guard case .record(let record) = invocation.bound("labels")?.value else {
            throw FinchError(PromptCommandFailure.verbalisersNotRecord(classes: classNames), at: place)
        }
        var pairs: [(label: String, verbaliser: String)] = []
        for field in record.fields {
            guard case .string(let word) = field.value else {
                throw FinchError(PromptCommandFailure.verbaliserNotString(label: field.name, type: field.value.typeDescription, classes: classNames),
                                 at: place)
            }
            pairs.append((field.name, word))
        }
        do throws(PromptVerbalisers.Problem) {
            return try PromptVerbalisers(classNames: classNames, verbaliserOf: pairs, tokenizer: tokenizer)
        } catch {
            throw FinchError(PromptCommandFailure.verbalisers(error, tokenizer: tokenizer.kind, classes: classNames), at: place)
        }
    }
}
