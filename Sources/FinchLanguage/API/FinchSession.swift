import FinchDisplay

/// A Finch session: the variables that live across cells, and the entry points the kernel and
/// `finch run` call. Use a session from one thread only.
public final class FinchSession {
    /// The interpreter running the cells (internal, so tests can hand it objects).
    let interpreter: Interpreter

    /// A session with no variables, writing side output to `output` and asking `isInterrupted`
    /// at every statement and loop iteration whether to stop.
    public convenience init(output: any OutputSink, isInterrupted: @escaping @Sendable () -> Bool) {
        self.init(output: output, isInterrupted: isInterrupted, commands: .standard)
    }

    /// A session knowing `commands` instead of the standard ones.
    init(output: any OutputSink, isInterrupted: @escaping @Sendable () -> Bool, commands: CommandTable) {
        interpreter = Interpreter(commands: commands, output: output, isInterrupted: isInterrupted)
    }

    /// Runs a cell. On success the value is the rich form (main output and charts) of the last
    /// statement if that is an expression (or command) with a value other than `none`; the
    /// values of the unassigned statements before it are displayed as they come. On failure the
    /// variables keep what the statements before the failing one set; render the error with
    /// ``FinchError/rendered(source:cellName:)``.
    public func execute(_ source: String) -> ExecutionOutcome {
        do throws(FinchError) {
            if let name = PagerRequest.name(in: source) {
                interpreter.output.page(.preformatted(try PagerRequest.doc(of: name, in: source, commands: interpreter.commands)))
                return .success(nil)
            }
            let statements = try Parser.parse(source, commands: interpreter.commands)
            guard let value = try interpreter.run(statements), value != .none else { return .success(nil) }
            return .success(value.presentation)
        } catch {
            return .failure(error)
        }
    }

    /// Evaluates one expression without commands, for Jupyter's `user_expressions`.
    public func evaluate(_ expression: String) -> Result<MimeBundle, FinchError> {
        do throws(FinchError) {
            let expr = try Parser.parseExpression(expression, commands: interpreter.commands)
            return .success(try interpreter.evaluate(expr).presentation.main)
        } catch {
            return .failure(error)
        }
    }

    /// Candidates for the word before `cursor` (a Unicode-scalar offset into `source`).
    public func complete(_ source: String, cursor: Int) -> Completion {
        Completer(source: source, cursor: cursor, interpreter: interpreter).complete()
    }

    /// The doc of the name at or just before `cursor`: a command, function, keyword, property,
    /// keyword argument, or a variable's type and value; nil if there is no such name.
    public func inspect(_ source: String, cursor: Int) -> MimeBundle? {
        Inspector(source: source, cursor: cursor, interpreter: interpreter).inspect().map(MimeBundle.init(plainText:))
    }

    /// Whether `source` is ready to run, needs more lines, or can never be valid.
    public func isComplete(_ source: String) -> Completeness {
        CompletenessCheck.check(source, commands: interpreter.commands)
    }
}
