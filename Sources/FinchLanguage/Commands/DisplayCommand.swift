extension Command {
    /// `display VALUE [id: STRING] [update: true|false]`: a value as rich output.
    static let display = Command(
        name: "display",
        summary: "Show a value as display output; with an id, a later display can replace it.",
        positional: [Parameter("value", .any, doc: "the value to show", required: true)],
        keywords: [
            Parameter("id", .string, doc: "a name for this display, so 'update: true' can replace it later"),
            Parameter("update", .bool, doc: "replace the display named by 'id:' instead of adding one (its main output; charts after it stay)", default: .bool(false)),
        ]
    ) { invocation throws(FinchError) in
        let presentation = invocation.positional[0].value.presentation
        let id: String? = if case .string(let text) = invocation["id"] { text } else { nil }
        guard invocation["update"] == .bool(true) else {
            invocation.interpreter.output.display(presentation, id: id)
            return .none
        }
        guard let id else {
            throw FinchError(BuiltinCommandFailure.updateWithoutID, at: invocation.labelled["update"]?.range)
        }
        invocation.interpreter.output.updateDisplay(presentation.main, id: id)
        return .none
    }
}
