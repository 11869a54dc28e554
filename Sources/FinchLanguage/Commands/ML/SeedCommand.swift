extension Command {
    /// `seed [N]`: sets the session's seed, or gives it.
    static let seed = Command(
        name: "seed",
        summary: "Set the seed every model, split and run draws from (the default is 42); without a number, give it.",
        positional: [Parameter("value", .number, doc: "a whole number from 0 to 4294967295")]
    ) { invocation throws(FinchError) in
        let workbench = invocation.interpreter.workbench
        guard let value = try invocation.integer("value", in: 0...Int(UInt32.max)) else { return .number(Double(workbench.seed)) }
        workbench.seed = UInt64(value)
        return .none
    }
}
