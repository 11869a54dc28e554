@testable import FinchEngine
import Glibc
import Testing

/// Prompt tuning: a soft prompt before the input of a frozen model, swapped in by path.
@Suite struct SoftPromptTests {
    @Test func prependingAndDroppingRowsMatchFiniteDifferences() {
        let rows = randomTensor([2, 3], seed: 1), x = randomTensor([2, 4, 3], seed: 2)
        expectGradientsMatch([rows, x]) { g, v in g.prependRows(v[0], to: v[1]) }
        expectGradientsMatch([x]) { g, v in g.dropLeading(v[0], count: 3) }
    }

    @Test func aPromptSitsBeforeTheTokens() throws {
        let graph = Graph(isTraining: false, recordsGradients: false)
        let rows = graph.constant(try Tensor(shape: [1, 2], values: [9, 9]))
        let x = graph.constant(try Tensor(shape: [2, 1, 2], values: [1, 2, 3, 4]))
        let out = graph.prependRows(rows, to: x)
        #expect(graph.shape(of: out) == [2, 2, 2])
        #expect(graph.value(of: out).scalars == [9, 9, 1, 2, 9, 9, 3, 4])
        #expect(graph.value(of: graph.dropLeading(out, count: 1)).scalars == [1, 2, 3, 4])
    }

    @Test func aClassifierPoolsOverThePromptAndTheRealTokens() throws {
        let model = try Model(.sequenceClassifier(vocabulary: 9, length: 8, depth: 1, heads: 2, width: 8, classes: 3),
                              head: ModelHead(kind: .classify, firstLayer: 4), seed: 3)
        let prompt = try model.addSoftPrompt(length: 3, seed: 1)
        #expect(model.layers[0].layer is SoftPrompt && model.softPrompt === prompt)
        #expect(model.parameters.map(\.name).contains("pos.prompt"))
        #expect(model.tokenCapacity == 5)
        let output = try model.predict(.tokens([1, 2, 3, 4, 5, 6, 7, 8, 1, 2], batch: 2, length: 5))
        #expect(output.shape == [2, 3])
        // Right padding changes nothing: the prompt moves every real length along by its own.
        let short = try model.predict(.tokens([1, 2, 3], batch: 1, length: 3))
        let padded = try model.predict(.tokens([1, 2, 3, 0, 0], batch: 1, length: 5, lengths: [3]))
        for (a, b) in zip(short.scalars, padded.scalars) { #expect(abs(a - b) < 1e-5) }
        #expect(throws: BatchError.sequenceTooLongForPrompt(length: 6, prompt: 3, context: 8)) {
            try model.predict(.tokens([1, 2, 3, 4, 5, 6], batch: 1, length: 6))
        }
    }

    @Test func aLanguageModelGivesNoLogitsForThePrompt() throws {
        let model = try Model(.gpt(vocabulary: 7, context: 6, depth: 1, heads: 2, width: 8), head: ModelHead(kind: .lm, firstLayer: 4), seed: 2)
        try model.addSoftPrompt(length: 2)
        #expect(model.layers.last?.layer is PromptSkip)
        #expect(try model.predict(.tokens([1, 2, 3, 4], batch: 1, length: 4)).shape == [1, 4, 7])
    }

    @Test func thePromptStartsAsRowsOfTheEmbeddingTable() throws {
        let model = try Model(.gpt(vocabulary: 7, context: 6, depth: 1, heads: 2, width: 4), seed: 2)
        let table = model.embedding!.weight.value.scalars
        let rows = (0..<7).map { Array(table[($0 * 4)..<($0 * 4 + 4)]) }
        let prompt = try model.addSoftPrompt(length: 3, seed: 5).prompt.value.scalars
        for p in 0..<3 { #expect(rows.contains(Array(prompt[(p * 4)..<(p * 4 + 4)]))) }
    }

    @Test func onlyThePromptTrainsAndTheHeadWhenAsked() throws {
        let model = try Model(.gpt(vocabulary: 6, context: 8, depth: 1, heads: 2, width: 8), head: ModelHead(kind: .lm, firstLayer: 4), seed: 4)
        let prompt = try model.addSoftPrompt(length: 2, seed: 1)
        model.freezeAllButPrompt(head: false)
        #expect(model.trainableParameterCount == 2 * 8)
        let before = model.parameters.filter { $0.parameter !== prompt.prompt }.map(\.parameter.value.scalars)
        let start = prompt.prompt.value.scalars
        let batch = lmBatch(batch: 2, length: 6, vocabulary: 6, seed: 5)
        let result = try train(model, batches: { _ in batch }, config: TrainConfig(steps: 30, learningRate: 3e-2, seed: 1))
        #expect(result.losses.last! < result.losses.first!)
        #expect(model.parameters.filter { $0.parameter !== prompt.prompt }.map(\.parameter.value.scalars) == before)
        #expect(prompt.prompt.value.scalars != start)

        let classifier = try Model(.sequenceClassifier(vocabulary: 9, length: 8, depth: 1, heads: 2, width: 8, classes: 3),
                                   head: ModelHead(kind: .classify, firstLayer: 4), seed: 3)
        try classifier.addSoftPrompt(length: 4)
        classifier.freezeAllButPrompt(head: true)
        #expect(classifier.trainableParameterCount == 4 * 8 + 8 * 3 + 3)
    }

    @Test func aPromptSurvivesACheckpointAndAReplica() throws {
        let model = try Model(.sequenceClassifier(vocabulary: 9, length: 8, depth: 1, heads: 2, width: 8, classes: 2),
                              head: ModelHead(kind: .classify, firstLayer: 4), seed: 3)
        try model.addSoftPrompt(length: 3, seed: 9)
        let input = ModelInput.tokens([1, 2, 3, 4], batch: 1, length: 4)
        let path = temporaryPath("prompt.safetensors")
        defer { unlink(path) }
        try model.save(to: path)
        let loaded = try Model.load(from: path).model
        #expect(loaded.promptLength == 3)
        #expect(try loaded.predict(input).scalars == model.predict(input).scalars)
        let copy = try model.replica()
        #expect(try copy.predict(input).scalars == model.predict(input).scalars)
    }

    @Test func badPromptsAreRefused() throws {
        let features = try Model(.mlp(features: 3, hidden: [4], outputs: 2))
        #expect(throws: ModelError.promptNeedsTokenModel) { try features.addSoftPrompt(length: 2) }
        let model = try Model(.gpt(vocabulary: 7, context: 6, depth: 1, heads: 2, width: 8))
        #expect(throws: ModelError.promptLength(length: 6, context: 6)) { try model.addSoftPrompt(length: 6) }
        try model.addSoftPrompt(length: 2)
        #expect(throws: ModelError.promptExists(length: 2)) { try model.addSoftPrompt(length: 3) }
        #expect(try model.addSoftPrompt(length: 2) === model.softPrompt)
    }
}
