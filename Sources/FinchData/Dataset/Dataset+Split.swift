import FinchEngine

extension Dataset {
    /// Disjoint parts in the proportions `parts` (percentages like `[80, 20]`, which add up to
    /// 100, or fractions like `[0.8, 0.1, 0.1]`, which add up to 1), chosen at random as
    /// determined by `seed`. Parts that add up to anything else are refused, not rescaled.
    ///
    /// Part *j* receives the examples between the rounded cumulative shares *j − 1* and *j*, so
    /// sizes are within one of exact. With `stratify`, each class is divided this way on its own,
    /// so every part keeps the class proportions. Each part keeps the original order of its
    /// examples and is named `name (part j of n)`. Fails when a part would be empty.
    public func split(_ parts: [Double], stratify: Bool = false, seed: UInt64) throws(DataError) -> [Dataset] {
        guard parts.count >= 2, parts.allSatisfy({ $0.isFinite && $0 > 0 }) else { throw .badSplitParts(parts: parts) }
        let total = parts.reduce(0, +)
        guard abs(total - 100) <= 1e-6 * 100 || abs(total - 1) <= 1e-6 else { throw .splitTotal(parts: parts, total: total) }
        var cumulative: [Double] = []
        var running = 0.0
        for part in parts {
            running += part
            cumulative.append(running / total)
        }
        let groups = stratify ? indicesByClass(try requireLabels(for: "split with stratification")) : [Array(0..<count)]
        var generator = Xoshiro(seed: seed)
        var chosen = [[Int]](repeating: [], count: parts.count)
        for var group in groups {
            generator.shuffle(&group)
            var start = 0
            for (part, share) in cumulative.enumerated() {
                let end = part == parts.count - 1 ? group.count : Int((share * Double(group.count)).rounded())
                chosen[part] += group[start..<max(start, end)]
                start = max(start, end)
            }
        }
        if let empty = chosen.firstIndex(where: \.isEmpty) {
            throw .emptySplitPart(name: name, part: empty + 1, parts: parts.count, examples: count)
        }
        return chosen.enumerated().map { part, indices in
            selecting(indices.sorted(), name: "\(name) (part \(part + 1) of \(parts.count))")
        }
    }

    /// The standard split that `.train`, `.val` and `.test` read: 80/10/10, stratified when the
    /// data set is labelled, drawn with `seed`.
    public func standardSplit(seed: UInt64) throws(DataError) -> [Dataset] {
        try split([80, 10, 10], stratify: labels != nil, seed: seed)
    }
}
