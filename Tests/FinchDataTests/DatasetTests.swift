@testable import FinchData
import Testing

/// 100 feature rows (value = index) with classes 0 (60), 1 (30), 2 (10).
func unevenClasses() -> Dataset {
    let labels = (0..<100).map { $0 < 60 ? 0 : $0 < 90 ? 1 : 2 }
    return try! Dataset(name: "uneven", features: (0..<100).map(Float.init), width: 1, labels: labels, classNames: ["a", "b", "c"])
}

@Suite struct DatasetTests {
    @Test func checksItsParts() throws {
        #expect(throws: DataError.emptyDataset(name: "e")) { try Dataset(name: "e", texts: []) }
        #expect(throws: DataError.outOfRange(parameter: "the number of labels", value: "1", allowed: "the number of examples, 2")) {
            try Dataset(name: "t", texts: ["a", "b"], labels: [0], classNames: ["x"])
        }
        #expect(throws: DataError.outOfRange(parameter: "a label", value: "2", allowed: "a class id from 0 to 1")) {
            try Dataset(name: "t", texts: ["a", "b"], labels: [0, 2], classNames: ["x", "y"])
        }
        #expect(throws: DataError.outOfRange(parameter: "the feature width", value: "2",
                                             allowed: "a positive divisor of the 3 feature values")) {
            try Dataset(name: "f", features: [1, 2, 3], width: 2)
        }
        #expect(throws: DataError.outOfRange(parameter: "the image shape", value: "[2, 2]", allowed: "rows × columns = 3")) {
            try Dataset(name: "f", features: [1, 2, 3], width: 3, imageShape: [2, 2])
        }
        #expect(try Dataset(name: "f", features: [1, 2, 3, 4], width: 2).featureNames == ["f1", "f2"])
    }

    @Test func splitsByRoundedCumulativeShares() throws {
        let parts = try unevenClasses().split([80, 20], seed: 1)
        #expect(parts.map(\.count) == [80, 20])
        #expect(parts.map(\.name) == ["uneven (part 1 of 2)", "uneven (part 2 of 2)"])
        let three = try unevenClasses().split([0.7, 0.2, 0.1], seed: 1)
        #expect(three.map(\.count) == [70, 20, 10])
        #expect(try unevenClasses().split([0.34, 0.33, 0.33], seed: 3).map(\.count) == [34, 33, 33])
    }

    @Test func splitPartsAreDisjointCoverEverythingAndKeepOrder() throws {
        let parts = try unevenClasses().split([50, 30, 20], stratify: true, seed: 9)
        let values = parts.map { part in (0..<part.count).map { Int(part.featureRow($0).first!) } }
        #expect(values.flatMap { $0 }.sorted() == Array(0..<100))
        for part in values { #expect(part == part.sorted()) }
        for (part, data) in zip(values, parts) {
            #expect(data.labels == part.map { $0 < 60 ? 0 : $0 < 90 ? 1 : 2 })
        }
    }

    @Test func stratifiedSplitsKeepClassProportions() throws {
        let parts = try unevenClasses().split([80, 20], stratify: true, seed: 5)
        #expect(parts[0].classCounts == [48, 24, 8])
        #expect(parts[1].classCounts == [12, 6, 2])
        let unstratified = try unevenClasses().split([80, 20], seed: 5)
        #expect(unstratified[1].classCounts != [12, 6, 2])
    }

    @Test func theSameSeedGivesTheSameSplit() throws {
        let data = unevenClasses()
        #expect(try data.split([80, 20], seed: 42) == data.split([80, 20], seed: 42))
        #expect(try data.split([80, 20], seed: 42) != data.split([80, 20], seed: 43))
        #expect(try data.split([80, 20], stratify: true, seed: 42) == data.split([80, 20], stratify: true, seed: 42))
    }

    @Test func refusesBadPartsAndEmptyParts() {
        let data = unevenClasses()
        #expect(throws: DataError.badSplitParts(parts: [100])) { try data.split([100], seed: 0) }
        #expect(throws: DataError.splitTotal(parts: [80, 30], total: 110)) { try data.split([80, 30], seed: 0) }
        #expect(throws: DataError.splitTotal(parts: [1, 1, 1], total: 3)) { try data.split([1, 1, 1], seed: 0) }
        #expect(DataError.splitTotal(parts: [80, 30], total: 110).description
            == "split parts must add up to 100 (percentages) or 1 (fractions), but [80, 30] add up to 110; "
            + "give every example one part, such as [80, 20] or [0.8, 0.2]")
        #expect(throws: DataError.badSplitParts(parts: [80, -20])) { try data.split([80, -20], seed: 0) }
        #expect(throws: DataError.badSplitParts(parts: [0.5, .infinity])) { try data.split([0.5, .infinity], seed: 0) }
        #expect(throws: DataError.emptySplitPart(name: "uneven", part: 2, parts: 2, examples: 100)) {
            try data.split([99.9, 0.1], seed: 0)
        }
        let texts = try! Dataset(name: "notes", texts: ["a", "b", "c"])
        #expect(throws: DataError.noLabels(name: "notes", operation: "split with stratification")) {
            try texts.split([50, 50], stratify: true, seed: 0)
        }
    }

    @Test func samplesPerClassReproducibly() throws {
        let data = unevenClasses()
        let sample = try data.sample(perClass: 10, seed: 7)
        #expect(sample.count == 30)
        #expect(sample.classCounts == [10, 10, 10])
        #expect(try data.sample(perClass: 10, seed: 7) == sample)
        #expect(try data.sample(perClass: 10, seed: 8) != sample)
        let values = (0..<30).map { sample.featureRow($0).first! }
        #expect(values == values.sorted())
        #expect(Set(values).count == 30)
    }

    @Test func refusesToSampleMoreThanAClassHas() {
        #expect(throws: DataError.notEnoughExamples(name: "uneven", className: "c", available: 10, requested: 11)) {
            try unevenClasses().sample(perClass: 11, seed: 0)
        }
        #expect(throws: DataError.outOfRange(parameter: "the examples per class", value: "0", allowed: "at least 1")) {
            try unevenClasses().sample(perClass: 0, seed: 0)
        }
        #expect(throws: DataError.noLabels(name: "n", operation: "sampled per class")) {
            try Dataset(name: "n", texts: ["a"]).sample(perClass: 1, seed: 0)
        }
    }

    @Test func shufflesSubsetsAndTakes() throws {
        let data = try Dataset(name: "t", texts: ["a", "b", "c", "d", "e"], labels: [0, 1, 0, 1, 0], classNames: ["x", "y"])
        let shuffled = data.shuffled(seed: 3)
        #expect(shuffled.texts!.sorted() == ["a", "b", "c", "d", "e"])
        #expect(shuffled == data.shuffled(seed: 3))
        #expect(shuffled.texts != data.texts)
        for (text, label) in zip(shuffled.texts!, shuffled.labels!) { #expect(label == (["a", "c", "e"].contains(text) ? 0 : 1)) }
        let subset = try data.subset([4, 1, 1])
        #expect(subset.texts == ["e", "b", "b"])
        #expect(subset.labels == [0, 1, 1])
        #expect(try data.take(2).texts == ["a", "b"])
        #expect(try data.take(9).count == 5)
        #expect(throws: DataError.indexOutOfRange(name: "t", index: 5, count: 5)) { try data.subset([0, 5]) }
        #expect(throws: DataError.emptyDataset(name: "t")) { try data.subset([]) }
        #expect(throws: DataError.outOfRange(parameter: "the number of examples to take", value: "0", allowed: "at least 1")) {
            try data.take(0)
        }
    }

    @Test func featureSelectionsKeepNamesAndImageShape() throws {
        let data = try Dataset(name: "img", features: (0..<8).map(Float.init), width: 4, featureNames: ["a", "b", "c", "d"],
                               labels: [0, 1], classNames: ["x", "y"], imageShape: [2, 2])
        let picked = try data.subset([1])
        #expect(picked.inputs == .features(values: [4, 5, 6, 7], width: 4))
        #expect(picked.featureNames == ["a", "b", "c", "d"])
        #expect(picked.imageShape == [2, 2])
        #expect(picked.classNames == ["x", "y"])
    }
}
