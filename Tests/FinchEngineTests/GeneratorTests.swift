@testable import FinchEngine
import Testing

/// A small GPT whose every parameter (norm scales, biases, adapters included) is drawn with a
/// large spread, so attention is far from uniform and logits are of order 1.
/// With `adapters`, LoRA adapters of rank 2 then 3 take the place of the layers they match.
private func spreadModel(_ spec: ModelSpec, seed: UInt64, adapters: [String] = []) throws -> Model {
    let model = try Model(spec, seed: seed)
    for (i, pattern) in adapters.enumerated() {
        try model.addLoRA(matching: pattern, rank: 2 + i, alpha: 4, seed: seed)
    }
    var g = Xoshiro(seed: seed &+ 100)
    for named in model.parameters {
        try named.parameter.assign(Tensor(normal: named.parameter.shape, std: 0.4, generator: &g))
    }
    return model
}

private func tokens(_ count: Int, vocabulary: Int, seed: UInt64) -> [Int32] {
    var g = Xoshiro(seed: seed)
    return (0..<count).map { _ in Int32(g.nextInt(below: vocabulary)) }
}

/// Logits of every position of `ids` by the training forward `[length][vocabulary]`.
private func recomputed(_ model: Model, _ ids: [Int32]) throws -> [[Float]] {
    let output = try model.predict(.tokens(ids, batch: 1, length: ids.count)).scalars
    let vocabulary = output.count / ids.count
    return (0..<ids.count).map { Array(output[$0 * vocabulary..<($0 + 1) * vocabulary]) }
}

/// Float32 through two blocks of width 16: each logit is a sum of a few hundred rounded products
/// in another order than the training forward's (sgemv and row loops against blocked sgemm, LoRA
/// merged into the weight), so they differ by a few float ulps: up to 2e-7 of the row's largest
/// magnitude, measured. 1e-4 of it leaves a wide margin, and an attention scale 1% off already
/// fails it (by 1e-3 to 6e-3).
private func expectClose(_ cached: UnsafeBufferPointer<Float>, _ reference: [Float],
                         sourceLocation: SourceLocation = #_sourceLocation) {
    let scale = max(1, reference.map(abs).max() ?? 0)
    let worst = zip(cached, reference).map { abs($0 - $1) }.max() ?? 0
    #expect(worst <= 1e-4 * scale, "largest difference \(worst) at scale \(scale)", sourceLocation: sourceLocation)
}

private func argmax(_ row: [Float]) -> Int32 {
    Int32(row.indices.max { row[$0] < row[$1] } ?? 0)
}

@Suite struct GeneratorTests {
    static let vocabulary = 11, context = 6
    /// Models, with the layers their LoRA variant adapts.
    static let specs: [(spec: ModelSpec, adapters: [String])] = [
        (.gpt(vocabulary: vocabulary, context: context, depth: 2, heads: 2, width: 16), ["*.attn.q", "*.mlp.fc"]),
        (.gpt(vocabulary: vocabulary, context: context, depth: 2, heads: 4, width: 16, dropout: 0.1, bias: true, tied: false),
         ["blocks.1.attn.v", "blocks.0.mlp.proj"]),
        (ModelSpec(input: .tokens(vocabulary: vocabulary, length: context), layers: [
            .embedding(width: 16), .positionalEmbedding, .transformerBlock(heads: 2, bias: true), .layerNorm(bias: true),
            .lmHead(tied: true, bias: true),
        ]), ["*.attn.o"]),
        // What a language user may write: position-wise layers and a causal attention without
        // residual, changing the width.
        (ModelSpec(input: .tokens(vocabulary: vocabulary, length: context), layers: [
            .embedding(width: 16), .positionalEmbedding, .dense(outputs: 12), .activation(.relu),
            .selfAttention(heads: 3, causal: true), .activation(.tanh), .layerNorm(bias: false), .lmHead(tied: false),
        ]), ["dense.0", "attn.0.k"]),
        // Heads narrower in total than the width, as pruning heads leaves them.
        (ModelSpec(input: .tokens(vocabulary: vocabulary, length: context), layers: [
            .embedding(width: 16), .positionalEmbedding, .transformerBlock(heads: 3, bias: true, headWidth: 4),
            .selfAttention(heads: 2, causal: true, headWidth: 5), .layerNorm(bias: true), .lmHead(tied: true),
        ]), ["*.attn.v", "attn.0.o"]),
    ]

