@testable import FinchData
import FinchEngine
import Testing

/// The token ids and shape of a token batch.
func tokens(_ batch: Batch) -> (ids: [Int32], batch: Int, length: Int)? {
    if case let .tokens(ids, rows, length, _) = batch.input { (ids, rows, length) } else { nil }
}

/// The class targets of a batch.
func classes(_ batch: Batch) -> [Int32]? {
    if case let .classes(labels) = batch.targets { labels } else { nil }
}

/// The feature tensor of a batch.
func features(_ batch: Batch) -> Tensor? {
    if case let .features(tensor) = batch.input { tensor } else { nil }
}

@Suite struct NextTokenBatchTests {
    let stream = (0..<1000).map { Int32($0 % 97) }

    @Test func windowsAreFollowedByTheirNextTokens() throws {
        var maker = try NextTokenBatches(stream: stream, context: 8, batch: 4, seed: 1)
        let batch = maker.next()
        let (ids, rows, length) = try #require(tokens(batch))
        #expect(rows == 4 && length == 8 && ids.count == 32)
        let targets = try #require(classes(batch))
        for row in 0..<4 {
            for position in 0..<8 {
                #expect(targets[row * 8 + position] == (ids[row * 8 + position] + 1) % 97)
                if position > 0 { #expect(ids[row * 8 + position] == (ids[row * 8 + position - 1] + 1) % 97) }
            }
        }
        #expect(maker.epochs == 32.0 / 1000)
    }

    @Test func theSameSeedGivesTheSameBatches() throws {
        var a = try NextTokenBatches(stream: stream, context: 8, batch: 4, seed: 7)
        var b = try NextTokenBatches(stream: stream, context: 8, batch: 4, seed: 7)
        var c = try NextTokenBatches(stream: stream, context: 8, batch: 4, seed: 8)
        for _ in 0..<5 {
            let (x, y, z) = (a.next(), b.next(), c.next())
            #expect(tokens(x)!.ids == tokens(y)!.ids && classes(x) == classes(y))
            #expect(tokens(x)!.ids != tokens(z)!.ids)
        }
    }

    @Test func windowsReachTheLastToken() throws {
        var maker = try NextTokenBatches(stream: [5, 6, 7], context: 2, batch: 3, seed: 0)
        let batch = maker.next()
        #expect(tokens(batch)!.ids == [5, 6, 5, 6, 5, 6])
        #expect(classes(batch) == [6, 7, 6, 7, 6, 7])
    }

    @Test func evaluationWindowsAreFixedAndSpreadOverTheStream() throws {
        let maker = try NextTokenBatches(stream: Array(0..<100), context: 9, batch: 4, seed: 0)
        let batches = maker.evaluationBatches(limit: 10)
        #expect(batches.map { tokens($0)!.batch } == [4, 4, 3])
        #expect(batches.map { tokens($0)!.ids[0] } == [0, 36, 72])
        #expect(classes(batches[2])!.last == 99)
        #expect(maker.evaluationBatches(limit: 1).count == 1)
    }

    @Test func refusesShortStreamsAndBadSizes() {
        #expect(throws: DataError.streamTooShort(tokens: 3, window: 4)) { try NextTokenBatches(stream: [1, 2, 3], context: 3, batch: 1, seed: 0) }
        #expect(throws: DataError.outOfRange(parameter: "the context", value: "0", allowed: "at least 1")) {
            try NextTokenBatches(stream: [1, 2, 3], context: 0, batch: 1, seed: 0)
        }
        #expect(throws: DataError.outOfRange(parameter: "the batch size", value: "-2", allowed: "at least 1")) {
            try NextTokenBatches(stream: [1, 2, 3], context: 1, batch: -2, seed: 0)
        }
    }
}

@Suite struct MaskedTokenBatchTests {
    let stream = (0..<5000).map { Int32(4 + $0 % 50) }

    @Test func masksTheRequestedShareOfPositions() throws {
        var maker = try MaskedTokenBatches(stream: stream, vocabularySize: 54, context: 20, batch: 50, maskRate: 0.15, seed: 3)
        #expect(maker.maskedPerSequence == 3)
        var masked = 0, random = 0, kept = 0
        for _ in 0..<40 {
            let batch = maker.next()
            let (ids, rows, length) = try #require(tokens(batch))
            #expect(rows == 50 && length == 20)
            let targets = try #require(classes(batch))
            for row in 0..<50 {
                let rowTargets = targets[row * 20..<(row + 1) * 20]
                #expect(rowTargets.filter { $0 != -100 }.count == 3)
                // The original window is consecutive: recover it from any unmasked neighbour.
                for position in 0..<20 where rowTargets[row * 20 + position] != -100 {
                    let at = row * 20 + position
                    if ids[at] == Tokenizer.mask { masked += 1 } else if ids[at] == targets[at] { kept += 1 } else { random += 1 }
                    #expect(targets[at] >= 4 && targets[at] < 54)
                }
                for position in 0..<20 where rowTargets[row * 20 + position] == -100 {
                    #expect(ids[row * 20 + position] >= 4)
                }
            }
        }
        let total = Double(masked + random + kept)
        #expect(total == 6000)
        #expect(abs(Double(masked) / total - 0.8) < 0.02)
        // A random replacement equals the original 1 time in 50, so it counts as kept then.
        #expect(abs(Double(random) / total - 0.098) < 0.015)
        #expect(abs(Double(kept) / total - 0.102) < 0.015)
    }

