/// A named sequence of points for a line chart, such as the training loss against the step.
public struct Series: Sendable, Equatable {
    /// The name shown in the legend.
    public var name: String
    /// The x values.
    public var xs: [Double]
    /// The y values, one per x; NaN or infinite values leave a gap and a note.
    public var ys: [Double]

    /// A series from `(x, y)` points.
    public init(name: String, points: [(x: Double, y: Double)]) {
        self.name = name
        xs = points.map(\.x)
        ys = points.map(\.y)
    }

    /// A series of values at x = 1, 2, …, n (the n-th step, the n-th epoch).
    public init(name: String, values: [Double]) {
        self.name = name
        xs = values.indices.map { Double($0 + 1) }
        ys = values
    }
}
