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

    /// The records of `values` if every value is one, and there is at least one.
    static func all(_ values: [Value]) -> [Record]? {
        var records: [Record] = []
        for value in values {
            guard case .record(let record) = value else { return nil }
            records.append(record)
        }
        return records.isEmpty ? nil : records
    }

    /// The field `name` of every record of `records`, if it is a number in each.
    static func numbers(_ name: String, in records: [Record]) -> [Double]? {
        var numbers: [Double] = []
        for record in records {
            guard case .number(let number)? = record.fields.first(where: { $0.name == name })?.value else { return nil }
            numbers.append(number)
        }
        return numbers
    }

    /// The record as text: `record(loss: 0.5, steps: 100)`.
    var text: String {
        typeName + "(" + fields.map { "\($0.name): \($0.value.text)" }.joined(separator: ", ") + ")"
    }
}
