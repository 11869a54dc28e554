/// A building block of a model: named parameters and a forward pass recorded on a `Graph`.
public protocol Layer: AnyObject {
    /// This layer's parameters and its sublayers', named relative to it (`q.weight`, `ln1.bias`).
    var namedParameters: [(String, Parameter)] { get }
    /// Floats the forward pass records (values and saved statistics) for an input of
    /// `batch × length` positions (length 1 for vectors); the basis of memory estimates.
    func activationFloats(batch: Int, length: Int) -> Int
    /// Floating-point operations of the layer's matrix products in one training step (forward,
    /// input gradients, and weight gradients of weights that train) for `batch × length`
    /// positions; the basis of time estimates.
    func trainingFlops(batch: Int, length: Int) -> Double
    /// Applies the layer to `x`.
    func forward(_ x: Var, in graph: Graph) -> Var
}

/// A layer made of named sublayers (attention's projections, a block's norms and MLP): the
/// tree that ``Model/layerTree`` walks and ``Model/replaceLayer(at:with:)`` changes, so an
/// adapter can take a layer's place without the layer knowing.
public protocol LayerContainer: Layer {
    /// The sublayers with their names relative to this layer (`q`, `mlp.fc`).
    var sublayers: [(name: String, layer: any Layer)] { get }
    /// Puts `layer` in the place of the sublayer `name`; false when that slot cannot hold it
    /// (only a linear layer of the same widths takes a linear layer's place).
    func replaceSublayer(_ name: String, with layer: any Layer) -> Bool
}

/// A layer that takes another's place and runs it inside its own forward pass (a soft prompt
/// before the first layer), so it fits exactly where the layer it wraps was.
public protocol LayerWrapper: Layer {
    /// The layer whose place this one took.
    var wrapped: any Layer { get }
}

/// Whether `replacement` can take `layer`'s place: a wrapper of that very layer, or both linear,
/// of the same widths.
func canReplace(_ layer: any Layer, with replacement: any Layer) -> Bool {
    if let wrapper = replacement as? any LayerWrapper, wrapper.wrapped === layer { return true }
    guard let old = layer as? any LinearLayer, let new = replacement as? any LinearLayer else { return false }
    return old.inputs == new.inputs && old.outputs == new.outputs
}

extension Layer {
    /// Layers without matrix products (normalisation, activations, pooling) count none.
    public func trainingFlops(batch: Int, length: Int) -> Double { 0 }
}

/// The FLOPs of one `[rows, inputs] · [inputs, outputs]` product in a training step: forward,
/// the input gradient, and the weight gradient when `weight` trains.
func productTrainingFlops(rows: Int, inputs: Int, outputs: Int, weight: Parameter) -> Double {
    2 * Double(rows) * Double(inputs) * Double(outputs) * (weight.requiresGrad ? 3 : 2)
}

/// Prefixes each name with `prefix.`.
func prefixed(_ prefix: String, _ named: [(String, Parameter)]) -> [(String, Parameter)] {
    named.map { ("\(prefix).\($0.0)", $0.1) }
}

/// How new weights are drawn.
enum Initialiser {
    /// N(0, std²).
    case normal(std: Float)
    /// U(−1/√fanIn, 1/√fanIn), PyTorch's default for linear layers.
    case fanIn

    func tensor(_ shape: [Int], generator: inout Xoshiro) -> Tensor {
        switch self {
        case let .normal(std):
            return try! Tensor(normal: shape, std: std, generator: &generator)
        case .fanIn:
            let bound = 1 / Float(shape.last ?? 1).squareRoot()
            return try! Tensor(uniform: shape, low: -bound, high: bound, generator: &generator)
        }
    }
}
