/// The `digits` data set: 1797 hand-written digits as 8×8 images (UCI "Optical Recognition of
/// Handwritten Digits", test set; E. Alpaydin and C. Kaynak, 1998; CC BY 4.0).
///
/// Read from `digits.csv.gz` in the data folder: per line 64 pixel counts 0…16 (row-major),
/// then the class 0…9, no header. Pixels are scaled to 0…1; classes are named "0"…"9".
enum Digits {
    /// The data file's name in the data folder.
    static let fileName = "digits.csv.gz"

    /// The data set, read from `folder`.
    static func load(folder: String) throws(DataError) -> Dataset {
        let path = folder + "/" + fileName
        let bytes: [UInt8]
        do { bytes = try readBytes(path: path) } catch {
            guard case let .unreadableFile(_, reason) = error else { throw error }
            throw .builtinFileMissing(name: "digits", path: path, reason: reason)
        }
        var features: [Float] = [], labels: [Int] = []
        features.reserveCapacity(1797 * 64)
        for (number, line) in bytes.split(separator: UInt8(ascii: "\n")).enumerated() {
            let cells = line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            let values = cells.map { Int(String(decoding: $0, as: UTF8.self)) }
            guard values.count == 65, let label = values[64], (0...9).contains(label),
                  values.dropLast().allSatisfy({ $0.map { (0...16).contains($0) } ?? false }) else {
                throw .csvSyntax(path: path, line: number + 1, column: 1,
                                 message: "expected 64 pixel counts 0…16 and a class 0…9; the file is damaged, so restore it from Finch's sources")
            }
            features += values.dropLast().map { Float($0!) / 16 }
            labels.append(label)
        }
        let names = (0..<8).flatMap { row in (0..<8).map { "r\(row)c\($0)" } }
        return try Dataset(name: "digits", features: features, width: 64, featureNames: names,
                           labels: labels, classNames: (0...9).map(String.init), imageShape: [8, 8])
    }
}
