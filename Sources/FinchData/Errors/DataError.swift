import FinchEngine

/// Why data could not be read, built or drawn from: each case carries where the input came from.
///
/// `description` says what went wrong, where, and what to do about it.
public enum DataError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file that could not be opened or read; `reason` is the system's explanation.
    case unreadableFile(path: String, reason: String)
    /// A file whose bytes are not UTF-8 text; `line` is where the first invalid byte is.
    case notUTF8(path: String, line: Int)
    /// A CSV file that breaks RFC 4180 at `line` and `column` (1-based); `message` explains.
    case csvSyntax(path: String, line: Int, column: Int, message: String)
    /// A column name missing from the header of the CSV file at `path`.
    case unknownColumn(path: String, name: String, available: [String], suggestion: String?)
    /// A feature cell that is not a finite number.
    case nonNumericCell(path: String, line: Int, column: String, value: String)
    /// An empty cell in the label column.
    case missingLabel(path: String, line: Int, column: String)
    /// A label column of numbers that are not all whole: a measurement, not a class.
    case fractionalLabel(path: String, line: Int, column: String, value: String)
    /// A CSV file whose label column cannot be told: the last column holds numbers, and
    /// `textColumns` hold text.
    case labelNotFound(path: String, last: String, textColumns: [String])
    /// A CSV file without any column that holds only numbers, when features were asked for.
    case noNumericColumns(path: String)
    /// Both a text column and feature columns named for one data set.
    case textAndFeatures(path: String)
    /// A data set, or one built from a file, with no examples.
    case emptyDataset(name: String)
    /// An operation that needs labels, applied to an unlabeled data set.
    case noLabels(name: String, operation: String)
    /// An operation that needs numeric targets, applied to a data set without them.
    case noTargets(name: String, operation: String)
    /// Both a label column and a target column named for one data set.
    case labelAndTarget(path: String)
    /// An operation that needs texts (or feature rows) applied to a data set of the other kind.
    case wrongInputs(name: String, needs: String)
    /// `sample(perClass:)` asking for more examples of a class than there are.
    case notEnoughExamples(name: String, className: String, available: Int, requested: Int)
    /// Split proportions that are not two or more positive finite numbers.
    case badSplitParts(parts: [Double])
    /// Split proportions that add up to neither 100 (percentages) nor 1 (fractions).
    case splitTotal(parts: [Double], total: Double)
    /// A split whose part `part` (1-based) of `parts` would receive no examples.
    case emptySplitPart(name: String, part: Int, parts: Int, examples: Int)
    /// An example index outside the data set.
    case indexOutOfRange(name: String, index: Int, count: Int)
    /// A name that is not one of the built-in data sets or corpora.
    case unknownBuiltin(name: String, suggestion: String?, available: [String])
    /// A built-in name that exists, but not as a text corpus.
    case notACorpus(name: String, corpora: [String])
    /// A built-in data file that could not be read from the data folder.
    case builtinFileMissing(name: String, path: String, reason: String)
    /// A token stream shorter than one window of `window` tokens.
    case streamTooShort(tokens: Int, window: Int)
    /// A parameter outside the values it may take.
    case outOfRange(parameter: String, value: String, allowed: String)
    /// Data sets joined into `name` (a stream, a concatenation) whose `what` (classes or
    /// inputs) differ between `first` and `other`.
    case mismatchedParts(name: String, first: String, other: String, what: String)
    /// A task stream cut from `classes` classes by `perTask` that would have a single task.
    case oneTaskStream(name: String, classes: Int, perTask: Int)
    /// A task stream of data sets given a single data set.
    case oneDataSetStream(name: String)
    /// A task stream of data sets one of which, `part`, has examples of the single class `className`.
    case oneClassPart(name: String, part: String, className: String)
    /// A data set cut into tasks by group that has no group column.
    case noGroups(name: String)
    /// A task stream by the group column `column` whose examples all belong to `group`.
    case oneGroupStream(name: String, column: String, group: String)
    /// A task stream by the group column `column` whose group `group` has examples of the single class `className`.
    case oneClassGroup(name: String, column: String, group: String, className: String)
    /// A task stream whose task `task` (from 0) would hold the single class `className`.
    case oneClassTask(name: String, task: Int, className: String, classes: Int, perTask: Int)
    /// Reading, parsing or tokenizing stopped because the user asked (see ``Cancellation``);
    /// nothing was made.
    case cancelled

    /// What went wrong, where, and what to do.
    public var description: String {
        switch self {
        case let .unreadableFile(path, reason):
            "cannot read '\(path)': \(reason); check the path, relative to the folder Finch runs in"
        case let .notUTF8(path, line):
            "'\(path)' is not UTF-8 text (invalid bytes on line \(line)); save the file as UTF-8 and load it again"
        case let .csvSyntax(path, line, column, message):
            "\(path):\(line):\(column): \(message)"
        case let .unknownColumn(path, name, available, suggestion):
            "'\(path)' has no column '\(name)'\(didYouMean(suggestion)); its columns are \(list(available))"
        case let .nonNumericCell(path, line, column, value):
            "\(path):\(line): column '\(column)' holds \(value.isEmpty ? "an empty cell" : "'\(value)'"), which is not a number; "
                + "fix the cell or leave the column out of the features"
        case let .missingLabel(path, line, column):
            "\(path):\(line): the label column '\(column)' is empty; give every row a label or remove the row"
        case let .fractionalLabel(path, line, column, value):
            "\(path):\(line): the label column '\(column)' holds \(value), which is not a whole number, so the column is a measurement, "
                + "not a class; to predict it, load it with target: '\(column)' and train a regress head"
        case let .labelNotFound(path, last, textColumns):
            "cannot tell which column of '\(path)' holds the labels: the last column, '\(last)', holds numbers, and "
                + "\(list(textColumns)) \(textColumns.count == 1 ? "holds" : "hold") text; name the label column with label: "
                + "(e.g. label: \"\(textColumns[0])\"), or name the feature columns with features:"
        case let .noNumericColumns(path):
            "'\(path)' has no column that holds only numbers; name a text column with text: or the feature columns with features:"
        case let .textAndFeatures(path):
            "both a text column and feature columns were named for '\(path)'; a data set holds either texts or features, so choose one"
        case let .emptyDataset(name):
            "the data set '\(name)' has no examples; check that the file has rows below its header"
        case let .noLabels(name, operation):
            "the data set '\(name)' has no labels, so it cannot be \(operation); load it with a label column"
        case let .noTargets(name, operation):
            "the data set '\(name)' has no numeric targets, so it cannot be \(operation); load it with target: COLUMN"
        case let .labelAndTarget(path):
            "both a label column and a target column were named for '\(path)'; a data set has classes (label:) or numbers to predict (target:), so choose one"
        case let .wrongInputs(name, needs):
            "the data set '\(name)' does not hold \(needs), which this needs; use a data set of \(needs)"
        case let .notEnoughExamples(name, className, available, requested):
            "cannot sample \(requested) examples of class '\(className)' from '\(name)': it has only \(available); "
                + "ask for at most \(available) per class"
        case let .badSplitParts(parts):
            "split parts must be two or more positive numbers, such as [80, 20] or [0.8, 0.2]; got [\(parts.map(number).joined(separator: ", "))]"
        case let .splitTotal(parts, total):
            "split parts must add up to 100 (percentages) or 1 (fractions), but [\(parts.map(number).joined(separator: ", "))] "
                + "add up to \(number(total)); give every example one part, such as [80, 20] or [0.8, 0.2]"
        case let .emptySplitPart(name, part, parts, examples):
            "part \(part) of \(parts) of '\(name)' would be empty (the data set has \(examples) examples); "
                + "give that part a larger share or split into fewer parts"
        case let .indexOutOfRange(name, index, count):
            "example \(index) is outside the data set '\(name)', whose examples are numbered 0 to \(count - 1)"
        case let .unknownBuiltin(name, suggestion, available):
            "there is no built-in data named '\(name)'\(didYouMean(suggestion)); the built-in data are \(list(available))"
        case let .notACorpus(name, corpora):
            "the built-in '\(name)' is a labeled data set, not a text corpus; the built-in corpora are \(list(corpora))"
        case let .builtinFileMissing(name, path, reason):
            "the built-in data '\(name)' is missing: cannot read '\(path)' (\(reason)); "
                + "set the environment variable FINCH_DATA to the folder that holds Finch's data files"
        case let .streamTooShort(tokens, window):
            "the text has \(tokens) tokens, too few for a window of \(window); use a shorter context or a longer text"
        case let .mismatchedParts(name, first, other, what):
            "\(name): \(first) and \(other) have different \(what); join only data sets of the same \(what)"
        case let .oneTaskStream(name, classes, perTask):
            "\(name) has \(classes) classes, so \(perTask) per task makes a stream of one task, which cannot show forgetting; "
                + "use fewer classes per task (at most \(classes / 2))"
        case let .oneDataSetStream(name):
            "a stream of data sets needs at least two of them, but \(name) is one; list two or more, e.g. tasks [first, second], "
                + "or cut one data set by class with per_task:"
        case let .oneClassPart(name, part, className):
            "\(name): \(part) has examples of one class only (\(className)), which a classifier cannot learn as a task; "
                + "give every data set of the stream at least two classes"
        case let .noGroups(name):
            "\(name) has no group column to cut tasks by; read its CSV file with group: COLUMN, e.g. dataset \"file.csv\" group: \"region\""
        case let .oneGroupStream(name, column, group):
            "every example of \(name) has \(column) \(group), which makes a stream of one task; group by a column with at least two values"
        case let .oneClassGroup(name, column, group, className):
            "\(name): the examples with \(column) \(group) are all of one class (\(className)), which a classifier cannot learn as a task; "
                + "group by a column whose every value has at least two classes"
        case let .oneClassTask(name, task, className, classes, perTask):
            "\(name)'s \(classes) classes by \(perTask) leave task \(task) with the one class \(className), which a classifier cannot learn; "
                + "choose a number of classes per task that leaves at least 2 in the last task"
                + (classes % 2 == 0 ? ", e.g. 2" : "")
        case let .outOfRange(parameter, value, allowed):
            "\(parameter) must be \(allowed), got \(value)"
        case .cancelled:
            "interrupted by the user"
        }
    }
}

/// "; did you mean 'x'?" or nothing.
private func didYouMean(_ suggestion: String?) -> String {
    suggestion.map { "; did you mean '\($0)'?" } ?? ""
}

/// Names, quoted and separated by commas.
private func list(_ names: [String]) -> String {
    names.map { "'\($0)'" }.joined(separator: ", ")
}

/// `80` for whole numbers, `0.8` otherwise.
private func number(_ value: Double) -> String {
    value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}

extension DataError: CancellableError {
    /// Whether reading, parsing or tokenizing was stopped by the user.
    public var isCancellation: Bool { self == .cancelled }
}
