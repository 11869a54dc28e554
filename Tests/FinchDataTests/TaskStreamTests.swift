@testable import FinchData
import FinchEngine
import Testing

/// Task streams, the replay buffer and replay batches.
@Suite struct TaskStreamTests {
    /// `perClass` one-feature examples of each of `classes` classes; the feature is the class id
    /// times 100 plus the example's number, so a row tells where it came from.
    static func labelled(classes: Int, perClass: Int, name: String = "toy") -> Dataset {
        let labels = (0..<classes).flatMap { Array(repeating: $0, count: perClass) }
        let values = labels.enumerated().map { Float($0.element * 100 + $0.offset % perClass) }
        return try! Dataset(name: name, features: values, width: 1, labels: labels, classNames: (0..<classes).map { "c\($0)" })
    }

    @Test func aDataSetIsCutIntoTasksOfConsecutiveClasses() throws {
        let stream = try TaskStream(train: Self.labelled(classes: 6, perClass: 4), test: Self.labelled(classes: 6, perClass: 2),
                                    perTask: 2, name: "toy")
        #expect(stream.tasks.map(\.classes) == [[0, 1], [2, 3], [4, 5]])
        #expect(stream.tasks.map(\.name) == ["c0/c1", "c2/c3", "c4/c5"])
        #expect(stream.tasks.map(\.train.count) == [8, 8, 8])
        #expect(stream.tasks.map(\.test.count) == [4, 4, 4])
        #expect(stream.tasks[1].train.labels == [2, 2, 2, 2, 3, 3, 3, 3], "class ids stay those of the whole data set")
        #expect(stream.tasks[1].train.classNames.count == 6)
        let joint = try stream.jointTraining()
        #expect(joint.count == 24 && joint.classCounts == [4, 4, 4, 4, 4, 4])
        let odd = try TaskStream(train: Self.labelled(classes: 5, perClass: 2), test: Self.labelled(classes: 5, perClass: 1),
                                 perTask: 3, name: "odd")
        #expect(odd.tasks.map(\.classes) == [[0, 1, 2], [3, 4]], "the last task takes the classes left over")
    }

