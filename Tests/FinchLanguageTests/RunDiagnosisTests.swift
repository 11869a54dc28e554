@testable import FinchLanguage
import Testing

@Suite struct RunDiagnosisTests {
    @Test func aRisingLossSuggestsALowerRate() {
        let losses = (0..<20).map { 1 + Double($0) * 0.1 }
        let diagnosis = RunDiagnosis(losses: losses, accuracies: [0.9], chance: 0.5, learningRate: 1e-3)
        #expect(diagnosis.lossEnds.map { [$0.first, $0.last] } == [1.05, 2.85])
        #expect(diagnosis.warning == "the training loss rose, from 1.05 over the first steps to 2.85 over the last; try a lower lr: (now 0.001)")
    }

    @Test func accuracyAtChanceSaysWhetherTheTrainingLossFell() {
        let flat = [Double](repeating: 0.69, count: 12)
        #expect(RunDiagnosis(losses: flat, accuracies: [0.5, 0.51], chance: 0.5, learningRate: 0.01).warning
            == "validation accuracy stayed at chance (at best 0.51; always guessing the largest class scores 0.5); "
            + "the training loss did not fall much either: try a lower lr: (now 0.01), or train for more epochs")
        let falling = (0..<12).map { 1 / Double($0 + 1) }
        #expect(RunDiagnosis(losses: falling, accuracies: [0.8], chance: 0.87, learningRate: 0.01).warning
            == "validation accuracy stayed at chance (at best 0.8; always guessing the largest class scores 0.87); "
            + "the training loss fell, so the model fits its training data without generalising: give it more examples, fewer parameters or fewer epochs")
    }

    @Test func aHealthyRunOrOneWithoutFiguresSaysNothing() {
        let falling = (0..<12).map { 1 / Double($0 + 1) }
        #expect(RunDiagnosis(losses: falling, accuracies: [0.6, 0.9], chance: 0.5, learningRate: 0.01).warning == nil)
        #expect(RunDiagnosis(losses: falling, accuracies: [], chance: nil, learningRate: 0.01).warning == nil)
        #expect(RunDiagnosis(losses: [1, 5], accuracies: [], chance: nil, learningRate: 0.01).warning == nil, "too few steps to tell")
    }
}
