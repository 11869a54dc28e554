import FinchData
import FinchEngine
@testable import FinchLanguage

/// Small data sets for the training tests, made without the data layer.
enum Fixtures {
    /// Two well-separated classes of `count` rows with `width` features each (class 0 near −1,
    /// class 1 near +1), scaled by `scale`.
    static func blobs(count: Int = 64, width: Int = 4, scale: Float = 1) -> Examples {
        var generator = Xoshiro(seed: 11)
        var rows: [[Float]] = [], labels: [Int] = []
        for index in 0..<count {
            let label = index % 2
            let centre: Float = label == 0 ? -1 : 1
            rows.append((0..<width).map { _ in scale * (centre + 0.3 * generator.nextNormal()) })
            labels.append(label)
        }
        return Examples(inputs: .features(rows), labels: labels, classNames: ["low", "high"])
    }

    /// A token stream repeating `0 1 2 3 4 0 1 2 3 4 …` over a vocabulary of 6.
    static var cycle: TokenStream {
        TokenStream(ids: (0..<400).map { Int32($0 % 5) }, vocabulary: 6, maskID: 5)
    }
}

extension Harness {
    /// Binds `name` to `object` in the session, as the data commands will.
    func define(_ name: String, _ object: any FinchObject) {
        session.interpreter.define(name, .wrap(object))
    }

    /// The model bound to `name`.
    func model(_ name: String) -> ModelObject? {
        session.interpreter.variables[name]?.object(ModelObject.self)
    }

    /// The run bound to `name`.
    func run(_ name: String) -> RunObject? {
        session.interpreter.variables[name]?.object(RunObject.self)
    }
}

extension Fixtures {
    /// ``blobs(count:width:scale:)`` as the data layer's data set.
    static func dataset() -> FinchData.Dataset {
        let examples = blobs()
        guard case .features(let rows) = examples.inputs else { preconditionFailure() }
        return try! FinchData.Dataset(name: "points", features: rows.flatMap { $0 }, width: 4, labels: examples.labels,
                                      classNames: examples.classNames)
    }
}
