/// The kind of value a command parameter accepts; the interpreter checks it before the command runs.
enum ValueKind: Equatable, Sendable {
    /// Any value.
    case any
    /// A number.
    case number
    /// A string.
    case string
    /// `true` or `false`.
    case bool
    /// A bare word naming something, e.g. `print` in `help print`; taken as its text, not looked up.
    case word
    /// One of a fixed set of bare words (or the same as strings), e.g. `cosine|linear|constant`.
    case choice([String])
    /// One of a set of bare words, or else any value, e.g. `balanced|VALUE` for a list of weights.
    case wordOrValue([String])

    /// How usage lines show the kind, e.g. `NUMBER` or `cosine|linear`.
    var placeholder: String {
        switch self {
        case .any: "VALUE"
        case .number: "NUMBER"
        case .string: "STRING"
        case .bool: "true|false"
        case .word: "NAME"
        case .choice(let words): words.joined(separator: "|")
        case .wordOrValue(let words): (words + ["VALUE"]).joined(separator: "|")
        }
    }
}

/// One parameter of a command: positional, prepositional (`on DATA`) or keyword (`lr: 1e-3`).
struct Parameter: Sendable {
    /// The parameter's name: the keyword or preposition, or a name for a positional one.
    let name: String
    /// The kind of value it accepts.
    let kind: ValueKind
    /// What the parameter means, for `help` and inspection.
    let doc: String
    /// The value used when the argument is left out; nil leaves it absent.
    let defaultValue: Value?
    /// Whether the argument must be given.
    let isRequired: Bool
    /// For a choice: the command's keywords that are settings of each word, which may be written
    /// inside it (`method: lora(rank: 8)`) or beside it (`method: lora rank: 8`).
    let settings: [String: [String]]

    /// A parameter `name` of `kind`, documented by `doc`.
    init(_ name: String, _ kind: ValueKind, doc: String, default defaultValue: Value? = nil, required: Bool = false,
         settings: [String: [String]] = [:]) {
        self.name = name
        self.kind = kind
        self.doc = doc
        self.defaultValue = defaultValue
        self.isRequired = required
        self.settings = settings
    }

    /// The words of this choice that `keyword` is a setting of.
    func words(setBy keyword: String) -> [String] {
        settings.filter { $0.value.contains(keyword) }.map(\.key).sorted()
    }
}