    @Test func theSameSeedGivesTheSameMasksAndEvaluationIsFixed() throws {
        var a = try MaskedTokenBatches(stream: stream, vocabularySize: 54, context: 16, batch: 8, maskRate: 0.25, seed: 11)
        var b = try MaskedTokenBatches(stream: stream, vocabularySize: 54, context: 16, batch: 8, maskRate: 0.25, seed: 11)
        for _ in 0..<3 {
            let (x, y) = (a.next(), b.next())
            #expect(tokens(x)!.ids == tokens(y)!.ids && classes(x) == classes(y))
        }
        let first = a.evaluationBatches(limit: 2), second = a.evaluationBatches(limit: 2)
        #expect(first.count == 2)
        #expect(first.map { tokens($0)!.ids } == second.map { tokens($0)!.ids })
        #expect(first.map { classes($0)! } == second.map { classes($0)! })
    }

    @Test func aTinyRateStillMasksOnePosition() throws {
        var maker = try MaskedTokenBatches(stream: stream, vocabularySize: 54, context: 10, batch: 2, maskRate: 0.01, seed: 0)
        #expect(classes(maker.next())!.filter { $0 != -100 }.count == 2)
        #expect(throws: DataError.outOfRange(parameter: "the mask rate", value: "0.0", allowed: "more than 0 and at most 1")) {
            try MaskedTokenBatches(stream: stream, vocabularySize: 54, context: 10, batch: 2, maskRate: 0, seed: 0)
        }
        #expect(throws: DataError.streamTooShort(tokens: 5000, window: 6000)) {
            try MaskedTokenBatches(stream: stream, vocabularySize: 54, context: 6000, batch: 2, maskRate: 0.1, seed: 0)
        }
    }
}

@Suite struct TextClassBatchTests {
    let data = try! Dataset(name: "notes", texts: ["a b", "b c d e", "c", "a a a"], labels: [0, 1, 1, 0], classNames: ["x", "y"])
    let tokenizer = try! Tokenizer.words(from: "a b c d", limit: 10)

    @Test func textsArePaddedOrCutToTheContext() throws {
        let maker = try ClassBatches(texts: data, tokenizer: tokenizer, context: 3, batch: 4, seed: 0)
        let batch = try #require(maker.evaluationBatches(limit: 1).first)
        let (a, b, c, d) = (tokenizer.id(of: "a")!, tokenizer.id(of: "b")!, tokenizer.id(of: "c")!, tokenizer.id(of: "d")!)
        #expect(tokens(batch)!.ids == [a, b, 0, b, c, d, c, 0, 0, a, a, a])
        #expect(tokens(batch)!.ids.contains(Tokenizer.unknown) == false)
        #expect(classes(batch) == [0, 1, 1, 0])
    }

    @Test func epochsVisitEveryTextOnceInASeededOrder() throws {
        var maker = try ClassBatches(texts: data, tokenizer: tokenizer, context: 4, batch: 2, seed: 5)
        var again = try ClassBatches(texts: data, tokenizer: tokenizer, context: 4, batch: 2, seed: 5)
        let evaluation = maker.evaluationBatches(limit: 9)
        #expect(evaluation.count == 2)
        let rowsOf: (Batch) -> [[Int32]] = { b in (0..<2).map { Array(tokens(b)!.ids[$0 * 4..<($0 + 1) * 4]) } }
        let all = evaluation.flatMap(rowsOf)
        for _ in 0..<3 {
            let epoch = [maker.next(), maker.next()]
            #expect(epoch.flatMap(rowsOf).sorted { $0.lexicographicallyPrecedes($1) } == all.sorted { $0.lexicographicallyPrecedes($1) })
            #expect(epoch.map { tokens($0)!.ids } == [again.next(), again.next()].map { tokens($0)!.ids })
        }
        #expect(maker.epochs == 3)
    }