    @Test(arguments: 0..<5, [false, true])
    func cachedLogitsAtEveryPositionEqualTheFullForward(spec index: Int, lora: Bool) throws {
        let (spec, adapters) = Self.specs[index]
        let model = try spreadModel(spec, seed: UInt64(index + 1), adapters: lora ? adapters : [])
        #expect(model.adapters.count >= (lora ? adapters.count : 0) && lora == !model.adapters.isEmpty)
        let ids = tokens(Self.context, vocabulary: Self.vocabulary, seed: 7)
        let reference = try recomputed(model, ids)
        let generator = try Generator(model: model)
        try generator.start([ids[0]])
        expectClose(generator.logits, reference[0])
        for t in 1..<ids.count {
            generator.append(ids[t], slide: .window)
            expectClose(generator.logits, reference[t])
        }
        // The prompt in one batched forward gives the last position's logits too.
        try generator.start(ids)
        expectClose(generator.logits, reference[ids.count - 1])
    }

    @Test func pastTheContextTheWindowSlideSeesTheLastContextTokens() throws {
        let model = try spreadModel(Self.specs[1].spec, seed: 3)
        let ids = tokens(Self.context + 4, vocabulary: Self.vocabulary, seed: 8)
        let generator = try Generator(model: model)
        try generator.start(Array(ids.prefix(Self.context)))
        for t in Self.context..<ids.count {
            generator.append(ids[t], slide: .window)
            let window = Array(ids[(t + 1 - Self.context)...t])
            expectClose(generator.logits, try recomputed(model, window).last!)
        }
        // A prompt longer than the context is read from its last context tokens.
        try generator.start(ids)
        expectClose(generator.logits, try recomputed(model, Array(ids.suffix(Self.context))).last!)
    }

    @Test func theHalfSlideKeepsHalfTheContextThenGrowsItBack() throws {
        let model = try spreadModel(Self.specs[0].spec, seed: 4)
        let ids = tokens(Self.context + 5, vocabulary: Self.vocabulary, seed: 9)
        let generator = try Generator(model: model)
        try generator.start(Array(ids.prefix(Self.context)))
        // Token `context` slides to the last 3 tokens; the next 3 grow the window back to 6;
        // the one after slides again.
        var start = 0
        for t in Self.context..<ids.count {
            if t - start + 1 > Self.context { start = t - 2 }
            generator.append(ids[t], slide: .half)
            expectClose(generator.logits, try recomputed(model, Array(ids[start...t])).last!)
        }
        #expect(start == Self.context + 4 - 2)
    }

    @Test func greedyGenerationIsTheArgmaxOfTheFullRecompute() throws {
        let model = try spreadModel(Self.specs[1].spec, seed: 5)
        let prompt = tokens(2, vocabulary: Self.vocabulary, seed: 10)
        let produced = try Generator(model: model).generate(prompt: prompt, count: 9, sampling: .greedy, seed: 1)
        var sequence = prompt
        for _ in 0..<9 {
            sequence.append(argmax(try recomputed(model, Array(sequence.suffix(Self.context))).last!))
        }
        #expect(produced == Array(sequence.dropFirst(2)))
    }

    @Test func theSameSeedGivesTheSameTokensAndTopKOfOneIsGreedy() throws {
        let model = try spreadModel(Self.specs[0].spec, seed: 6)
        let generator = try Generator(model: model)
        let prompt: [Int32] = [1, 2, 3]
        let warm = Sampling(temperature: 1.5)
        let first = try generator.generate(prompt: prompt, count: 40, sampling: warm, seed: 11)
        #expect(try generator.generate(prompt: prompt, count: 40, sampling: warm, seed: 11) == first)
        #expect(try generator.generate(prompt: prompt, count: 40, sampling: warm, seed: 12) != first)
        #expect(Set(first).count > 3)
        let greedy = try generator.generate(prompt: prompt, count: 20, sampling: .greedy, seed: 0)
        #expect(try generator.generate(prompt: prompt, count: 20, sampling: Sampling(temperature: 2, topK: 1), seed: 5) == greedy)
    }

