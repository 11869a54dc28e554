extension Dataset {
    /// The examples of `parts`, one part after another, called `name`: the parts must hold the
    /// same kind of inputs (texts, or feature rows of one width) and the same class names.
    /// Row ids, image shape and standardisation come from the first part.
    public static func concatenating(_ parts: [Dataset], name: String) throws(DataError) -> Dataset {
        guard !parts.isEmpty else { throw .emptyDataset(name: name) }
        let names = parts.map { $0.name }, widths = parts.map { $0.width }
        let classes = parts.map { $0.isLabeled && $0.targets == nil ? $0.classNames : [] }
        for index in parts.indices {
            guard classes[index] == classes[0], !classes[index].isEmpty else {
                throw .mismatchedParts(name: name, first: names[0], other: names[index], what: "classes")
            }
            guard widths[index] == widths[0] else {
                throw .mismatchedParts(name: name, first: names[0], other: names[index], what: "inputs")
            }
        }
        return joining(parts, name: name)
    }

    /// `parts` (checked to be joinable, at least one) one after another. Written without
    /// Optional.map and apart from the checks: those forms crash Swift 6.3.1's release optimiser
    /// (an ownership verifier error).
    private static func joining(_ parts: [Dataset], name: String) -> Dataset {
        var values: [Float] = [], texts: [String] = [], labels: [Int] = [], ids: [Int] = []
        for part in parts {
            values += part.featureValues
            texts += part.texts ?? []
            labels += part.labels ?? []
            ids += part.rowIDs
        }
        let first = parts[0]
        var inputs = Inputs.texts(texts)
        if let width = first.width { inputs = .features(values: values, width: width) }
        var joined = Dataset(unchecked: name, inputs: inputs, labels: labels, classNames: first.classNames,
                             featureNames: first.featureNames, imageShape: first.imageShape)
        joined.standardize = first.standardize
        joined.labelName = first.labelName
        joined.rowIDs = ids
        return joined
    }
}
