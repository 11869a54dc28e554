import FinchEngine

/// A name that does not exist where it was written: a variable, command, function, property,
/// record field or table column. Each case holds the names that do exist there, for the
/// "did you mean" note.
enum NameFailure: LanguageFailure, Equatable, Sendable {
    /// A statement starting with a word that is not a command.
    case unknownCommand(String, commands: [String])
    /// A name with no value, command or function behind it.
    case unknownName(String, known: [String])
    /// A call of a function that does not exist.
    case unknownFunction(String, functions: [String])
    /// A command's name read as a value.
    case commandAsValue(String)
    /// A command's name called like a function, with parentheses.
    case commandCalled(String)
    /// A function's name read as a value, without parentheses.
    case functionAsValue(String)
    /// `.name` on a value of type `type`, which has no properties at all.
    case noProperties(type: String)
    /// `.name` on a value of type `type` whose properties are `properties`.
    case unknownProperty(String, type: String, properties: [String])
    /// `record["name"]` on a record of type `type` whose fields are `fields`.
    case unknownField(String, type: String, fields: [String])
    /// `table["name"]` on a table whose columns are `columns`.
    case unknownColumn(String, columns: [String])
    /// `help name`, where `name` is neither a command nor a function; `topics` are those with help.
    case noHelp(String, topics: [String])

    /// Always ``ErrorKind/name``.
    var kind: ErrorKind { .name }

    /// Which name is missing, and from where.
    var message: String {
        switch self {
        case .unknownCommand(let name, _): "unknown command '\(name)'"
        case .unknownName(let name, _): "unknown name '\(name)'"
        case .unknownFunction(let name, _): "unknown function '\(name)'"
        case .commandAsValue(let name): "'\(name)' is a command; write it at the start of a statement"
        case .commandCalled(let name): "'\(name)' is a command; write it at the start of a statement without parentheses"
        case .functionAsValue(let name): "'\(name)' is a function; call it with parentheses, as in \(name)(…)"
        case .noProperties(let type): "\(type) has no properties"
        case let .unknownProperty(name, type, _): "\(type) has no property '\(name)'"
        case let .unknownField(name, type, _): "\(type) has no field '\(name)'"
        case .unknownColumn(let name, _): "the table has no column '\(name)'"
        case .noHelp(let name, _): "no help for '\(name)'"
        }
    }

    /// The closest existing name, or (for properties and columns) the names that exist.
    var note: String? {
        switch self {
        case let .unknownCommand(name, names), let .unknownName(name, names), let .unknownFunction(name, names),
             let .unknownField(name, _, names), let .noHelp(name, names):
            Suggestion.note(for: name, in: names)
        case let .unknownProperty(name, _, properties):
            Suggestion.note(for: name, in: properties).map { $0 + " " + Self.listing("its properties are", properties) }
                ?? Self.listing("its properties are", properties)
        case let .unknownColumn(name, columns):
            Suggestion.note(for: name, in: columns) ?? Self.listing("its columns are", columns)
        case .commandAsValue, .commandCalled, .functionAsValue, .noProperties: nil
        }
    }

    private static func listing(_ lead: String, _ names: [String]) -> String {
        lead + " " + names.joined(separator: ", ")
    }
}
