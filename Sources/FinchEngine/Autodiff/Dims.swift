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

    /// The scalar shape.
    static let scalar = Dims(rank: 0)

    /// The matrix shape `[rows, columns]` (built without an array).
    static func matrix(_ rows: Int, _ columns: Int) -> Dims {
        var dims = Dims(rank: 2)
        dims[0] = rows
        dims[1] = columns
        return dims
    }

    private init(rank: Int) { self.rank = rank }

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

    /// Adds a trailing dimension (rank < 4).
    mutating func append(_ extent: Int) {
        rank += 1
        self[rank - 1] = extent
    }

    /// This shape with the last dimension replaced by `width`.
    func replacingLast(_ width: Int) -> Dims {
        var copy = self
        if rank == 0 {
            var vector = Dims(rank: 1)
            vector[0] = width
            return vector
        }
        copy[rank - 1] = width
        return copy
    }
}
