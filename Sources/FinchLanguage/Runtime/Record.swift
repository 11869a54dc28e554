/// Named fields in a fixed order, with a type name: `record(loss: 0.5, steps: 100)`.
struct Record: Equatable, Sendable {
    /// One named field.
    struct Field: Equatable, Sendable {
        /// The field's name, used as a property.
        let name: String
        /// The field's value.
        let value: Value
    }

    /// The record's type, e.g. `record` or, for command results, `pretraining`.
    let typeName: String
    /// The fields in order.
    let fields: [Field]

    /// The record as text: `record(loss: 0.5, steps: 100)`.
    var text: String {
        typeName + "(" + fields.map { "\($0.name): \($0.value.text)" }.joined(separator: ", ") + ")"
    }
}
