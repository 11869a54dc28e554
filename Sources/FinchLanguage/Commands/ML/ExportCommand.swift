import FinchEngine
internal import FinchJSON

extension Command {
    /// `export VALUE to PATH`: a table, data set (its rows with their ids), evaluation, run, runs or
    /// list as CSV (`.csv`) or JSON (`.json`).
    static let export = Command(
        name: "export",
        summary: "Write a table, a data set (its rows, with ids), predictions, an evaluation, a run (its history), runs or a list to a CSV or JSON file.",
        positional: [Parameter("value", .any, doc: "what to write: a table, a data set, predictions, an evaluation, a run, runs, a list",
                               required: true)],
        prepositions: [Parameter("to", .string, doc: "the file; .csv or .json decides the format", required: true)]
    ) { invocation throws(FinchError) in
        let value = invocation.bound("value")?.value ?? .none
        let path = invocation.string("to") ?? ""
        let text: String
        if path.hasSuffix(".json") {
            text = value.json.serialized + "\n"
        } else if path.hasSuffix(".csv") {
            text = try Command.tabulate(value, at: invocation.place("value")).csv
        } else {
            throw FinchError(OutputCommandFailure.exportExtension, at: invocation.place("to"))
        }
        do throws(FileWriteError) {
            try AtomicFile.write(to: path) { (file) throws(FileWriteError) in try file.append(Array(text.utf8)) }
        } catch {
            throw FinchError(OutputCommandFailure.notWritten(error), at: invocation.place("to"))
        }
        invocation.interpreter.output.write("wrote \(path)\n", to: .stdout)
        return .none
    }
}
