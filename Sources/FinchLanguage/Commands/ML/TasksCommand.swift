import FinchData

extension Command {
    /// `tasks DATA [test: DATA] per_task: N`: a stream of tasks of N classes each, cut from a
    /// labelled data set in the order of its classes.
    static let tasks = Command(
        name: "tasks",
        summary: "Cut a labelled data set into a stream of tasks of a few classes each, to learn one after another with 'continual'.",
        positional: [Parameter("data", .any, doc: "the labelled training data (with test: the test data; else its standard split's train and test)",
                               required: true)],
        keywords: [
            Parameter("test", .any, doc: "the test data of the same classes (default: the standard split's test part of data)"),
            Parameter("per_task", .number, doc: "classes per task, in the order of the class ids (digits by 2: 0/1, 2/3, …)", required: true),
        ]
    ) { invocation throws(FinchError) in
        let data = try invocation.object("data", DatasetObject.self, what: "a labelled data set")
        let perTask = try invocation.requiredInteger("per_task", in: 1...100_000)
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
            return .wrap(StreamObject(try TaskStream(train: train, test: test, perTask: perTask, name: data.name)))
        } catch {
            let place = if case .mismatchedParts = error { invocation.place("test") } else { invocation.place("per_task") }
            throw FinchError(.value, error.description, at: place)
        }
    }
}
