/// A property every object of one type has: its name, its doc, and how to read it from an
/// object. A type's table of them gives both the properties of each value and, without a value,
/// what `help` lists for the type.
struct ObjectProperty<Object> {
    /// The name after the dot.
    let name: String
    /// What the property gives.
    let doc: String
    /// Reads the property of an object; the range is where its name was written, for errors.
    let get: (Object, SourceRange) throws(FinchError) -> Value

    /// A property `name` documented by `doc`, read by `get`.
    init(_ name: String, _ doc: String, get: @escaping (Object, SourceRange) throws(FinchError) -> Value) {
        self.name = name
        self.doc = doc
        self.get = get
    }

    /// This property of `object`.
    func bound(to object: Object) -> Property {
        Property(name, doc) { range throws(FinchError) in try get(object, range) }
    }
}

/// An object type whose properties are one table, so `help` can list them.
protocol DocumentedObject: FinchObject {
    /// What `help` calls a value of this type, e.g. `a run`, and the names that ask for it.
    static var helpTopic: (title: String, names: [String]) { get }
    /// Every property of every value of this type.
    static var propertyTable: [ObjectProperty<Self>] { get }
}

extension DocumentedObject {
    /// The properties of this value.
    var properties: [Property] { Self.propertyTable.map { $0.bound(to: self) } }

    /// What `help` shows for the type: a heading, then one line per property.
    static var typeHelp: Documentation.TypeHelp {
        let rows = propertyTable.sorted { $0.name < $1.name }
        let width = rows.map { $0.name.count }.max() ?? 0
        let lines = ["Properties of \(helpTopic.title) (write VALUE.NAME):"]
            + rows.map { "  " + $0.name + String(repeating: " ", count: width - $0.name.count + 2) + $0.doc }
        return Documentation.TypeHelp(names: helpTopic.names, text: lines.joined(separator: "\n"))
    }
}
