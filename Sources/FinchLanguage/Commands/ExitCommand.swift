extension Command {
    /// `exit`: ends the session in a console or a script; a notebook ignores it.
    static let exit = Command(name: "exit", summary: "End the session: a console closes, a script stops.") { invocation in
        invocation.interpreter.output.endSession()
        return .none
    }

    /// `quit`: the same as `exit`.
    static let quit = Command(name: "quit", summary: "End the session (the same as 'exit').") { invocation in
        invocation.interpreter.output.endSession()
        return .none
    }
}
