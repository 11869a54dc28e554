/// A summary of a model: one row per layer with its kind, output shape, parameter count and
/// whether it trains or is frozen, with the totals under the table.
public struct ModelSummary: Sendable, Equatable {
    /// One layer of the model.
    public struct Layer: Sendable, Equatable {
        /// The layer's name (`fc1`, `encoder.0.attn`).
        public var name: String
        /// The layer's kind (`Linear`, `ReLU`).
        public var kind: String
        /// The shape of the layer's output, such as `[32, 10]`.
        public var outputShape: [Int]
        /// The number of parameters.
        public var parameters: Int
        /// Whether the parameters are updated by training (false: frozen).
        public var trainable: Bool

        /// A layer row.
        public init(name: String, kind: String, outputShape: [Int], parameters: Int, trainable: Bool) {
            self.name = name
            self.kind = kind
            self.outputShape = outputShape
            self.parameters = parameters
            self.trainable = trainable
        }
    }

    /// The layers, in order.
    public var layers: [Layer]
    /// A title above the table, such as the model's name.
    public var title: String?

    /// A summary of `layers`.
    public init(layers: [Layer], title: String? = nil) {
        self.layers = layers
        self.title = title
    }

    /// All parameters.
    public var totalParameters: Int { layers.reduce(0) { $0 + $1.parameters } }
    /// Parameters updated by training.
    public var trainableParameters: Int { layers.filter(\.trainable).reduce(0) { $0 + $1.parameters } }

    /// The most layer rows a summary shows: a deeper model shows its first and last layers, with
    /// the count of those between, so showing it stays quick and its message small.
    public static let shownLayers = 1000

    /// The summary as a table, totals in its notes. Layers without parameters show `-` for
    /// trainable, since there is nothing to train or freeze. Every layer is a row; at most
    /// ``shownLayers`` of them are shown.
    public var table: Table {
        let count = NumberFormat.count
        let rows: [[Cell]] = layers.map { layer in
            [.text(layer.name), .text(layer.kind),
             .text("[" + layer.outputShape.map(String.init).joined(separator: ", ") + "]"),
             .number(Double(layer.parameters)),
             .text(layer.parameters == 0 ? "-" : layer.trainable ? "yes" : "frozen")]
        }
        let frozen = totalParameters - trainableParameters
        return Table(columns: ["Layer", "Kind", "Output shape", Column("Params", format: count), "Trainable"],
                     rows: rows, caption: title,
                     notes: ["Total params: \(count.string(totalParameters))",
                             "Trainable params: \(count.string(trainableParameters))",
                             "Frozen params: \(count.string(frozen))"],
                     maxRows: min(max(40, layers.count), Self.shownLayers))
    }

    /// The summary as text.
    public func render(width: Int = 80) -> String { table.render(width: width) }

    /// The summary as `text/plain` and `text/html`.
    public func bundle(width: Int = 80) -> MimeBundle { table.bundle(width: width) }
}
