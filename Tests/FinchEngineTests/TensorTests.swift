@testable import FinchEngine
import Glibc
import Testing

@Suite struct TensorTests {
    @Test func storesValuesRowMajor() throws {
        let t = try Tensor(shape: [2, 3], values: [1, 2, 3, 4, 5, 6])
        #expect(t[1, 0] == 4)
        #expect(t.count == 6)
        #expect(t.strides == [3, 1])
    }

    @Test func refusesWrongValueCountAndNegativeShape() {
        #expect(throws: TensorError.countMismatch(shape: [2, 2], count: 3)) { try Tensor(shape: [2, 2], values: [1, 2, 3]) }
        #expect(throws: TensorError.negativeDimension([-1])) { try Tensor(zeros: [-1]) }
    }

    @Test func transposeAndSliceAreViews() throws {
        let t = try Tensor(shape: [2, 3], values: [1, 2, 3, 4, 5, 6])
        let tt = try t.transposed()
        #expect(tt.shape == [3, 2])
        #expect(tt.scalars == [1, 4, 2, 5, 3, 6])
        #expect(tt.storage === t.storage)
        let row = try t.sliced(axis: 0, 1..<2)
        #expect(row.scalars == [4, 5, 6])
        #expect(row.storage === t.storage)
        let column = try t.sliced(axis: 1, 1..<3)
        #expect(column.scalars == [2, 3, 5, 6])
    }

    @Test func reshapeInfersOneDimensionAndRefusesMismatch() throws {
        let t = try Tensor(shape: [2, 3], values: [1, 2, 3, 4, 5, 6])
        #expect(try t.reshaped([3, -1]).shape == [3, 2])
        #expect(throws: TensorError.reshapeMismatch(from: [2, 3], to: [4, 2])) { try t.reshaped([4, 2]) }
        #expect(throws: TensorError.badRange(lower: 0, upper: 5, extent: 2)) { try t.sliced(axis: 0, 0..<5) }
    }

    @Test func writesCopyOnlyWhenShared() throws {
        let a = try Tensor(shape: [2], values: [1, 2])
        var b = a
        b[0] = 9
        #expect(a[0] == 1)
        #expect(b[0] == 9)
    }

    @Test func broadcastsLikeNumPy() throws {
        let a = try Tensor(shape: [2, 3], values: [1, 2, 3, 4, 5, 6])
        let b = try Tensor(shape: [3], values: [10, 20, 30])
        #expect(try (a + b).scalars == [11, 22, 33, 14, 25, 36])
        let column = try Tensor(shape: [2, 1], values: [1, 2])
        #expect(try (a * column).scalars == [1, 2, 3, 8, 10, 12])
        #expect(throws: TensorError.notBroadcastable([2, 3], [2])) { try a + Tensor(shape: [2], values: [1, 2]) }
    }

    @Test func matmulHandlesBatchesAndTransposedViews() throws {
        let a = try Tensor(shape: [2, 2, 3], values: (0..<12).map(Float.init))
        let b = try Tensor(shape: [3, 2], values: [1, 0, 0, 1, 1, 1])
        let c = try a.matmul(b)
        #expect(c.shape == [2, 2, 2])
        #expect(c.scalars == [2, 3, 8, 9, 14, 15, 20, 21])
        let bt = try Tensor(shape: [2, 3], values: [1, 0, 1, 0, 1, 1]).transposed()
        #expect(try a.matmul(bt).scalars == c.scalars)
        #expect(throws: TensorError.matmulMismatch([2, 2, 3], [2, 2])) { try a.matmul(Tensor(zeros: [2, 2])) }
    }

    @Test func sgemmMatchesNaiveReferenceForAllTransposes() {
        for transA in [false, true] {
            for transB in [false, true] {
                let m = 5, n = 7, k = 4
                let a = randomTensor([m * k], seed: 1), b = randomTensor([k * n], seed: 2)
                var fast = [Float](repeating: 1, count: m * n), slow = fast
                a.withUnsafePointer { ap in
                    b.withUnsafePointer { bp in
                        sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: 0.5, a: ap, lda: transA ? m : k,
                              b: bp, ldb: transB ? k : n, beta: 2, c: &fast, ldc: n)
                        sgemmNaive(transA: transA, transB: transB, m: m, n: n, k: k, alpha: 0.5, a: ap, lda: transA ? m : k,
                                   b: bp, ldb: transB ? k : n, beta: 2, c: &slow, ldc: n)
                    }
                }
                for i in 0..<m * n { #expect(abs(fast[i] - slow[i]) < 1e-4) }
            }
        }
    }
}

@Suite struct RandomTests {
    @Test func sameSeedSameNumbers() {
        var a = Xoshiro(seed: 42), b = Xoshiro(seed: 42), c = Xoshiro(seed: 43)
        let first = (0..<4).map { _ in a.next() }
        #expect(first == (0..<4).map { _ in b.next() })
        #expect(first != (0..<4).map { _ in c.next() })
    }

    @Test func uniformAndNormalHaveExpectedMoments() {
        var g = Xoshiro(seed: 1)
        let n = 20_000
        let uniform = (0..<n).map { _ in g.nextUniform() }
        #expect(uniform.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(uniform.reduce(0, +) / Float(n) - 0.5) < 0.01)
        let normal = (0..<n).map { _ in g.nextNormal() }
        let mean = normal.reduce(0, +) / Float(n)
        let variance = normal.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(n)
        #expect(abs(mean) < 0.03)
        #expect(abs(variance - 1) < 0.05)
    }

    @Test func shuffleIsAPermutation() {
        var g = Xoshiro(seed: 5)
        var indices = Array(0..<50)
        g.shuffle(&indices)
        #expect(indices != Array(0..<50))
        #expect(indices.sorted() == Array(0..<50))
    }
}

@Suite struct FastMathTests {
    @Test func exponentialMatchesTheCLibrary() {
        for i in stride(from: -870, through: 880, by: 1) {
            let x = Float(i) * 0.1 + 0.037
            let expected = Float(exp(Double(x)))
            #expect(abs(exponential(x) - expected) <= 3e-7 * expected, "x = \(x)")
        }
        #expect(exponential(-1000) < 1e-37)
    }
}
