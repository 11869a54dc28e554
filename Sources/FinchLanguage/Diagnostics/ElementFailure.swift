/// Elements that cannot be reached: looping over or indexing a value that holds none, an index
/// of the wrong type or out of range, and the first, last or sorted elements of a list or range
/// that has none or cannot order them.
enum ElementFailure: LanguageFailure, Equatable, Sendable {
    /// `for x in v` over a value of type `type`.
    case cannotLoop(type: String)
    /// `v[i]` on a value of type `type`.
    case cannotIndex(type: String)
    /// An index of type `type`.
    case indexNotNumber(type: String)
    /// `xs["name"]` on a list that is not all records.
    case nameIndexOnList
    /// `v["name"]` on a value of type `type`, which holds no names.
    case cannotIndexByName(type: String)
    /// An index that is not a whole number.
    case fractionalIndex(Double)
    /// An index outside a value of type `type` with `count` elements.
    case indexOutOfRange(Double, type: String, count: Int)
    /// `.first` or `.last` of an empty list or range; `container` is `list` or `range`.
    case empty(container: String)
    /// `.sorted` of a list that holds neither only numbers nor only strings.
    case unsortable

    /// Type errors for values that hold no elements, value errors for indices and empty values.
    var kind: ErrorKind {
        switch self {
        case .cannotLoop, .cannotIndex, .indexNotNumber, .nameIndexOnList, .cannotIndexByName, .unsortable: .type
        case .fractionalIndex, .indexOutOfRange, .empty: .value
        }
    }

    /// Which element cannot be reached, and why.
    var message: String {
        switch self {
        case .cannotLoop(let type): "cannot loop over \(type)"
        case .cannotIndex(let type): "cannot index \(type)"
        case .indexNotNumber(let type): "an index must be a number, not \(type)"
        case .nameIndexOnList: ElementFailure.indexNotNumber(type: "a string").message
        case .cannotIndexByName(let type): "cannot index \(type) by name"
        case .fractionalIndex(let index): "an index must be a whole number, not \(Value.format(index))"
        case let .indexOutOfRange(index, type, count): "index \(Value.format(index)) is out of range for \(type) of length \(count)"
        case .empty(let container): "the \(container) is empty"
        case .unsortable: "only a list of numbers or of strings can be sorted"
        }
    }

    /// What a name can index, for a name used as an index where it cannot be.
    var note: String? {
        switch self {
        case .nameIndexOnList, .cannotIndexByName: "names index records, lists of records and tables"
        case .cannotLoop, .cannotIndex, .indexNotNumber, .fractionalIndex, .indexOutOfRange, .empty, .unsortable: nil
        }
    }
}
