import FinchData

/// The data commands: corpora, tokenizers, data sets, splits and samples (one family, one file).
extension Command {
    /// The data commands, for ``CommandTable/standard``.
    static let data: [Command] = [.corpus, .tokenizer, .dataset, .split, .sample]

    /// `corpus SOURCE`: a built-in corpus (`"reviews"`, `"sms_spam"`) or a text file.
    static let corpus = Command(
        name: "corpus", summary: "A text for pre-training: a built-in corpus (\"reviews\", \"sms_spam\") or a text file.",
        positional: [Parameter("source", .string, doc: "a built-in name or a file path", required: true)]
    ) { invocation throws(FinchError) in
        let source = invocation.string("source") ?? ""
        do throws(DataError) {
            if BuiltinData.summary(of: source) != nil {
                return .wrap(CorpusObject(try BuiltinData.corpus(named: source, seed: invocation.interpreter.workbench.seed)))
            }
            return .wrap(CorpusObject(try Corpus.load(path: source, cancellation: invocation.interpreter.cancellation)))
        } catch {
            throw .unlessCancelled(error, at: invocation.range, otherwise: FinchError(EngineRefusal.data(error), at: invocation.place("source")))
        }
    }

    /// `tokenizer chars|words on: CORPUS [limit: N]`: a vocabulary learned from a corpus.
    static let tokenizer = Command(
        name: "tokenizer", summary: "Learn a character or word vocabulary from a corpus.",
        positional: [Parameter("kind", .choice(["chars", "words"]), doc: "chars (one token per character) or words (the most frequent words)",
                               required: true)],
        prepositions: [Parameter("on", .any, doc: "the corpus", required: true)],
        keywords: [Parameter("limit", .number, doc: "words: the most frequent words kept", default: .number(5000))]
    ) { invocation throws(FinchError) in
        let corpus = try invocation.object("on", CorpusObject.self, what: "a corpus")
        let text = corpus.corpus.text, cancellation = invocation.interpreter.cancellation
        let words = invocation.word("kind") == "words"
        let limit = words ? try invocation.integer("limit", in: 1...1_000_000) ?? 5000 : 0
        do throws(DataError) {
            if words {
                return .wrap(TokenizerObject(try .words(from: text, limit: limit, cancellation: cancellation)))
            }
            return .wrap(TokenizerObject(try .chars(from: text, cancellation: cancellation)))
        } catch {
            throw .unlessCancelled(error, at: invocation.range, otherwise: FinchError(EngineRefusal.data(error), at: invocation.place("on")))
        }
    }

    /// `dataset SOURCE [text: COLUMN | features: [COLUMNS]] [label: COLUMN]`: a built-in data set
    /// (`"digits"`, `"reviews"`, `"sms_spam"`, `"spirals"`) or a CSV file of texts or numeric features.
    static let dataset = Command(
        name: "dataset",
        summary: "A data set: built in (\"digits\", \"reviews\", \"sms_spam\", \"spirals\") or a CSV file of texts or numeric features.",
        positional: [Parameter("source", .string, doc: "a built-in name or a CSV file path", required: true)],
        keywords: [
            Parameter("text", .string, doc: "CSV: the column holding one text per example"),
            Parameter("features", .any, doc: "CSV: the numeric columns (default: every numeric column but the label)"),
            Parameter("label", .string, doc: "CSV: the column holding the class (default: a column called label or class, else the last column if it holds text)"),
            Parameter("target", .string, doc: "CSV: a numeric column to predict with a regress head, in place of a label"),
            Parameter("group", .string, doc: "CSV: a column that groups the examples (a region, a year), neither feature nor label, to cut tasks by with tasks DATA by: COLUMN"),
            Parameter("standardize", .bool,
                      doc: "numeric features: a model first trained on them standardises them with this data's mean and deviation (default: true for a CSV file, false for built-in data)"),
        ]
    ) { invocation throws(FinchError) in
        let source = invocation.string("source") ?? ""
        let features = try invocation.strings("features")
        var dataset: Dataset
        do throws(DataError) {
            // A name without a file extension is taken as built in, so a misspelling gets a suggestion.
            if BuiltinData.summary(of: source) != nil || !source.contains(".") {
                dataset = try BuiltinData.dataset(named: source, seed: invocation.interpreter.workbench.seed)
                dataset.standardize = invocation.flag("standardize") ?? false
            } else {
                let cancellation = invocation.interpreter.cancellation
                let table = try CSVTable.load(path: source, cancellation: cancellation)
                dataset = try table.dataset(text: invocation.string("text"), features: features, label: invocation.string("label"),
                                            target: invocation.string("target"), group: invocation.string("group"),
                                            standardize: invocation.flag("standardize") ?? true, cancellation: cancellation)
                if features == nil, invocation.string("text") == nil { noteTextColumnsLeftOut(of: table, by: dataset, invocation) }
            }
        } catch {
            throw .unlessCancelled(error, at: invocation.range, otherwise: describe(error, invocation))
        }
        // A real built-in set has one standard split in every session, which its corpus leaves out.
        let splitSeed = BuiltinData.realNames.contains(source) ? BuiltinData.standardSplitSeed : invocation.interpreter.workbench.seed
        return .wrap(DatasetObject(dataset, splitSeed: splitSeed))
    }

