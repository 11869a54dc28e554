#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Command {
    /// `sleep SECONDS`: waits, checking for an interrupt every 10 ms.
    static let sleep = Command(
        name: "sleep",
        summary: "Wait for a number of seconds; an interrupt stops the wait.",
        positional: [Parameter("seconds", .number, doc: "how long to wait, from 0 to 3600", required: true)]
    ) { invocation throws(FinchError) in
        let argument = invocation.positional[0]
        guard case .number(let seconds) = argument.value, (0...3600).contains(seconds) else {
            throw FinchError(BuiltinCommandFailure.sleepSeconds(value: argument.value.text), at: argument.range)
        }
        var remaining = Int((seconds * 1_000_000).rounded())
        while remaining > 0 {
            try invocation.interpreter.checkInterruption(at: invocation.range)
            let step = min(remaining, 10_000)
            usleep(useconds_t(step))
            remaining -= step
        }
        return .none
    }
}
