/// Data that `data`, `split`, `tasks` and `table` cannot read or cut: a missing column, parts
/// that are not percentages, tasks cut two ways, and values that make no table.
enum DataCommandFailure: LanguageFailure, Equatable, Sendable {
    /// The file `path` has no column `column`; `columns` are those it has.
    case noColumn(path: String, column: String, suggestion: String?, columns: [String])
    /// `split` given parts that are not all positive.
    case splitPercentages
    /// `tasks` given both `per_task:` and `by:`.
    case tasksCutTwice
    /// `tasks … by: column` of `data`, grouped by `group`.
    case groupedByOther(data: String, group: String, column: String)
    /// The cutting argument `label` given with a list of data sets.
    case cutOfList(label: String)
    /// `tasks` given a list holding a value of type `type`.
    case tasksListElement(type: String)
    /// `columns:` with `names` names for `columns` columns.
    case columnNames(names: Int, columns: Int)
    /// `table` of a value of type `type`.
    case tableInput(type: String)

    /// Argument errors for arguments that do not go together, type errors for values of the
    /// wrong type, value errors otherwise.
    var kind: ErrorKind {
        switch self {
        case .tasksCutTwice, .cutOfList: .argument
        case .tasksListElement, .tableInput: .type
        case .noColumn, .splitPercentages, .groupedByOther, .columnNames: .value
        }
    }

    /// What cannot be read or cut.
    var message: String {
        switch self {
        case let .noColumn(path, column, _, _): "'\(path)' has no column '\(column)'"
        case .splitPercentages: "'split' needs positive percentages, e.g. [80, 20]"
        case .tasksCutTwice: "'tasks' cuts by class with per_task: or by a column with by:, not both"
        case let .groupedByOther(data, group, column): "\(data) is grouped by '\(group)', not '\(column)'"
        case .cutOfList(let label): "'\(label):' cuts one data set; a list of data sets makes one task of each, with its own test part"
        case .tasksListElement(let type): "'tasks' needs a list of data sets, but it holds \(type)"
        case let .columnNames(names, columns): "\(names) column names for \(columns) columns"
        case .tableInput(let type): "'table' needs a list, a data set, a run or a table, not \(type)"
        }
    }

    /// The columns there are, or how to cut the data instead.
    var note: String? {
        switch self {
        case let .noColumn(_, _, suggestion, columns):
            let listing = "its columns are " + columns.map(Value.quote).joined(separator: ", ")
            return suggestion.map { "did you mean '\($0)'? \(listing)" } ?? listing
        case let .groupedByOther(_, group, column):
            return "read the file again with group: \(Value.quote(column)), or write by: \(Value.quote(group))"
        case .cutOfList(let label): return "leave out \(label):, or give one data set"
        case .splitPercentages, .tasksCutTwice, .tasksListElement, .columnNames, .tableInput: return nil
        }
    }
}
