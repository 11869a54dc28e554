import FinchDisplay

/// A rich value of the language that is more than data: a model, a run, a data set, a table or a
/// chart. Objects are reference types (a model's weights change as it trains); the language sees
/// them through ``Value/object(_:)``.
protocol FinchObject: AnyObject {
    /// The type's name, as inspection shows it: `model`, `run`, …
    var typeName: String { get }
    /// A one-line text form, e.g. `model gpt (4 layers, 12,345 parameters)`.
    var text: String { get }
    /// The properties `value.name` reads, sorted by name.
    var properties: [Property] { get }
    /// The main rich form shown as a cell's result or by `display`: text/plain plus HTML or SVG.
    var bundle: MimeBundle { get }
    /// Charts shown after ``bundle`` as outputs of their own (`image/svg+xml` and text), none by default.
    var figures: [MimeBundle] { get }
}

extension FinchObject {
    var figures: [MimeBundle] { [] }

    /// The object as a front end shows it: ``bundle``, then ``figures``.
    var presentation: Presentation { Presentation(bundle, figures: figures) }
}

/// A reference to an object, compared by identity, so ``Value`` stays `Equatable`.
///
/// `@unchecked Sendable`: a session is used from one thread only (see ``FinchSession``), and
/// objects never leave it.
final class ObjectRef: Equatable, @unchecked Sendable {
    /// The object referred to.
    let object: any FinchObject

    /// A reference to `object`.
    init(_ object: any FinchObject) { self.object = object }

    static func == (lhs: ObjectRef, rhs: ObjectRef) -> Bool { lhs.object === rhs.object }
}

extension Value {
    /// `object` as a value.
    static func wrap(_ object: any FinchObject) -> Value { .object(ObjectRef(object)) }

    /// The object of type `T` held by this value, if it holds one.
    func object<T: FinchObject>(_ type: T.Type) -> T? {
        if case .object(let ref) = self { ref.object as? T } else { nil }
    }
}
