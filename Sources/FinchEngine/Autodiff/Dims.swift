/// A shape of rank 0…4 stored inline, so recording an op allocates nothing.
struct Dims: Equatable {
    private var d0 = 1, d1 = 1, d2 = 1, d3 = 1
    /// Number of dimensions.
    private(set) var rank: Int

    /// The shape `array` (at most four dimensions).
    init(_ array: [Int]) {
        precondition(array.count <= 4, "graph values have at most 4 dimensions")
        rank = array.count
        for (i, d) in array.enumerated() { self[i] = d }
    }

    /// Extent of dimension `i`.
    subscript(i: Int) -> Int {
        get { i == 0 ? d0 : i == 1 ? d1 : i == 2 ? d2 : d3 }
        set {
            switch i {
            case 0: d0 = newValue
            case 1: d1 = newValue
            case 2: d2 = newValue
            default: d3 = newValue
            }
        }
    }

    /// Product of the dimensions.
    var count: Int { rank == 0 ? 1 : (0..<rank).reduce(1) { $0 * self[$1] } }
    /// The last dimension (1 for scalars).
    var last: Int { rank == 0 ? 1 : self[rank - 1] }
    /// Product of all but the last dimension.
    var rows: Int { count / max(last, 1) }
    /// The shape as an array.
    var array: [Int] { (0..<rank).map { self[$0] } }

    /// This shape with the last dimension replaced by `width`.
    func replacingLast(_ width: Int) -> Dims {
        var copy = self
        if rank == 0 { return Dims([width]) }
        copy[rank - 1] = width
        return copy
    }
}
