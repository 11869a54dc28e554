import FinchData
import FinchEngine
@testable import FinchLanguage

/// Small data sets for the training tests, made without the data layer.
enum Fixtures {
    /// Two well-separated classes of `count` rows with `width` features each (class 0 near −1,
    /// class 1 near +1), scaled by `scale`, as a data set named `name`.
    static func blobs(_ name: String = "points", count: Int = 64, width: Int = 4, scale: Float = 1) -> DatasetObject {
        var generator = Xoshiro(seed: 11)
        var values: [Float] = [], labels: [Int] = []
        for index in 0..<count {
            let label = index % 2
            let centre: Float = label == 0 ? -1 : 1
            values += (0..<width).map { _ in scale * (centre + 0.3 * generator.nextNormal()) }
            labels.append(label)
        }
        return DatasetObject(try! FinchData.Dataset(name: name, features: values, width: width, labels: labels, classNames: ["low", "high"]))
    }

    /// A token stream repeating `0 1 2 3 4 0 1 2 3 4 …` over a vocabulary of 6.
    static var cycle: TokenStream {
        TokenStream(ids: (0..<400).map { Int32($0 % 5) }, vocabulary: 6)
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
