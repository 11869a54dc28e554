/// Whether a command takes a trailing `{ … }` block.
enum BlockUse: Sendable {
    /// No block may follow.
    case none
    /// A block must follow.
    case required
}

/// A command of the Finch language: `name positional… preposition value… key: value… { block }`.
///
/// Each command is one value in one file (see `PrintCommand.swift`), listed in
/// ``CommandTable/standard``. The interpreter checks the arguments against the parameters
/// before calling ``run``, so `run` reads them already typed.
struct Command: Sendable {
    /// The name that starts the command.
    let name: String
    /// One line saying what the command does.
    let summary: String
    /// Parameters given in order without a label.
    let positional: [Parameter]
    /// Whether the last positional parameter takes any number of values (as `print` does).
    let repeatsLastPositional: Bool
    /// Parameters introduced by a preposition, e.g. `on` in `pretrain gpt on text`.
    let prepositions: [Parameter]
    /// Parameters written `key: value`.
    let keywords: [Parameter]
    /// Whether a trailing block is taken.
    let block: BlockUse
    /// Whether the name alone also reads as a value inside expressions (`table runs`): only for
    /// commands that need no arguments and have no side effects.
    let readsAsValue: Bool
    /// Whether the command shows its value itself while it runs (training's live progress is
    /// followed by the run), so a statement of it alone is not also the cell's result.
    let displaysItsValue: Bool
    /// For a command whose value is a list meant to be unpacked (`train, test = split …`): the
    /// usual names of a list of that many values. Assigning such a list to one name is an error
    /// that suggests them.
    let unpackedNames: (@Sendable (Int) -> [String])?
    /// Runs the command and returns its value (``Value/none`` if it has none).
    let run: @Sendable (Invocation) throws(FinchError) -> Value

    /// A command; see the properties for the meaning of each argument.
    init(name: String, summary: String, positional: [Parameter] = [], repeatsLastPositional: Bool = false,
         prepositions: [Parameter] = [], keywords: [Parameter] = [], block: BlockUse = .none, readsAsValue: Bool = false,
         displaysItsValue: Bool = false, unpackedNames: (@Sendable (Int) -> [String])? = nil,
         run: @escaping @Sendable (Invocation) throws(FinchError) -> Value) {
        self.name = name
        self.summary = summary
        self.positional = positional
        self.repeatsLastPositional = repeatsLastPositional
        self.prepositions = prepositions
        self.keywords = keywords
        self.block = block
        self.readsAsValue = readsAsValue
        self.displaysItsValue = displaysItsValue
        self.unpackedNames = unpackedNames
        self.run = run
    }

    /// The prepositional or keyword parameter called `name`.
    func labelled(_ name: String) -> Parameter? {
        prepositions.first { $0.name == name } ?? keywords.first { $0.name == name }
    }
}
