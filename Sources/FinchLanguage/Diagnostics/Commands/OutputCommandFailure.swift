import FinchEngine

/// What `plot`, `export`, `save` and `load` cannot draw, write or read: values that are not
/// series, records without the field asked for, file names of the wrong kind, and files that
/// could not be written or read.
enum OutputCommandFailure: LanguageFailure, Equatable, Sendable {
    /// `by:` given with a value of type `type`, which is not a list of records.
    case byOfNonRecords(type: String)
    /// `names:` with `names` names for `series` series.
    case seriesNames(names: Int, series: Int)
    /// Records without the field `field`; `fields` are those they have.
    case noField(String, fields: [String])
    /// The field `field` is not a number in every record.
    case fieldNotNumber(String)
    /// No field of the records, but `by` if given, is a number in every record.
    case noNumericField(by: String?)
    /// `plot` of a value of type `type`.
    case plotInput(type: String)
    /// `plot` of a list whose element `index` is of type `type`.
    case plotElement(index: Int, type: String)
    /// A chart file that ends in neither `.svg` nor `.txt`.
    case chartExtension
    /// An exported file that ends in neither `.csv` nor `.json`.
    case exportExtension
    /// A file that could not be written; the one before is kept.
    case notWritten(FileWriteError)
    /// A checkpoint that could not be saved to `path`.
    case cannotSave(path: String, CheckpointError)
    /// A checkpoint that could not be loaded from `path`.
    case cannotLoad(path: String, CheckpointError)

    /// An argument error for `by:` of other values, type errors for values of the wrong type,
    /// value errors otherwise.
    var kind: ErrorKind {
        switch self {
        case .byOfNonRecords: .argument
        case .fieldNotNumber, .plotInput, .plotElement: .type
        case .seriesNames, .noField, .noNumericField, .chartExtension, .exportExtension, .notWritten, .cannotSave, .cannotLoad: .value
        }
    }

    /// What cannot be drawn, written or read.
    var message: String {
        switch self {
        case .byOfNonRecords(let type): "'by:' chooses the x field of a list of records, not of \(type)"
        case let .seriesNames(names, series): "\(names) names for \(series) series"
        case .noField(let field, _): "the records have no field '\(field)'"
        case .fieldNotNumber(let field): "the field '\(field)' must be a number in every record"
        case .noNumericField(let by): "\(by.map { "no field but '\($0)'" } ?? "no field") is a number in every record"
        case .plotInput(let type): "'plot' needs numbers, lists of numbers or runs, not \(type)"
        case let .plotElement(index, type): "'plot' needs numbers, lists of numbers or runs; element \(index) is \(type)"
        case .chartExtension: "the chart file must end in .svg or .txt"
        case .exportExtension: "the file must end in .csv or .json"
        case .notWritten(let error): error.description
        case let .cannotSave(path, error): "cannot save to \(Value.quote(path)): \(error)"
        case let .cannotLoad(path, error): "cannot load \(Value.quote(path)): \(error)"
        }
    }

    /// The closest field or the fields there are, and that a file not written is unchanged.
    var note: String? {
        switch self {
        case let .noField(field, fields): Suggestion.note(for: field, in: fields) ?? "their fields are \(fields.joined(separator: ", "))"
        case .notWritten: "the file that was there before is unchanged"
        case .byOfNonRecords, .seriesNames, .fieldNotNumber, .noNumericField, .plotInput, .plotElement, .chartExtension, .exportExtension,
             .cannotSave, .cannotLoad: nil
        }
    }
}