    @Test func aStreamOfOneTaskOrATaskOfOneClassIsRefused() {
        let train = Self.labelled(classes: 4, perClass: 3), test = Self.labelled(classes: 4, perClass: 1)
        #expect(throws: DataError.oneTaskStream(name: "toy", classes: 4, perTask: 4)) {
            try TaskStream(train: train, test: test, perTask: 4, name: "toy")
        }
        #expect(throws: DataError.oneClassTask(name: "toy", task: 1, className: "c3", classes: 4, perTask: 3)) {
            try TaskStream(train: train, test: test, perTask: 3, name: "toy")
        }
        #expect(DataError.oneClassTask(name: "toy", task: 1, className: "c3", classes: 4, perTask: 3).description
            == "toy's 4 classes by 3 leave task 1 with the one class c3, which a classifier cannot learn; "
            + "choose a number of classes per task that leaves at least 2 in the last task, e.g. 2")
        #expect(throws: DataError.mismatchedParts(name: "toy", first: "toy", other: "other", what: "classes")) {
            try TaskStream(train: train, test: Self.labelled(classes: 3, perClass: 1, name: "other"), perTask: 2, name: "toy")
        }
    }

    @Test func severalDataSetsMakeOneTaskEachWithTheirClassesJoined() throws {
        let first = Self.labelled(classes: 2, perClass: 3, name: "first")
        let renamed = try Dataset(name: "second", features: [1, 2, 3, 4], width: 1, labels: [0, 1, 2, 1], classNames: ["c1", "x", "y"])
        let stream = try TaskStream(parts: [("first", first, first), ("second", renamed, renamed)], name: "both")
        #expect(stream.classNames == ["c0", "c1", "x", "y"])
        #expect(stream.tasks.map(\.classes) == [[0, 1], [1, 2, 3]], "a class name two data sets share is one class")
        #expect(stream.tasks[1].train.labels == [1, 2, 3, 2])
        #expect(stream.tasks[0].train.labels == first.labels)
        #expect(throws: DataError.oneDataSetStream(name: "one")) { try TaskStream(parts: [("first", first, first)], name: "one") }
        let single = try Dataset(name: "single", features: [1, 2], width: 1, labels: [0, 0], classNames: ["only", "unused"])
        #expect(throws: DataError.oneClassPart(name: "both", part: "single", className: "only")) {
            try TaskStream(parts: [("first", first, first), ("single", single, single)], name: "both")
        }
        let texts = try Dataset(name: "texts", texts: ["a", "b"], labels: [0, 1], classNames: ["c0", "c1"])
        #expect(throws: DataError.mismatchedParts(name: "mixed", first: first.name, other: "texts", what: "inputs")) {
            try TaskStream(parts: [("first", first, first), ("texts", texts, texts)], name: "mixed")
        }
    }

    @Test func aGroupColumnMakesOneTaskPerValueInTheOrderTheyFirstAppear() throws {
        let table = try CSVTable.parse("""
            x,region,y
            1,north,a
            2,south,b
            3,north,b
            4,south,a
            5,north,a
            6,south,b
            7,east,a
            8,east,c
            """, path: "shops.csv")
        let data = try table.dataset(group: "region")
        #expect(data.featureNames == ["x"] && data.labelName == "y", "the group column is neither a feature nor the label")
        #expect(data.groups == ["north", "south", "north", "south", "north", "south", "east", "east"] && data.groupName == "region")
        let train = data.selecting([0, 1, 2, 3, 6, 7]), test = data.selecting([4, 5, 7])
        #expect(train.groups == ["north", "south", "north", "south", "east", "east"], "a selection keeps its examples' groups")
        let stream = try TaskStream(train: train, test: test, byGroup: "shops by region")
        #expect(stream.tasks.map(\.name) == ["north", "south", "east"])
        #expect(stream.tasks.map(\.classes) == [[0, 1], [0, 1], [0, 2]], "groups may share classes")
        #expect(stream.tasks.map(\.train.featureValues) == [[1, 3], [2, 4], [7, 8]])
        #expect(stream.tasks.map(\.test.featureValues) == [[5], [6], [8]])
        #expect(stream.classNames == ["a", "b", "c"])
    }

    @Test func aGroupStreamWithoutGroupsOrOfOneGroupOrClassIsRefused() throws {
        let table = try CSVTable.parse("x,region,y\n1,north,a\n2,north,b\n3,south,a\n4,south,a\n", path: "shops.csv")
        let grouped = try table.dataset(group: "region")
        #expect(throws: DataError.oneClassGroup(name: "s", column: "region", group: "south", className: "a")) {
            try TaskStream(train: grouped, test: grouped, byGroup: "s")
        }
        let north = grouped.selecting([0, 1])
        #expect(throws: DataError.oneGroupStream(name: "s", column: "region", group: "north")) {
            try TaskStream(train: north, test: north, byGroup: "s")
        }
        let plain = try table.dataset(label: "y")
        #expect(throws: DataError.noGroups(name: "shops")) { try TaskStream(train: plain, test: plain, byGroup: "s") }
        #expect(throws: DataError.self) { try table.dataset(label: "y", group: "y") }
        #expect(throws: DataError.self) { try table.dataset(group: "town") }
    }

    @Test func theReplayBufferKeepsAtMostItsCapacityWithEveryExampleEquallyLikely() throws {
        var buffer = try ReplayBuffer(capacity: 10, seed: 1)
        let first = Self.labelled(classes: 2, perClass: 4)
        try buffer.offer(first)
        #expect(buffer.held?.count == 8, "while there is room every example is kept")
        let second = try Dataset(name: "second", features: (0..<40).map { Float(1000 + $0) }, width: 1,
                                 labels: Array(repeating: 1, count: 40), classNames: ["c0", "c1"])
        try buffer.offer(second)
        #expect(buffer.held?.count == 10 && buffer.seen == 48)
        // Over many seeds each of the 48 examples is held about 10/48 of the time.
        var counts = [Int](repeating: 0, count: 48)
        for seed in 0..<2000 {
            var trial = try ReplayBuffer(capacity: 10, seed: UInt64(seed))
            try trial.offer(first)
            try trial.offer(second)
            for value in trial.held?.featureValues ?? [] {
                counts[value >= 1000 ? 8 + Int(value) - 1000 : (value >= 100 ? 4 + Int(value) - 100 : Int(value))] += 1
            }
        }
        let expected = 2000.0 * 10 / 48
        #expect(counts.allSatisfy { abs(Double($0) - expected) < 0.2 * expected }, "\(counts)")
        #expect(throws: DataError.self) { try ReplayBuffer(capacity: 0, seed: 1) }
    }

    @Test func replayBatchesMixTheTaskWithItsShareOfBufferedExamples() throws {
        let task = Self.labelled(classes: 2, perClass: 10)
        let buffer = try Dataset(name: "buffer", features: [500, 501, 502], width: 1, labels: [1, 1, 1], classNames: ["c0", "c1"])
        var maker = try ReplayBatches(task: task, buffer: buffer, ratio: 0.25, batch: 8, seed: 3)
        #expect(maker.replayed == 2)
        for _ in 0..<6 {
            let values = try #require(features(maker.next())).scalars
            #expect(values.count == 8)
            #expect(values.prefix(6).allSatisfy { $0 < 500 } && values.suffix(2).allSatisfy { $0 >= 500 })
        }
        #expect(maker.evaluationBatches(limit: 100).reduce(0) { $0 + (classes($1)?.count ?? 0) } == 20, "only the task is evaluated")
        #expect(throws: DataError.self) { try ReplayBatches(task: task, buffer: buffer, ratio: 1.5, batch: 8, seed: 3) }
    }
}
