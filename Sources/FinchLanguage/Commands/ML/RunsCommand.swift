import FinchDisplay

extension Command {
    /// `runs`: every run of the session as a table; also a value, as in `table runs`.
    static let runs = Command(
        name: "runs",
        summary: "Tabulate every pretrain and finetune run of this session.",
        readsAsValue: true
    ) { invocation in
        let runs = invocation.interpreter.workbench.runs
        return .wrap(TableObject(Table(columns: RunObject.columns, rows: runs.map(\.row), caption: "runs of this session",
                                       maxRows: max(40, runs.count)), name: "runs"))
    }
}
