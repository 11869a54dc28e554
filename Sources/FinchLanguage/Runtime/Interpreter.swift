/// Runs statements against variables that live as long as the session (jlox's Interpreter).
///
/// Every statement and every loop iteration first asks whether the user interrupted. A failing
/// statement leaves the variables as the statements before it set them.
final class Interpreter {
    /// The most elements a list may hold (and bytes a string may hold).
    static let maxListCount = 10_000_000

    /// The variables, by name; one scope for the whole session.
    private(set) var variables: [String: Value] = [:]
    /// The commands statements may use.
    let commands: CommandTable
    /// Where commands send text and displays.
    let output: any OutputSink
    /// The names the running statement assigns to (`ft` in `ft = finetune …`), so commands can
    /// name what they make; empty outside an assignment.
    private(set) var assigningTo: [String] = []
    /// Seed, runs and guards of the training commands.
    let workbench = Workbench()
    /// Whether the user asked to stop; see also ``cancellation``.
    let isInterrupted: @Sendable () -> Bool
    /// Whether a command of the running cell stopped early because the user asked.
    private var stoppedEarly = false

    /// An interpreter with no variables.
    init(commands: CommandTable, output: any OutputSink, isInterrupted: @escaping @Sendable () -> Bool) {
        self.commands = commands
        self.output = output
        self.isInterrupted = isInterrupted
    }

    /// Runs a cell's `statements` in order and returns the value of the last one if it is an
    /// expression statement. The values of the expression statements before it are shown as
    /// they come (`summary gpt` then `evaluate clf on test` shows both); assigned values are not.
    /// A command that stopped early at an interrupt (training keeps its finished steps) ends the
    /// cell as interrupted once its statement is done, so front ends stop their queue of cells.
    func run(_ statements: [Stmt]) throws(FinchError) -> Value? {
        var result: Value?
        stoppedEarly = false
        for statement in statements {
            if let shown = result, shown != .none { output.display(shown.presentation) }
            result = try execute(statement)
            if stoppedEarly { throw .interrupted(at: statement.range, keeping: statement.assignedNames) }
        }
        return result
    }

    /// Runs the statements of a block (the body of `for`, `if` or `repeat`, a command's block),
    /// showing the value of each expression statement that has one, as the statements of a cell
    /// before its last are shown: a `table` or `compare` inside a loop shows at every turn.
    func runBlock(_ statements: [Stmt]) throws(FinchError) {
        for statement in statements {
            if let value = try execute(statement), value != .none { output.display(value.presentation) }
        }
    }

    /// Throws ``FinchError/interrupted(at:)`` if the user asked to stop.
    func checkInterruption(at range: SourceRange) throws(FinchError) {
        if isInterrupted() { throw .interrupted(at: range) }
    }

    /// Whether the user asked to stop, for long commands that stop gracefully (training keeps
    /// the last finished step) instead of throwing; the cell then ends as interrupted.
    func stopRequested() -> Bool {
        let requested = isInterrupted()
        if requested { stoppedEarly = true }
        return requested
    }

    /// Binds `name` to `value`, as commands that name what they make do (`model gpt { … }`).
    func define(_ name: String, _ value: Value) {
        variables[name] = value
    }

    /// Every name a user can write where a value is expected: variables, commands, functions,
    /// keywords.
    var knownNames: [String] {
        Array(variables.keys) + commands.names + Functions.names + Keyword.allCases.map(\.rawValue)
    }

    private func execute(_ statement: Stmt) throws(FinchError) -> Value? {
        try checkInterruption(at: statement.range)
        switch statement.kind {
        case .expression(let expr):
            let value = try evaluate(expr)
            if case .command(let call) = expr.kind, commands[call.name.text]?.displaysItsValue == true { return nil }
            return value
        case .assign(let targets, let expr):
            assigningTo = targets.map(\.text)
            defer { assigningTo = [] }
            let value = try evaluate(expr)
            if targets.count == 1, case .command(let call) = expr.kind, case .list(let parts) = value,
               let names = commands[call.name.text]?.unpackedNames?(parts.count) {
                throw FinchError(OperationFailure.unpackedIntoOne(command: call.name.text, names: names), at: targets[0].range)
            }
            try assign(value, to: targets, from: expr.range)
        case .forLoop(let variable, let iterable, let body):
            let sequence = try evaluate(iterable)
            try Iteration.forEach(in: sequence, at: iterable.range) { (element) throws(FinchError) in
                try checkInterruption(at: statement.range)
                variables[variable.text] = element
                try runBlock(body)
            }
        case .ifElse(let condition, let then, let otherwise):
            let chosen = try truth(of: condition, as: .ifCondition)
            try runBlock(chosen ? then : otherwise)
        }
        return nil
    }

    private func assign(_ value: Value, to targets: [Name], from range: SourceRange) throws(FinchError) {
        guard targets.count > 1 else {
            variables[targets[0].text] = value
            return
        }
        let elements: [Value]
        switch value {
        case .list(let list): elements = list
        case .range(let range) where range.count <= Interpreter.maxListCount:
            elements = (0..<range.count).map(range.element(at:))
        default:
            throw FinchError(OperationFailure.cannotUnpack(type: value.typeDescription, names: targets.count), at: range)
        }
        guard elements.count == targets.count else {
            throw FinchError(OperationFailure.unpackCount(values: elements.count, names: targets.count), at: range)
        }
        for (target, element) in zip(targets, elements) {
            variables[target.text] = element
        }
    }

    /// Evaluates `expr`, written as `condition`, which must be a boolean.
    func truth(of expr: Expr, as condition: OperationFailure.Condition) throws(FinchError) -> Bool {
        let value = try evaluate(expr)
        guard case .bool(let truth) = value else {
            throw FinchError(OperationFailure.notABoolean(condition, type: value.typeDescription), at: expr.range)
        }
        return truth
    }
}
