import FinchEngine

/// Arguments that do not fit a command: unknown or repeated labels, missing values, settings of
/// the wrong choice, and values of the wrong type or outside the limits of their parameter.
///
/// `usage` is the command's usage line (``CommandDoc/usage(of:)``), shown in the note.
enum ArgumentFailure: LanguageFailure, Equatable, Sendable {
    /// A label the command does not take; `labels` are those it takes.
    case unknownLabel(command: String, label: String, labels: [String])
    /// A label written twice in one command.
    case givenTwice(label: String)
    /// A required positional `parameter` left out.
    case missingValue(command: String, parameter: String, usage: String)
    /// A required labelled `parameter` left out.
    case missingParameter(command: String, parameter: String, usage: String)
    /// An object argument left out; `what` describes it, as `a model`.
    case missingObject(command: String, what: String, usage: String)
    /// An object argument `parameter` holding a value of type `type` instead of `what`.
    case wrongObject(command: String, what: String, parameter: String, type: String)
    /// More unlabelled values than the command's `positional` parameters.
    case tooManyValues(command: String, positional: Int, usage: String)
    /// A setting of `parameter: word` written without its name; `settings` are the word's settings.
    case unlabelledSetting(parameter: String, word: String, settings: [String])
    /// `label` written inside `parameter: word(…)`, which does not take it.
    case notASetting(label: String, parameter: String, word: String, settings: [String])
    /// The setting `label` given while `choice` is `chosen`, which does not use it; `owners` are
    /// the words that do and `settings` those of `chosen`.
    case settingOfAnotherChoice(label: String, choice: String, owners: [String], chosen: String, settings: [String])
    /// A word parameter `label` given something other than a name.
    case needsName(command: String, label: String)
    /// A choice parameter `label` given a value of type `type` instead of one of `words`.
    case needsChoice(command: String, label: String, words: [String], type: String)
    /// A choice parameter `label` given `word`, which is not one of `words`.
    case notAChoice(word: String, label: String, words: [String])
    /// A parameter `label` that takes `expected`, given a value of type `type`.
    case wrongKind(command: String, label: String, expected: ValueKind, type: String)
    /// An argument `name` (of a command, or a function's `digits:`) that must be a whole number
    /// within `limits`, given `value`.
    case wholeNumberOutOfLimits(name: String, limits: ClosedRange<Int>, value: String)
    /// An argument `name` that must be a number within `limits`, given `value`.
    case numberOutOfLimits(name: String, limits: ClosedRange<Double>, value: String)
    /// A list argument `name` of strings holding an element of type `type`.
    case notStrings(name: String, type: String)
    /// An argument `name` of strings given a value of type `type`.
    case notStringOrList(name: String, type: String)

    /// Argument errors, but type errors for values of the wrong type and value errors for values
    /// outside their parameter's range.
    var kind: ErrorKind {
        switch self {
        case .unknownLabel, .givenTwice, .missingValue, .missingParameter, .missingObject, .tooManyValues, .unlabelledSetting,
             .notASetting, .settingOfAnotherChoice: .argument
        case .wrongObject, .needsName, .needsChoice, .wrongKind, .notStrings, .notStringOrList: .type
        case .notAChoice, .wholeNumberOutOfLimits, .numberOutOfLimits: .value
        }
    }

    /// Which argument does not fit, and how.
    var message: String {
        switch self {
        case let .unknownLabel(command, label, _): "'\(command)' has no argument '\(label)'"
        case .givenTwice(let label): "'\(label)' is given twice"
        case let .missingValue(command, parameter, _): "'\(command)' needs a value for \(parameter)"
        case let .missingParameter(command, parameter, _): "'\(command)' needs '\(parameter)'"
        case let .missingObject(command, what, _): "'\(command)' needs \(what)"
        case let .wrongObject(command, what, parameter, type): "'\(command)' needs \(what) for \(parameter), not \(type)"
        case let .tooManyValues(command, positional, _):
            "'\(command)' takes \(positional == 0 ? "no values" : positional == 1 ? "1 value" : "\(positional) values") without a label"
        case let .unlabelledSetting(parameter, word, _): "the settings of \(parameter): \(word) are written name: value"
        case let .notASetting(label, parameter, word, _): "'\(label)' is not a setting of \(parameter): \(word)"
        case let .settingOfAnotherChoice(label, choice, owners, chosen, _):
            "'\(label):' is a setting of \(choice): \(owners.joined(separator: " or ")), not of \(chosen)"
        case let .needsName(command, label): "'\(command)' needs a name for \(label), as in '\(command) print'"
        case let .needsChoice(command, label, words, type):
            "'\(command)' needs one of \(words.joined(separator: ", ")) for \(label), not \(type)"
        case let .notAChoice(word, label, words): "'\(word)' is not a value of \(label); expected \(words.joined(separator: ", "))"
        case let .wrongKind(command, label, expected, type): "'\(command)' needs \(Self.describe(expected)) for \(label), not \(type)"
        case let .wholeNumberOutOfLimits(name, limits, value):
            "'\(name)' must be a whole number from \(limits.lowerBound) to \(limits.upperBound), not \(value)"
        case let .numberOutOfLimits(name, limits, value):
            "'\(name)' must be a number from \(Value.format(limits.lowerBound)) to \(Value.format(limits.upperBound)), not \(value)"
        case let .notStrings(name, type): "'\(name)' needs strings, not \(type)"
        case let .notStringOrList(name, type): "'\(name)' needs a string or a list of strings, not \(type)"
        }
    }

    /// The usage line, the settings a choice takes, or the closest existing label or word.
    var note: String? {
        switch self {
        case let .unknownLabel(_, label, labels): Suggestion.note(for: label, in: labels)
        case .missingValue(_, _, let usage), .missingParameter(_, _, let usage), .missingObject(_, _, let usage),
             .tooManyValues(_, _, let usage):
            "usage: \(usage)"
        case let .unlabelledSetting(_, word, settings): Self.settingsNote(settings, of: word)
        case let .notASetting(label, _, word, settings):
            Suggestion.note(for: label, in: settings) ?? Self.settingsNote(settings, of: word)
        case let .settingOfAnotherChoice(_, _, _, chosen, settings): Self.settingsNote(settings, of: chosen)
        case let .notAChoice(word, _, words): Suggestion.note(for: word, in: words)
        case .givenTwice, .wrongObject, .needsName, .needsChoice, .wrongKind, .wholeNumberOutOfLimits, .numberOutOfLimits,
             .notStrings, .notStringOrList:
            nil
        }
    }

    /// The settings a choice `word` takes: `word takes a:, b:`, or `word takes no settings`.
    private static func settingsNote(_ settings: [String], of word: String) -> String {
        settings.isEmpty ? "\(word) takes no settings" : "\(word) takes " + settings.map { $0 + ":" }.joined(separator: ", ")
    }

    /// The values a parameter of `kind` takes, as `a number`.
    private static func describe(_ kind: ValueKind) -> String {
        switch kind {
        case .any: "a value"
        case .number: "a number"
        case .string: "a string"
        case .bool: "true or false"
        case .word: "a name"
        case .choice(let words): "one of \(words.joined(separator: ", "))"
        case .wordOrValue(let words): "\(words.joined(separator: ", ")) or a value"
        }
    }
}
