import FinchData

extension Command {
    /// `tasks DATA [test: DATA] per_task: N`, `tasks DATA [test: DATA] by: COLUMN` or
    /// `tasks [DATA, DATA, …]`: a stream of tasks, cut from a labelled data set by class or by
    /// the values of a column, or one task per data set in order.
    static let tasks = Command(
        name: "tasks",
        summary: "A stream of tasks to learn one after another with 'continual': a labelled data set cut into tasks of a few classes each "
            + "or by the values of a column, or several data sets in order.",
        positional: [Parameter("data", .any, doc: "the labelled training data, cut by class with per_task: (with test: the test data; else its standard split's train and test); "
                               + "or a list of data sets, one task each (each its standard split's train and test)",
                               required: true)],
        keywords: [
            Parameter("test", .any, doc: "the test data of the same classes (default: the standard split's test part of data)"),
            Parameter("per_task", .number, doc: "classes per task, in the order of the class ids (digits by 2: 0/1, 2/3, …)"),
            Parameter("by", .string, doc: "the group column the data set was read with (dataset \"file.csv\" group: COLUMN): one task per value, "
                      + "in the order the values first appear"),
        ]
    ) { invocation throws(FinchError) in
        if case .list(let elements)? = invocation.bound("data")?.value {
            return .wrap(StreamObject(try streamOfDataSets(elements, invocation)))
        }
        let data = try invocation.object("data", DatasetObject.self, what: "a labelled data set or a list of them")
        let column = invocation.string("by")
        if column != nil, invocation.bound("per_task") != nil {
            throw FinchError(DataCommandFailure.tasksCutTwice, at: invocation.place("by"))
        }
        if let column, !data.dataset.groups.isEmpty, data.dataset.groupName != column {
            throw FinchError(DataCommandFailure.groupedByOther(data: data.name, group: data.dataset.groupName, column: column),
                             at: invocation.place("by"))
        }
        let perTask = column == nil ? try invocation.requiredInteger("per_task", in: 1...100_000) : 0
        let train: Dataset, test: Dataset
        if invocation.bound("test") != nil {
            train = data.dataset
            test = try invocation.object("test", DatasetObject.self, what: "a labelled data set").dataset
        } else {
            let parts = try data.standardParts(at: invocation.place("data"))
            train = parts[0]
            test = parts[2]
        }
        do throws(DataError) {
            if let column { return .wrap(StreamObject(try TaskStream(train: train, test: test, byGroup: "\(data.name) by \(column)"))) }
            return .wrap(StreamObject(try TaskStream(train: train, test: test, perTask: perTask, name: data.name)))
        } catch {
            let place = switch error {
            case .mismatchedParts: invocation.place("test")
            case .noGroups: invocation.place("data")
            default: invocation.place(column == nil ? "per_task" : "by")
            }
            throw FinchError(EngineRefusal.data(error), at: place)
        }
    }

    /// One task for each data set of `elements`, in order, each its standard split's train and test.
    private static func streamOfDataSets(_ elements: [Value], _ invocation: Invocation) throws(FinchError) -> TaskStream {
        for name in ["per_task", "test", "by"] where invocation.bound(name) != nil {
            throw FinchError(DataCommandFailure.cutOfList(label: name), at: invocation.place(name))
        }
        var parts: [(name: String, train: Dataset, test: Dataset)] = []
        for element in elements {
            guard let data = element.object(DatasetObject.self) else {
                throw FinchError(DataCommandFailure.tasksListElement(type: element.typeDescription), at: invocation.place("data"))
            }
            let split = try data.standardParts(at: invocation.place("data"))
            parts.append((data.name, split[0], split[2]))
        }
        let name = parts.map(\.name).joined(separator: " then ")
        do throws(DataError) { return try TaskStream(parts: parts, name: name) } catch {
            throw FinchError(EngineRefusal.data(error), at: invocation.place("data"))
        }
    }
}
