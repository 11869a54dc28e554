/// A sequence of tasks to learn one after another (continual learning): each task is a
/// labelled training set and a test set over some of the classes of one labelled data set.
///
/// Class ids stay those of the whole data set, so a model with one head over every class can
/// learn the tasks class-incrementally, or be scored among each task's own classes
/// task-incrementally.
public struct TaskStream: Equatable, Sendable {
    /// One task of a stream.
    public struct Task: Equatable, Sendable {
        /// A name for tables, e.g. `0/1`: its class names joined by slashes.
        public var name: String
        /// The class ids of the task, ascending.
        public var classes: [Int]
        /// The training examples of those classes.
        public var train: Dataset
        /// The test examples of those classes.
        public var test: Dataset
    }

    /// The name of the data set the tasks were cut from.
    public let name: String
    /// The tasks, in the order they are learned.
    public let tasks: [Task]
    /// The class names of the whole data set (the class ids index it).
    public let classNames: [String]

    /// `train` and `test` (of the same classes) cut into tasks of `perTask` classes each, in the
    /// order of the class ids: digits by 2 gives 0/1, 2/3, …, 8/9. The last task takes the
    /// classes left over. A stream needs at least two tasks and every task at least two classes.
    public init(train: Dataset, test: Dataset, perTask: Int, name: String) throws(DataError) {
        let trainLabels = try train.requireLabels(for: "cut into tasks by class")
        let testLabels = try test.requireLabels(for: "cut into tasks by class")
        guard train.classNames == test.classNames else {
            throw .mismatchedParts(name: name, first: train.name, other: test.name, what: "classes")
        }
        let classes = train.classNames.count
        guard perTask >= 1 else { throw .outOfRange(parameter: "the classes per task", value: "\(perTask)", allowed: "at least 2") }
        guard perTask < classes else { throw .oneTaskStream(name: name, classes: classes, perTask: perTask) }
        let groups = stride(from: 0, to: classes, by: perTask).map { Array($0..<min($0 + perTask, classes)) }
        if let single = groups.first(where: { $0.count < 2 }) {
            throw .oneClassTask(name: name, task: groups.firstIndex(of: single) ?? 0, className: train.classNames[single[0]],
                                classes: classes, perTask: perTask)
        }
        let byClassTrain = train.indicesByClass(trainLabels), byClassTest = test.indicesByClass(testLabels)
        var tasks: [Task] = []
        for group in groups {
            let taskName = group.map { train.classNames[$0] }.joined(separator: "/")
            let trainRows = group.flatMap { byClassTrain[$0] }.sorted(), testRows = group.flatMap { byClassTest[$0] }.sorted()
            guard !trainRows.isEmpty else { throw .emptyDataset(name: "\(train.name) of classes \(taskName)") }
            guard !testRows.isEmpty else { throw .emptyDataset(name: "\(test.name) of classes \(taskName)") }
            tasks.append(Task(name: taskName, classes: group,
                              train: train.selecting(trainRows, name: "\(name) task \(tasks.count) train"),
                              test: test.selecting(testRows, name: "\(name) task \(tasks.count) test")))
        }
        self.name = name
        self.tasks = tasks
        classNames = train.classNames
    }

    /// One task for each labelled data set of `parts`, in order (a domain shift: reviews, then
    /// messages): the classes of the stream are the class names of all parts, the first part's
    /// first; parts that share a class name share its class. A stream needs at least two parts,
    /// each with at least two classes, all of the same kind of inputs.
    public init(parts: [(name: String, train: Dataset, test: Dataset)], name: String) throws(DataError) {
        guard parts.count >= 2 else { throw .oneDataSetStream(name: name) }
        var classNames: [String] = []
        for part in parts {
            _ = try part.train.requireLabels(for: "made a task")
            _ = try part.test.requireLabels(for: "made a task")
            guard part.train.classNames == part.test.classNames else {
                throw .mismatchedParts(name: name, first: part.train.name, other: part.test.name, what: "classes")
            }
            let present = zip(part.train.classNames, part.train.classCounts).filter { $0.1 > 0 }.map(\.0)
            guard present.count >= 2 else { throw .oneClassPart(name: name, part: part.name, className: present.first ?? "") }
            for className in part.train.classNames where !classNames.contains(className) { classNames.append(className) }
        }
        var tasks: [Task] = []
        for part in parts {
            let train = part.train.relabeled(into: classNames), test = part.test.relabeled(into: classNames)
            let classes = part.train.classNames.compactMap { classNames.firstIndex(of: $0) }.sorted()
            tasks.append(Task(name: part.name, classes: classes, train: train, test: test))
        }
        _ = try Dataset.concatenating(tasks.map(\.train), name: name)
        self.name = name
        self.tasks = tasks
        self.classNames = classNames
    }

    /// One task for each value of the group column of `train` and `test` (``Dataset/groups``,
    /// read with `group:`), in the order the values first appear in `train`: a domain shift
    /// within one data set, such as one region after another. Each task holds the classes its
    /// group's training examples have; groups may share classes. A stream needs at least two
    /// groups, each with at least two classes and some test examples.
    public init(train: Dataset, test: Dataset, byGroup name: String) throws(DataError) {
        let trainLabels = try train.requireLabels(for: "cut into tasks by group")
        _ = try test.requireLabels(for: "cut into tasks by group")
        guard !train.groups.isEmpty, !test.groups.isEmpty else { throw .noGroups(name: train.name) }
        guard train.classNames == test.classNames else {
            throw .mismatchedParts(name: name, first: train.name, other: test.name, what: "classes")
        }
        var order: [String] = [], trainRows: [String: [Int]] = [:], testRows: [String: [Int]] = [:]
        for (row, group) in train.groups.enumerated() {
            if trainRows[group] == nil { order.append(group) }
            trainRows[group, default: []].append(row)
        }
        for (row, group) in test.groups.enumerated() { testRows[group, default: []].append(row) }
        guard order.count >= 2 else { throw .oneGroupStream(name: name, column: train.groupName, group: order.first ?? "") }
        var tasks: [Task] = []
        for group in order {
            let rows = trainRows[group] ?? []
            let classes = Set(rows.map { trainLabels[$0] }).sorted()
            guard classes.count >= 2 else {
                throw .oneClassGroup(name: name, column: train.groupName, group: group, className: train.classNames[classes.first ?? 0])
            }
            guard let tested = testRows[group] else { throw .emptyDataset(name: "\(test.name) of \(train.groupName) \(group)") }
            tasks.append(Task(name: group, classes: classes, train: train.selecting(rows, name: "\(name) task \(tasks.count) train"),
                              test: test.selecting(tested, name: "\(name) task \(tasks.count) test")))
        }
        self.name = name
        self.tasks = tasks
        classNames = train.classNames
    }

    /// This stream with its tasks replaced by `tasks` (the same tasks with other inputs, such as
    /// standardised features).
    public func replacingTasks(_ tasks: [Task]) -> TaskStream {
        TaskStream(name: name, tasks: tasks, classNames: classNames)
    }

    private init(name: String, tasks: [Task], classNames: [String]) {
        self.name = name
        self.tasks = tasks
        self.classNames = classNames
    }

    /// Every task's training examples together, task after task (for joint training).
    public func jointTraining() throws(DataError) -> Dataset {
        try Dataset.concatenating(tasks.map(\.train), name: "\(name) all tasks train")
    }
}
