/// The commands a session knows, by name.
struct CommandTable: Sendable {
    private let byName: [String: Command]

    /// A table of `commands`; a later command replaces an earlier one of the same name.
    init(_ commands: [Command]) {
        byName = Dictionary(commands.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
    }

    /// The commands every session starts with. Add a new command here.
    static let standard = CommandTable(
        [Command.print, .warn, .display, .clear, .sleep, .help, .repeat, .ask, .exit, .quit, .seed, .model, .summary,
         .copy, .pretrain, .finetune, .evaluate, .predict, .generate, .prompt, .runs, .compare, .table, .plot,
         .save, .load, .export, .tasks, .continual, .quantize, .prune, .factorize, .distill, .compression]
         + Command.layers + Command.data)

    /// The command called `name`, if any.
    subscript(name: String) -> Command? { byName[name] }

    /// All command names, sorted.
    var names: [String] { byName.keys.sorted() }

    /// All commands, sorted by name.
    var all: [Command] { names.compactMap { byName[$0] } }
}
