import FinchData
import FinchEngine

/// What `prompt` cannot score: a model that is not a language model, data without texts or
/// labels, a template without `{text}`, demonstrations of other classes, and verbalisers that do
/// not name the classes or that the tokenizer cannot read.
enum PromptCommandFailure: LanguageFailure, Equatable, Sendable {
    /// `shots:` given `value`, which is neither a count of demonstrations nor a list of them.
    case shots(value: String)
    /// `model` has a `head` head, not `lm`.
    case notALanguageModel(model: String, head: HeadKind)
    /// `model` cannot generate.
    case cannotPrompt(model: String, GenerationError)
    /// A template without `{text}`.
    case templateWithoutText
    /// Demonstrations of classes `demonstrations`, where `data` has `classes`.
    case demonstrationClasses([String], data: String, classes: [String])
    /// `data` holds rows of numbers, not texts.
    case numericData(data: String)
    /// `data` has no labels.
    case noLabels(data: String)
    /// `labels:` not a record; `classes` are the data set's classes, for the example.
    case verbalisersNotRecord(classes: [String])
    /// The verbaliser of `label`, of type `type`, is not a string.
    case verbaliserNotString(label: String, type: String, classes: [String])
    /// Verbalisers refused by ``PromptVerbalisers``, read by a `tokenizer` tokenizer.
    case verbalisers(PromptVerbalisers.Problem, tokenizer: Tokenizer.Kind, classes: [String])

    /// Type errors for verbalisers of the wrong type, value errors otherwise.
    var kind: ErrorKind {
        switch self {
        case .verbalisersNotRecord, .verbaliserNotString: .type
        case .shots, .notALanguageModel, .cannotPrompt, .templateWithoutText, .demonstrationClasses, .numericData, .noLabels,
             .verbalisers: .value
        }
    }

    /// What cannot be prompted or scored.
    var message: String {
        switch self {
        case .shots(let value): "'shots' must be a whole number of demonstrations (0 or more), or a list of them, not \(value)"
        case let .notALanguageModel(model, head): "\(model) has a \(head.rawValue) head; prompting needs a language model (an lm head)"
        case let .cannotPrompt(model, error): "\(model) cannot be prompted: \(error.description)"
        case .templateWithoutText: "the template has no {text}, so the texts have nowhere to go"
        case let .demonstrationClasses(demonstrations, data, classes):
            "the demonstrations' classes (\(demonstrations.joined(separator: ", "))) are not those of \(data) (\(classes.joined(separator: ", ")))"
        case .numericData(let data): "\(data) holds rows of numbers; prompting reads texts"
        case .noLabels(let data): "\(data) has no labels to score against"
        case .verbalisersNotRecord: "'labels' needs a record of one verbaliser per class"
        case let .verbaliserNotString(label, type, _): "the verbaliser of \(label) must be a string, not \(type)"
        case let .verbalisers(problem, tokenizer, _):
            switch problem {
            case .missing(let names): "'labels' has no verbaliser for \(names.joined(separator: ", "))"
            case let .extra(name, suggestion): "the data set has no class \(name)" + (suggestion.map { "; did you mean \($0)?" } ?? "")
            case .empty(let name): "the verbaliser of \(name) has no words"
            case let .unknown(piece, word, _):
                "the \(tokenizer.rawValue) tokenizer does not know \"\(piece)\" (in the verbaliser \"\(word)\"): the model could only read it as <unk>"
            }
        }
    }

    /// How to write the shots, template or verbalisers, or which data or model to use.
    var note: String? {
        switch self {
        case .shots: "e.g. shots: 4, or shots: [0, 1, 4, 16] seeds: 3"
        case .notALanguageModel: "prompt the pre-trained language model, not a classifier copied from it"
        case .templateWithoutText: "write {text} where each text goes, e.g. template: \"{text} it was\""
        case .demonstrationClasses: "draw demonstrations from a split of the same data set"
        case .noLabels: "load it with label: COLUMN"
        case .verbalisersNotRecord(let classes), .verbaliserNotString(_, _, let classes): "write \(Self.example(classes))"
        case let .verbalisers(problem, _, classes):
            switch problem {
            case .missing, .empty: "write \(Self.example(classes))"
            case .extra: "its classes are \(classes.joined(separator: ", ")); write \(Self.example(classes))"
            case .unknown(_, _, let suggestion):
                (suggestion.map { "did you mean \"\($0)\"? " } ?? "") + "choose words the tokenizer's vocabulary holds (tok.tokens lists them)"
            }
        case .cannotPrompt, .numericData: nil
        }
    }

    /// A `labels:` record naming every class, as `labels: record(neg: "WORD", pos: "WORD")`.
    private static func example(_ classes: [String]) -> String {
        "labels: record(" + classes.map { "\($0): \"WORD\"" }.joined(separator: ", ") + ")"
    }
}
