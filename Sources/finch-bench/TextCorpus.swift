import Glibc
import FinchEngine

/// A text file encoded as character ids, split into training and validation streams.
struct TextCorpus {
    /// Distinct characters (Unicode scalars), sorted; the id of a character is its index.
    let vocabulary: [Unicode.Scalar]
    /// First 90% of the ids.
    let train: [Int32]
    /// Last 10% of the ids.
    let validation: [Int32]

    /// Reads `path` as UTF-8; nil when the file cannot be read.
    init?(path: String) {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let read = fread(&chunk, 1, chunk.count, file)
            if read <= 0 { break }
            bytes += chunk[0..<read]
        }
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        vocabulary = Array(Set(scalars)).sorted { $0.value < $1.value }
        var index: [Unicode.Scalar: Int32] = [:]
        for (i, c) in vocabulary.enumerated() { index[c] = Int32(i) }
        let ids = scalars.map { index[$0]! }
        let cut = ids.count * 9 / 10
        train = Array(ids[..<cut])
        validation = Array(ids[cut...])
    }

    /// `batch` random windows of `length + 1` ids from `stream`: inputs and next-id targets.
    static func batch(from stream: [Int32], batch: Int, length: Int, generator: inout Xoshiro) -> Batch {
        var inputs: [Int32] = [], targets: [Int32] = []
        inputs.reserveCapacity(batch * length)
        targets.reserveCapacity(batch * length)
        for _ in 0..<batch {
            let start = generator.nextInt(below: stream.count - length - 1)
            inputs += stream[start..<start + length]
            targets += stream[start + 1...start + length]
        }
        return Batch(input: .tokens(inputs, batch: batch, length: length), targets: .classes(targets))
    }
}
