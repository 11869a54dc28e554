@testable import FinchEngine
import FinchJSON
import Glibc
import Testing

@Suite struct FeatureScalingTests {
    @Test func fitsThePopulationMeanAndDeviationOfEachFeature() {
        // Columns: 1, 3 (mean 2, deviation 1); 10, 10 (constant: scale 1); -4, 4 (mean 0, deviation 4).
        let scaling = FeatureScaling(fitting: [1, 10, -4, 3, 10, 4], width: 3)
        #expect(scaling.means == [2, 10, 0])
        #expect(scaling.scales == [1, 1, 4])
        #expect(scaling.apply(to: [1, 10, -4, 3, 11, 8]) == [-1, 0, -1, 1, 1, 2])
    }

    @Test func refusesPartsThatCannotScale() {
        #expect(FeatureScaling(means: [0, 1], scales: [1]) == nil)
        #expect(FeatureScaling(means: [0], scales: [0]) == nil)
        #expect(FeatureScaling(means: [.nan], scales: [1]) == nil)
        #expect(FeatureScaling(means: [], scales: []) == nil)
        #expect(FeatureScaling(means: [0.5], scales: [2])?.apply(to: [2.5]) == [1])
    }

    @Test func theCheckpointKeepsTheScalingExactly() throws {
        let model = try Model(.mlp(features: 3, hidden: [4], outputs: 2, activation: .tanh), seed: 1)
        model.inputScaling = FeatureScaling(fitting: [0.1, 1234.5, -7, 0.3, 987.25, 2, 0.2, 1000, 5], width: 3)
        let path = temporaryPath("scaling.safetensors")
        defer { unlink(path) }
        try model.save(to: path)
        let loaded = try Model.load(from: path)
        #expect(loaded.model.inputScaling == model.inputScaling)
        let plain = try Model(.mlp(features: 3, hidden: [4], outputs: 2, activation: .tanh), seed: 1)
        try plain.save(to: path)
        #expect(try Model.load(from: path).model.inputScaling == nil)
    }

    @Test func aScalingOfTheWrongWidthIsRefusedOnLoad() throws {
        let model = try Model(.mlp(features: 3, hidden: [4], outputs: 2, activation: .tanh), seed: 1)
        let path = temporaryPath("scaling-bad.safetensors")
        defer { unlink(path) }
        try model.save(to: path, metadata: ["finch.input_scaling": #"{"means":[0,0],"scales":[1,1]}"#])
        #expect(throws: CheckpointError.invalidScaling) { try Model.load(from: path) }
    }
}

@Suite struct RegressionScoresTests {
    @Test func maeRmseAndR2AsScikitLearn() throws {
        // sklearn: mean_absolute_error([3, -0.5, 2, 7], [2.5, 0, 2, 8]) = 0.5, RMSE √0.375, r2_score = 0.948608…
        let scores = try RegressionScores(predictions: [2.5, 0, 2, 8], truths: [3, -0.5, 2, 7])
        #expect(scores.mae == 0.5)
        #expect(abs(scores.rmse - 0.375.squareRoot()) < 1e-12)
        #expect(abs(scores.r2 - 0.948_608_137_044_967_9) < 1e-12)
        #expect(scores.count == 4)
        #expect(try RegressionScores(predictions: [1, 1], truths: [1, 1]).r2 == 1)
        #expect(try RegressionScores(predictions: [0, 1], truths: [1, 1]).r2 == 0)
        #expect(throws: MetricsError.lengthMismatch(predictions: 1, labels: 2)) { try RegressionScores(predictions: [1], truths: [1, 2]) }
    }

    @Test func aTargetScalingInvertsAndTheCheckpointKeepsIt() throws {
        let scaling = FeatureScaling(fitting: [100, 300], width: 1)
        #expect(scaling.invert(scaling.apply(to: [250])) == [250])
        let model = try Model(.mlp(features: 2, hidden: [], outputs: 1, activation: .tanh), seed: 1)
        model.targetScaling = scaling
        let path = temporaryPath("target-scaling.safetensors")
        defer { unlink(path) }
        try model.save(to: path)
        #expect(try Model.load(from: path).model.targetScaling == scaling)
    }
}
