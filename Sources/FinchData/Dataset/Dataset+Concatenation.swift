extension Dataset {
    /// The examples of `parts`, one part after another, called `name`: the parts must hold the
    /// same kind of inputs (texts, or feature rows of one width) and the same class names.
    /// Row ids, image shape and standardisation come from the first part.
    public static func concatenating(_ parts: [Dataset], name: String) throws(DataError) -> Dataset {
        guard let first = parts.first else { throw .emptyDataset(name: name) }
        for part in parts.dropFirst() {
            guard part.classNames == first.classNames, part.isLabeled == first.isLabeled, part.targets == nil, first.targets == nil else {
                throw .mismatchedParts(name: name, first: first.name, other: part.name, what: "classes")
            }
            guard part.width == first.width else {
                throw .mismatchedParts(name: name, first: first.name, other: part.name, what: "inputs")
            }
        }
        let inputs: Inputs = if first.width != nil {
            .features(values: parts.flatMap(\.featureValues), width: first.width ?? 1)
        } else {
            .texts(parts.flatMap { $0.texts ?? [] })
        }
        let labels: [Int]? = first.isLabeled ? parts.flatMap { $0.labels ?? [] } : nil
        var joined = Dataset(unchecked: name, inputs: inputs, labels: labels, classNames: first.classNames,
                             featureNames: first.featureNames, imageShape: first.imageShape)
        joined.standardize = first.standardize
        joined.labelName = first.labelName
        joined.rowIDs = parts.flatMap(\.rowIDs)
        return joined
    }
}