    @Test func excludedTokensNeverAppear() throws {
        let model = try spreadModel(Self.specs[0].spec, seed: 7)
        let generator = try Generator(model: model)
        let greedy = try generator.generate(prompt: [0], count: 30, sampling: .greedy, seed: 0)
        let banned = Set(greedy.prefix(3))
        for sampling in [Sampling.greedy, Sampling(temperature: 3)] {
            let produced = try generator.generate(prompt: [0], count: 200, sampling: sampling, seed: 3, excluding: banned)
            #expect(produced.count == 200)
            #expect(banned.isDisjoint(with: produced))
        }
        #expect(throws: GenerationError.everyTokenExcluded) {
            try generator.generate(prompt: [0], count: 1, seed: 0, excluding: Set(0..<Int32(Self.vocabulary)))
        }
    }

    @Test func cancellingStopsBeforeTheNextToken() throws {
        let generator = try Generator(model: try spreadModel(Self.specs[0].spec, seed: 8))
        var asked = 0
        let produced = try generator.generate(prompt: [1], count: 50, seed: 0, isCancelled: {
            asked += 1
            return asked > 4
        })
        #expect(produced.count == 4)
    }

    @Test func badSettingsAndModelsAreRefusedWithTypedErrors() throws {
        let generator = try Generator(model: try Model(Self.specs[0].spec))
        func refuses(_ error: GenerationError, _ sampling: Sampling, prompt: [Int32] = [1]) {
            #expect(throws: error) { try generator.generate(prompt: prompt, count: 1, sampling: sampling, seed: 0) }
        }
        refuses(.negativeTemperature(-0.5), Sampling(temperature: -0.5))
        refuses(.topKBelowOne(0), Sampling(topK: 0))
        refuses(.topPOutOfRange(0), Sampling(topP: 0))
        refuses(.topPOutOfRange(1.5), Sampling(topP: 1.5))
        refuses(.emptyPrompt, Sampling(), prompt: [])
        refuses(.tokenOutOfRange(11, vocabulary: 11), Sampling(), prompt: [3, 11])
        #expect(throws: GenerationError.notATokenModel) { try Generator(model: try Model(.mlp(features: 4, hidden: [8], outputs: 2))) }
        let encoder = ModelSpec(input: .tokens(vocabulary: 5, length: 4), layers: [
            .embedding(width: 8), .transformerBlock(heads: 2, causal: false), .lmHead(tied: true),
        ])
        #expect(throws: GenerationError.bidirectionalLayer("blocks.0")) { try Generator(model: try Model(encoder)) }
        let classifier = ModelSpec(input: .tokens(vocabulary: 5, length: 4), layers: [
            .embedding(width: 8), .transformerBlock(heads: 2), .pool(.mean), .dense(outputs: 2),
        ])
        #expect(throws: GenerationError.unsupportedLayer("pool.0")) { try Generator(model: try Model(classifier)) }
        let headless = ModelSpec(input: .tokens(vocabulary: 5, length: 4), layers: [.embedding(width: 8), .layerNorm()])
        #expect(throws: GenerationError.noLMHead) { try Generator(model: try Model(headless)) }
    }
}

@Suite struct SamplerTests {
    /// Probabilities softmax(logits) = [0.5, 0.25, 0.125, 0.0625, 0.0625].
    let logits: [Float] = [3, 2, 1, 0, 0].map { $0 * Float(0.693_147_2) }

    /// How often each token is drawn in `draws` picks.
    func frequencies(_ sampling: Sampling, excluding: Set<Int32> = [], draws: Int = 20000) -> [Double] {
        let sampler = Sampler(vocabulary: logits.count, excluding: excluding)
        var g = Xoshiro(seed: 1)
        var counts = [Double](repeating: 0, count: logits.count)
        logits.withUnsafeBufferPointer { pointer in
            for _ in 0..<draws { counts[Int(sampler.pick(pointer.baseAddress!, sampling, &g))] += 1 }
        }
        return counts.map { $0 / Double(draws) }
    }

    @Test func samplingFollowsTheSoftmax() {
        let observed = frequencies(Sampling())
        for (o, p) in zip(observed, [0.5, 0.25, 0.125, 0.0625, 0.0625]) { #expect(abs(o - p) < 0.015) }
    }

    @Test func topPKeepsTheSmallestSetWhoseMassReachesP() {
        // 0.5 alone is below 0.7; with 0.25 the mass is 0.75 ≥ 0.7: two tokens, renormalised.
        let observed = frequencies(Sampling(topP: 0.7))
        #expect(abs(observed[0] - 2.0 / 3) < 0.015 && abs(observed[1] - 1.0 / 3) < 0.015)
        #expect(observed[2...].allSatisfy { $0 == 0 })
        // 0.5 alone is enough for p = 0.45.
        #expect(frequencies(Sampling(topP: 0.45)) == [1, 0, 0, 0, 0])
        // p = 0.8 needs the third token (0.875).
        #expect(frequencies(Sampling(topP: 0.8))[2] > 0.1 && frequencies(Sampling(topP: 0.8))[3] == 0)
    }

    @Test func topKThenTopPApplyToWhatIsLeft() {
        // top-k 3 leaves [4/7, 2/7, 1/7]; p = 0.9 then needs all three (1 ≥ 0.9 > 6/7), where
        // over all five tokens the first three (0.875) would not be enough.
        let observed = frequencies(Sampling(topK: 3, topP: 0.9))
        #expect(observed[2] > 0.1 && observed[3] == 0 && observed[4] == 0)
        #expect(frequencies(Sampling(topK: 2)) .map { $0 > 0 } == [true, true, false, false, false])
    }

    @Test func excludedTokensAreRemovedBeforeTheSoftmax() {
        let observed = frequencies(Sampling(), excluding: [0])
        #expect(observed[0] == 0 && abs(observed[1] - 0.5) < 0.015)
        #expect(frequencies(.greedy, excluding: [0], draws: 10) == [0, 1, 0, 0, 0])
    }
}
