#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import FinchJSON

extension Command {
    /// `export VALUE to PATH`: a table, run, runs or list as CSV (`.csv`) or JSON (`.json`).
    static let export = Command(
        name: "export",
        summary: "Write a table, a run (its history), runs or a list to a CSV or JSON file.",
        positional: [Parameter("value", .any, doc: "what to write: a table, a run, runs, a list", required: true)],
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
            throw FinchError(.value, "the file must end in .csv or .json", at: invocation.place("to"))
        }
        guard let file = fopen(path, "wb") else {
            throw FinchError(.value, "cannot write \(Value.quote(path)): \(String(cString: strerror(errno)))", at: invocation.place("to"))
        }
        let bytes = Array(text.utf8)
        let written = fwrite(bytes, 1, bytes.count, file)
        fclose(file)
        guard written == bytes.count else {
            throw FinchError(.value, "cannot write \(Value.quote(path)): the disk refused", at: invocation.place("to"))
        }
        invocation.interpreter.output.write("wrote \(path)\n", to: .stdout)
        return .none
    }
}
