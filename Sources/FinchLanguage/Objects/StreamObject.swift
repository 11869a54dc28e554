import FinchData
import FinchDisplay

/// A stream of tasks as a value: the tasks a model learns one after another with `continual`.
final class StreamObject: DocumentedObject {
    /// The tasks.
    let stream: TaskStream

    /// A stream value.
    init(_ stream: TaskStream) { self.stream = stream }

    var typeName: String { "stream" }

    var text: String {
        let sizes = Set(stream.tasks.map(\.classes.count)).sorted().map(String.init).joined(separator: " or ")
        return "stream \(stream.name): \(stream.tasks.count) tasks of \(sizes) classes"
    }

    /// One row per task: its number, classes and example counts.
    var table: Table {
        let rows: [[Cell]] = stream.tasks.enumerated().map { index, task in
            [.number(Double(index)), .text(task.name), .number(Double(task.train.count)), .number(Double(task.test.count))]
        }
        return Table(columns: [Column("task", format: .count), "classes", Column("train", format: .count), Column("test", format: .count)],
                          rows: rows, caption: text)
    }

    var bundle: MimeBundle { table.bundle(width: 100) }

    static var helpTopic: (title: String, names: [String]) { ("a stream of tasks", ["stream", "tasks"]) }

    static var propertyTable: [ObjectProperty<StreamObject>] {
        [
            ObjectProperty("classes", "the class names of each task, a list per task") { object, _ in
                .list(object.stream.tasks.map { task in .list(task.classes.map { .string(object.stream.classNames[$0]) }) })
            },
            ObjectProperty("count", "the number of tasks") { object, _ in .number(Double(object.stream.tasks.count)) },
            ObjectProperty("name", "the name of the data set the tasks were cut from") { object, _ in .string(object.stream.name) },
            ObjectProperty("names", "each task's name, its classes joined by slashes") { object, _ in
                .list(object.stream.tasks.map { .string($0.name) })
            },
            ObjectProperty("test", "each task's test data, a data set per task") { object, _ in
                .list(object.stream.tasks.map { .wrap(DatasetObject($0.test)) })
            },
            ObjectProperty("train", "each task's training data, a data set per task") { object, _ in
                .list(object.stream.tasks.map { .wrap(DatasetObject($0.train)) })
            },
        ]
    }
}
