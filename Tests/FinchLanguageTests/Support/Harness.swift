import FinchDisplay
@testable import FinchLanguage
import Synchronization

/// A session with a recording sink, and shortcuts for what tests ask of it.
struct Harness {
    let sink = RecordingSink()
    let session: FinchSession

    /// A session with the standard commands plus `train` (see ``Harness/train``).
    init(isInterrupted: @escaping @Sendable () -> Bool = { false }) {
        session = FinchSession(output: sink, isInterrupted: isInterrupted,
                               commands: CommandTable(CommandTable.standard.all + [Harness.train]))
    }

    /// Runs `source` and returns its result's text, or `nil` for no result; an error fails with
    /// its rendering.
    @discardableResult
    func result(_ source: String) -> String? {
        switch session.execute(source) {
        case .success(let presentation): return presentation?.main.plainText
        case .failure(let error): return "unexpected " + error.rendered(source: source, cellName: "cell [1]").joined(separator: "\n")
        }
    }

    /// Runs `source`, which must fail, and returns the error.
    func error(_ source: String) -> FinchError? {
        if case .failure(let error) = session.execute(source) { return error }
        return nil
    }

    /// Runs `source` as `cell [3]`, which must fail, and returns the rendered traceback.
    func rendered(_ source: String) -> [String] {
        guard case .failure(let error) = session.execute(source) else { return [] }
        return error.rendered(source: source, cellName: "cell [3]")
    }

    /// A command shaped like the training commands to come:
    /// `train MODEL on DATA [steps: NUMBER] [schedule: cosine|linear|constant]`.
    static let train = Command(
        name: "train",
        summary: "Train a model (a test double).",
        positional: [Parameter("model", .any, doc: "the model to train", required: true)],
        prepositions: [Parameter("on", .any, doc: "the data to train on", required: true)],
        keywords: [
            Parameter("steps", .number, doc: "how many steps", default: .number(10)),
            Parameter("schedule", .choice(["cosine", "linear", "constant"]), doc: "how the learning rate changes",
                      default: .symbol("constant")),
        ]
    ) { invocation in
        .record(Record(typeName: "training", fields: [
            Record.Field(name: "model", value: invocation.positional[0].value),
            Record.Field(name: "data", value: invocation["on"] ?? .none),
            Record.Field(name: "steps", value: invocation["steps"] ?? .none),
            Record.Field(name: "schedule", value: invocation["schedule"] ?? .none),
        ]))
    }
}

/// An interrupt flag that flips after a number of checks, and back once seen, as a kernel clears
/// its flag when the interrupt has been delivered.
final class Countdown: Sendable {
    private let left: Atomic<Int>

    /// A flag that is false for the first `checks` checks, true for the next, then false.
    init(checks: Int) { left = Atomic(checks) }

    /// Whether the user has just interrupted; each call counts one check.
    func check() -> Bool { left.subtract(1, ordering: .relaxed).newValue == -1 }

    /// Checks left before the flag flips.
    var remaining: Int { left.load(ordering: .relaxed) }
}