    @Test func needsLabeledTexts() {
        let features = try! Dataset(name: "f", features: [1, 2], width: 1, labels: [0, 0], classNames: ["x"])
        #expect(throws: DataError.wrongInputs(name: "f", needs: "texts")) {
            try ClassBatches(texts: features, tokenizer: tokenizer, context: 3, batch: 2, seed: 0)
        }
        #expect(throws: DataError.noLabels(name: "u", operation: "used to train a classifier")) {
            try ClassBatches(texts: Dataset(name: "u", texts: ["a"]), tokenizer: tokenizer, context: 3, batch: 2, seed: 0)
        }
    }

    @Test func theBatchSizeIsAtMostTheDataSet() throws {
        var maker = try ClassBatches(texts: data, tokenizer: tokenizer, context: 2, batch: 100, seed: 0)
        #expect(maker.batchSize == 4)
        #expect(Set(classes(maker.next())!.map(Int.init)).count == 2)
    }
}

@Suite struct FeatureBatchTests {
    let data = try! Dataset(name: "grid", features: (0..<30).map(Float.init), width: 3,
                            labels: (0..<10).map { $0 % 2 }, classNames: ["even", "odd"])

    @Test func classBatchesPairRowsWithTheirLabels() throws {
        var maker = try ClassBatches(features: data, batch: 4, seed: 2)
        for _ in 0..<5 {
            let batch = maker.next()
            let input = try #require(features(batch))
            #expect(input.shape == [4, 3])
            let labels = try #require(classes(batch))
            for row in 0..<4 {
                let first = input[row, 0]
                #expect(input[row, 1] == first + 1 && input[row, 2] == first + 2)
                #expect(labels[row] == Int32(first / 3) % 2)
            }
        }
        #expect(maker.epochs == 2)
        var again = try ClassBatches(features: data, batch: 4, seed: 2)
        var other = try ClassBatches(features: data, batch: 4, seed: 3)
        let (x, y, z) = (again.next(), ClassBatches.first(of: data, seed: 2), other.next())
        #expect(features(x)! == features(y)! && classes(x) == classes(y))
        #expect(features(x)! != features(z)!)
        #expect(maker.evaluationBatches(limit: 5).map { features($0)!.shape } == [[4, 3], [4, 3], [2, 3]])
    }

    @Test func maskedFeatureBatchesZeroTheRateAndTargetTheOriginals() throws {
        let digits = try BuiltinData.dataset(named: "digits")
        var maker = try MaskedFeatureBatches(dataset: digits, batch: 64, maskRate: 0.25, seed: 4)
        var zeroed = 0, total = 0
        for _ in 0..<20 {
            let batch = maker.next()
            let input = try #require(features(batch))
            guard case let .values(target) = batch.targets else { Issue.record("not values"); return }
            #expect(input.shape == [64, 64] && target.shape == [64, 64])
            for (masked, original) in zip(input.scalars, target.scalars) where original != 0 {
                total += 1
                if masked == 0 { zeroed += 1 } else { #expect(masked == original) }
            }
        }
        #expect(abs(Double(zeroed) / Double(total) - 0.25) < 0.01)
        var a = try MaskedFeatureBatches(dataset: digits, batch: 8, maskRate: 0.5, seed: 1)
        var b = try MaskedFeatureBatches(dataset: digits, batch: 8, maskRate: 0.5, seed: 1)
        #expect(features(a.next())! == features(b.next())!)
        #expect(features(a.evaluationBatches(limit: 1)[0])! == features(b.evaluationBatches(limit: 1)[0])!)
    }

    @Test func needFeatureRows() {
        let texts = try! Dataset(name: "t", texts: ["a"], labels: [0], classNames: ["x"])
        #expect(throws: DataError.wrongInputs(name: "t", needs: "feature rows")) { try ClassBatches(features: texts, batch: 1, seed: 0) }
        #expect(throws: DataError.wrongInputs(name: "t", needs: "feature rows")) {
            try MaskedFeatureBatches(dataset: texts, batch: 1, maskRate: 0.1, seed: 0)
        }
        #expect(throws: DataError.outOfRange(parameter: "the mask rate", value: "1.5", allowed: "between 0 and 1")) {
            try MaskedFeatureBatches(dataset: data, batch: 1, maskRate: 1.5, seed: 0)
        }
        #expect(throws: DataError.noLabels(name: "u", operation: "used to train a classifier")) {
            try ClassBatches(features: Dataset(name: "u", features: [1], width: 1), batch: 1, seed: 0)
        }
    }
}

extension ClassBatches {
    /// The first batch of 4 a fresh maker with `seed` gives.
    static func first(of data: Dataset, seed: UInt64) -> Batch {
        var maker = try! ClassBatches(features: data, batch: 4, seed: seed)
        return maker.next()
    }
}
