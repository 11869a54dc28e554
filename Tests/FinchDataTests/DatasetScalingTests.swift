import FinchEngine
@testable import FinchData
import Testing

@Suite struct DatasetScalingTests {
    @Test func rowIdsFollowTheExamplesThroughSplitsAndSamples() throws {
        let data = unevenClasses()
        #expect(data.rowIDs == Array(0..<100))
        let parts = try data.split([80, 20], stratify: true, seed: 3)
        #expect(Set(parts[0].rowIDs).union(parts[1].rowIDs) == Set(0..<100))
        #expect(parts[1].rowIDs.map { data.featureRow($0) } == (0..<parts[1].count).map { parts[1].featureRow($0) })
        let sampled = try parts[0].sample(perClass: 2, seed: 1)
        #expect(Set(sampled.rowIDs).isSubset(of: Set(parts[0].rowIDs)))
        #expect(sampled.rowIDs.map { data.labels![$0] } == sampled.labels)
    }

    @Test func scalingKeepsLabelsTargetsIdsAndTheFlag() throws {
        let data = try Dataset(name: "t", features: [1, 10, 3, 30], width: 2).withTargets([5, 7], named: "y").standardizing(true)
        let part = try data.subset([1])
        let scaling = try #require(data.fittedScaling)
        let scaled = try part.scaled(by: scaling)
        #expect(scaled.featureValues == [1, 1])
        #expect(scaled.targets == [7])
        #expect(scaled.targetName == "y")
        #expect(scaled.rowIDs == [1])
        #expect(scaled.standardize)
        #expect(throws: DataError.outOfRange(parameter: "the features of 't'", value: "2", allowed: "the 3 the model's input scaling was fitted on")) {
            try data.scaled(by: FeatureScaling(fitting: [1, 2, 3], width: 3))
        }
    }

    @Test func theMagnitudeSpreadNamesTheSmallestAndLargestFeatures() throws {
        let data = try Dataset(name: "m", features: [0.01, 500, 0, -0.02, 1000, 0], width: 3, featureNames: ["small", "big", "zero"])
        let spread = try #require(data.magnitudeSpread)
        #expect(spread.smallest == "small" && spread.largest == "big")
        #expect(abs(spread.ordersOfMagnitude - 4.69897) < 1e-4)
        #expect(try Dataset(name: "one", features: [1, 0], width: 2).magnitudeSpread == nil)
    }
}
