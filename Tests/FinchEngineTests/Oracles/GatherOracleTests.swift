@testable import FinchEngine
import Testing

extension KernelOracles {
    /// Embedding lookup and its scatter-add, mean pooling with padding, and the first-token pick
    /// against `Naive.embedding` and `Naive.meanPool`.
    @Suite struct GatherOracleTests {
        @Test(arguments: [1, 9, 33])
        func embeddingAndItsScatterAddMatchTheNaiveReference(_ width: Int) {
            let vocabulary = 11
            var generator = Xoshiro(seed: 1)
            // 50 ids from 11: most rows are picked several times, some never.
            let ids = (0..<50).map { _ in Int32(generator.nextInt(below: vocabulary)) }
            let table = randomTensor([vocabulary, width], seed: 2)
            let pass = graphPass([table]) { g, v in ids.withUnsafeBufferPointer { g.embedding(v[0], ids: $0, shape: [5, 10]) } }
            expectClose(pass.output, Naive.embedding(table: table.scalars, ids: ids, width: width), "out width \(width)")
            expectClose(pass.gradients[0], Naive.embeddingBackward(pass.upstream, ids: ids, vocabulary: vocabulary, width: width),
                        "dtable width \(width)")
        }

        @Test(arguments: [nil, [7, 1, 4]])
        func meanPoolMatchesTheNaiveReference(_ lengths: [Int]?) {
            let (batch, length, width) = (3, 7, 9)
            let x = randomTensor([batch, length, width], seed: 3)
            let pass = graphPass([x]) { g, v in g.meanPool(v[0], lengths: lengths) }
            expectClose(pass.output, Naive.meanPool(x.scalars, batch: batch, length: length, width: width, lengths: lengths), "out")
            let naive = Naive.meanPoolBackward(pass.upstream, batch: batch, length: length, width: width, lengths: lengths)
            expectClose(pass.gradients[0], naive, "dx")
        }

        @Test func firstTokenPicksPositionZeroAndRoutesItsGradientBack() {
            let (batch, length, width) = (3, 4, 9)
            let x = randomTensor([batch, length, width], seed: 4)
            let pass = graphPass([x]) { g, v in g.firstToken(v[0]) }
            // Position t of example b starts at (b·length + t)·width.
            expectClose(pass.output, (0..<batch * width).map { Double(x.scalars[($0 / width) * length * width + $0 % width]) }, "out")
            let expected = (0..<batch * length * width).map { i -> Double in
                let (b, t, j) = (i / (length * width), i / width % length, i % width)
                return t == 0 ? Double(pass.upstream[b * width + j]) : 0
            }
            expectClose(pass.gradients[0], expected, "dx")
        }
    }
}
