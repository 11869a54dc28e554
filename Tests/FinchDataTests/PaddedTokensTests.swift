@testable import FinchData
import FinchEngine
import Testing

/// Padded texts carry each row's real length, so the model can ignore the `<pad>` positions.
@Suite struct PaddedTokensTests {
    let data = try! Dataset(name: "notes", texts: ["a b", "b c d e", "", "a a a", "c"], labels: [0, 1, 1, 0, 1],
                            classNames: ["x", "y"])
    let tokenizer = try! Tokenizer.words(from: "a b c d", limit: 10)

    @Test func lengthsCountTheTokensCutToTheContextAndAtLeastOne() {
        let padded = PaddedTokens(data.texts!, tokenizer: tokenizer, context: 3)
        #expect(padded.lengths == [2, 3, 1, 3, 1])
        #expect(padded.ids[6..<9] == [Tokenizer.pad, Tokenizer.pad, Tokenizer.pad])
        let input = padded.input([3, 0])
        #expect(input.lengths == [3, 2])
        #expect(input.batch == 2 && input.length == 3)
    }

    @Test func classBatchesCarryTheLengthsOfTheirOwnRows() throws {
        var maker = try ClassBatches(texts: data, tokenizer: tokenizer, context: 4, batch: 2, seed: 3)
        #expect(maker.evaluationBatches(limit: 9).map { $0.input.lengths } == [[2, 4], [1, 3], [1]])
        for _ in 0..<6 {
            let batch = maker.next()
            let (ids, rows, length) = try #require(tokens(batch))
            let real = (0..<rows).map { row in max(1, ids[row * length..<(row + 1) * length].filter { $0 != Tokenizer.pad }.count) }
            #expect(batch.input.lengths == real)
        }
    }

    @Test func inferenceInputsCarryTheLengthsInChunks() throws {
        let inputs = try data.inputBatches(batch: 2, tokenizer: tokenizer, context: 3)
        #expect(inputs.map(\.lengths) == [[2, 3], [1, 3], [1]])
        let rows = try Dataset(name: "rows", features: [1, 2, 3, 4], width: 2).inputBatches(batch: 2, tokenizer: nil, context: 1)
        #expect(rows.map(\.lengths) == [nil])
    }

    @Test func streamWindowsHaveNoPaddingAndNoLengths() throws {
        let stream = (0..<200).map { Int32(4 + $0 % 20) }
        var next = try NextTokenBatches(stream: stream, context: 8, batch: 2, seed: 0)
        var masked = try MaskedTokenBatches(stream: stream, vocabularySize: 24, context: 8, batch: 2, maskRate: 0.2, seed: 0)
        #expect(next.next().input.lengths == nil && masked.next().input.lengths == nil)
    }
}