    /// A data set's error at the argument it is about: a missing column at the argument that
    /// names it, anything else at the source.
    private static func describe(_ error: DataError, _ invocation: Invocation) -> FinchError {
        guard case let .unknownColumn(path, name, available, suggestion) = error else {
            let argument = if case .outOfRange("group:", _, _) = error { "group" } else { "source" }
            return FinchError(EngineRefusal.data(error), at: invocation.place(argument))
        }
        let argument = ["text", "label", "target", "group"].first { invocation.string($0) == name } ?? "features"
        return FinchError(DataCommandFailure.noColumn(path: path, column: name, suggestion: suggestion, columns: available),
                          at: invocation.place(argument))
    }

    /// Names, on standard error, the columns of `table` that hold text and that `dataset` (read
    /// with its default features) leaves out, so that none is dropped unnoticed.
    private static func noteTextColumnsLeftOut(of table: CSVTable, by dataset: Dataset, _ invocation: Invocation) {
        let used = Set(dataset.featureNames + [dataset.labelName, dataset.targetName, dataset.groupName])
        let unused = table.header.filter { !used.contains($0) }
        guard !unused.isEmpty else { return }
        let one = unused.count == 1
        invocation.interpreter.output.write(
            "note: \(table.path): \(one ? "the column" : "the columns") \(unused.map { "'\($0)'" }.joined(separator: ", ")) "
                + "\(one ? "holds" : "hold") text and \(one ? "is" : "are") left out; name the columns you want with features:, label: or text:\n",
            to: .stderr)
    }

    /// `split DATA [80, 20] [stratify: true]`: data sets of those percentages.
    static let split = Command(
        name: "split", summary: "Split a data set by percentages (seeded; stratified keeps class proportions).",
        positional: [
            Parameter("data", .any, doc: "the data set", required: true),
            Parameter("parts", .any, doc: "percentages, e.g. [80, 20]", required: true),
        ],
        keywords: [Parameter("stratify", .bool, doc: "keep each class's share in every part (default: true when the data set has labels)")],
        unpackedNames: { count in count == 2 ? ["train", "test"] : count == 3 ? ["train", "val", "test"] : (1...count).map { "part\($0)" } }
    ) { invocation throws(FinchError) in
        let data = try invocation.object("data", DatasetObject.self, what: "a data set")
        guard case .list(let elements)? = invocation.bound("parts")?.value, let parts = Functions.numbers(in: elements),
              parts.count >= 2, parts.allSatisfy({ $0 > 0 }) else {
            throw FinchError(DataCommandFailure.splitPercentages, at: invocation.place("parts"))
        }
        let source = data.dataset
        let pieces: [Dataset]
        do throws(DataError) {
            pieces = try source.split(parts, stratify: invocation.flag("stratify") ?? source.isLabeled, seed: invocation.interpreter.workbench.seed)
        } catch {
            throw FinchError(EngineRefusal.data(error), at: invocation.place("parts"))
        }
        return .list(pieces.map { .wrap(DatasetObject($0, splitSeed: invocation.interpreter.workbench.seed)) })
    }

    /// `sample DATA per_class: N`: N examples of each class (seeded).
    static let sample = Command(
        name: "sample", summary: "A few examples of each class, drawn with the session's seed.",
        positional: [Parameter("data", .any, doc: "the data set", required: true)],
        keywords: [Parameter("per_class", .number, doc: "examples of each class", required: true)]
    ) { invocation throws(FinchError) in
        let data = try invocation.object("data", DatasetObject.self, what: "a data set")
        let count = try invocation.requiredInteger("per_class", in: 1...1_000_000)
        let source = data.dataset
        let sampled: Dataset
        do throws(DataError) { sampled = try source.sample(perClass: count, seed: invocation.interpreter.workbench.seed) } catch {
            throw FinchError(EngineRefusal.data(error), at: invocation.place("per_class"))
        }
        return .wrap(DatasetObject(sampled, splitSeed: invocation.interpreter.workbench.seed))
    }
}
