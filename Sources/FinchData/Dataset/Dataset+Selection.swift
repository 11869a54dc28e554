import FinchEngine

extension Dataset {
    /// The examples at `indices`, in that order (an index may repeat).
    public func subset(_ indices: [Int]) throws(DataError) -> Dataset {
        guard !indices.isEmpty else { throw .emptyDataset(name: name) }
        if let bad = indices.first(where: { !(0..<count).contains($0) }) {
            throw .indexOutOfRange(name: name, index: bad, count: count)
        }
        return selecting(indices)
    }

    /// The first `n` examples (all of them when `n` ≥ `count`); `n` must be at least 1.
    public func take(_ n: Int) throws(DataError) -> Dataset {
        guard n > 0 else { throw .outOfRange(parameter: "the number of examples to take", value: "\(n)", allowed: "at least 1") }
        return selecting(Array(0..<min(n, count)))
    }

    /// The examples in a random order determined by `seed`.
    public func shuffled(seed: UInt64) -> Dataset {
        var generator = Xoshiro(seed: seed)
        var order = Array(0..<count)
        generator.shuffle(&order)
        return selecting(order)
    }

    /// `perClass` examples of every class, chosen at random (determined by `seed`), kept in
    /// their original order. Fails when a class has fewer than `perClass` examples.
    public func sample(perClass: Int, seed: UInt64) throws(DataError) -> Dataset {
        guard perClass > 0 else { throw .outOfRange(parameter: "the examples per class", value: "\(perClass)", allowed: "at least 1") }
        let labels = try requireLabels(for: "sampled per class")
        var generator = Xoshiro(seed: seed)
        var chosen: [Int] = []
        for (label, var group) in indicesByClass(labels).enumerated() {
            guard group.count >= perClass else {
                throw .notEnoughExamples(name: name, className: classNames[label], available: group.count, requested: perClass)
            }
            generator.shuffle(&group)
            chosen += group.prefix(perClass)
        }
        return selecting(chosen.sorted())
    }
}
