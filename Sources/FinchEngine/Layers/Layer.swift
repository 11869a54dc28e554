/// A building block of a model: named parameters and a forward pass recorded on a `Graph`.
public protocol Layer: AnyObject {
    /// This layer's parameters and its sublayers', named relative to it (`q.weight`, `ln1.bias`).
    var namedParameters: [(String, Parameter)] { get }
    /// Floats the forward pass records (values and saved statistics) for an input of
    /// `batch × length` positions (length 1 for vectors); the basis of memory estimates.
    func activationFloats(batch: Int, length: Int) -> Int
    /// Applies the layer to `x`.
    func forward(_ x: Var, in graph: Graph) -> Var
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
