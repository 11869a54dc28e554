/// Examples to learn from: texts or rows of numeric features, optionally with class labels.
///
/// A value type: splitting, sampling and shuffling return new data sets and leave this one as
/// it is. A data set always has at least one example. Every random choice is seeded with
/// `Xoshiro`, so the same seed gives the same result.
public struct Dataset: Equatable, Sendable {
    /// What the examples are.
    public enum Inputs: Equatable, Sendable {
        /// One text per example.
        case texts([String])
        /// Row-major `[count, width]` feature values.
        case features(values: [Float], width: Int)
    }

    /// A name for messages and displays (a file's name, a built-in name).
    public var name: String
    /// The examples' inputs.
    public private(set) var inputs: Inputs
    /// Class id (an index into `classNames`) of each example, or nil when unlabeled.
    public private(set) var labels: [Int]?
    /// Name of each class id; empty when unlabeled.
    public private(set) var classNames: [String]
    /// Name of each feature column; empty for texts.
    public private(set) var featureNames: [String]
    /// `[rows, columns]` when each feature row is a small grey-scale image (row-major), else nil.
    public private(set) var imageShape: [Int]?
    /// Whether a model first trained on these feature rows standardises its inputs (see
    /// `FeatureScaling`); on for a CSV file's numeric features unless turned off, off for the
    /// built-in data, which come on their own scale. Splits and samples keep it.
    public var standardize = false
    /// The numeric target of each example, for regression; nil for classification or no target.
    /// A data set has labels or targets, never both.
    public private(set) var targets: [Float]?
    /// The CSV column the labels were read from; empty for built-in data and without labels.
    public var labelName = ""
    /// The name of the target (its CSV column); empty without targets.
    public private(set) var targetName = ""
    /// Each example's position (from 0) in the data set it was first made as, such as its data
    /// row in a CSV file; a split or sample keeps the ids of the examples it chose, so its rows
    /// can be traced back.
    public internal(set) var rowIDs: [Int] = []
    /// Each example's value of a grouping column (a CSV column named with `group:`, such as a
    /// region or a year), by which ``TaskStream`` can cut the data into tasks; empty when there
    /// is none. Splits and samples keep it; joining data sets drops it.
    public internal(set) var groups: [String] = []
    /// The column the groups were read from; empty without groups.
    public internal(set) var groupName = ""

    /// A data set of texts; `labels` index into `classNames`.
    public init(name: String, texts: [String], labels: [Int]? = nil, classNames: [String] = []) throws(DataError) {
        self.init(unchecked: name, inputs: .texts(texts), labels: labels, classNames: classNames, featureNames: [], imageShape: nil)
        try validate()
    }

    /// A data set of feature rows: `features` holds `width` values per example, row after row;
    /// `featureNames` defaults to `f1`, `f2`, …; `labels` index into `classNames`.
    public init(
        name: String, features: [Float], width: Int, featureNames: [String]? = nil,
        labels: [Int]? = nil, classNames: [String] = [], imageShape: [Int]? = nil
    ) throws(DataError) {
        guard width > 0, features.count % width == 0 else {
            throw .outOfRange(parameter: "the feature width", value: "\(width)",
                              allowed: "a positive divisor of the \(features.count) feature values")
        }
        let names = featureNames ?? (1...width).map { "f\($0)" }
        guard names.count == width else {
            throw .outOfRange(parameter: "the number of feature names", value: "\(names.count)", allowed: "the width, \(width)")
        }
        if let shape = imageShape, shape.reduce(1, *) != width {
            throw .outOfRange(parameter: "the image shape", value: "\(shape)", allowed: "rows × columns = \(width)")
        }
        self.init(unchecked: name, inputs: .features(values: features, width: width), labels: labels,
                  classNames: classNames, featureNames: names, imageShape: imageShape)
        try validate()
    }

    /// A data set from parts known to be consistent.
    init(unchecked name: String, inputs: Inputs, labels: [Int]?, classNames: [String], featureNames: [String], imageShape: [Int]?) {
        self.name = name
        self.inputs = inputs
        self.labels = labels
        self.classNames = classNames
        self.featureNames = featureNames
        self.imageShape = imageShape
        rowIDs = Array(0..<count)
    }

    /// Checks that there are examples and that the labels fit them and the classes.
    private func validate() throws(DataError) {
        guard count > 0 else { throw .emptyDataset(name: name) }
        guard let labels else { return }
        guard labels.count == count else {
            throw .outOfRange(parameter: "the number of labels", value: "\(labels.count)", allowed: "the number of examples, \(count)")
        }
        if let bad = labels.first(where: { !classNames.indices.contains($0) }) {
            throw .outOfRange(parameter: "a label", value: "\(bad)", allowed: "a class id from 0 to \(classNames.count - 1)")
        }
    }

    /// Number of examples.
    public var count: Int {
        switch inputs {
        case let .texts(texts): texts.count
        case let .features(values, width): values.count / width
        }
    }

    /// Features per example, or nil for texts.
    public var width: Int? {
        if case let .features(_, width) = inputs { width } else { nil }
    }

    /// The texts, or nil for feature rows.
    public var texts: [String]? {
        if case let .texts(texts) = inputs { texts } else { nil }
    }

    /// Whether every example has a class label.
    public var isLabeled: Bool { labels != nil }

    /// Examples per class id (empty when unlabeled).
    public var classCounts: [Int] {
        var counts = [Int](repeating: 0, count: classNames.count)
        for label in labels ?? [] { counts[label] += 1 }
        return counts
    }

    /// Row-major feature values, `width` per example; empty for texts.
    public var featureValues: [Float] {
        if case let .features(values, _) = inputs { values } else { [] }
    }

    /// This data set with ``standardize`` set to `flag`.
    public func standardizing(_ flag: Bool) -> Dataset {
        var result = self
        result.standardize = flag
        return result
    }

    /// The feature values of example `index` (`width` of them); empty for texts.
    public func featureRow(_ index: Int) -> ArraySlice<Float> {
        guard case let .features(values, width) = inputs else { return [] }
        return values[index * width..<(index + 1) * width]
    }

    /// The examples at `indices`, in that order, keeping everything else.
    func selecting(_ indices: [Int], name: String? = nil) -> Dataset {
        let chosen: Inputs = switch inputs {
        case let .texts(texts): .texts(indices.map { texts[$0] })
        case let .features(values, width):
            .features(values: indices.flatMap { values[$0 * width..<($0 + 1) * width] }, width: width)
        }
        var selected = Dataset(unchecked: name ?? self.name, inputs: chosen, labels: labels.map { l in indices.map { l[$0] } },
                               classNames: classNames, featureNames: featureNames, imageShape: imageShape)
        selected.standardize = standardize
        selected.targets = targets.map { t in indices.map { t[$0] } }
        selected.targetName = targetName
        selected.labelName = labelName
        selected.rowIDs = indices.map { rowIDs[$0] }
        if !groups.isEmpty { selected.groups = indices.map { groups[$0] } }
        selected.groupName = groupName
        return selected
    }

    /// This data set with other inputs of the same examples (such as standardised features),
    /// keeping everything else.
    func replacingInputs(_ inputs: Inputs) -> Dataset {
        var result = self
        result.inputs = inputs
        return result
    }

    /// This data set of feature rows with a numeric target per example, called `name`, for
    /// regression; it loses its labels.
    public func withTargets(_ values: [Float], named name: String) throws(DataError) -> Dataset {
        guard values.count == count else {
            throw .outOfRange(parameter: "the number of targets", value: "\(values.count)", allowed: "the number of examples, \(count)")
        }
        var result = Dataset(unchecked: self.name, inputs: inputs, labels: nil, classNames: [], featureNames: featureNames, imageShape: imageShape)
        result.standardize = standardize
        result.targets = values
        result.targetName = name
        result.rowIDs = rowIDs
        result.groups = groups
        result.groupName = groupName
        return result
    }

    /// This data set with each example's group (`values`, one per example) read from the column
    /// `name`.
    func withGroups(_ values: [String], named name: String) -> Dataset {
        var result = self
        result.groups = values
        result.groupName = name
        return result
    }

    /// The targets, or an error naming `operation` when there are none.
    func requireTargets(for operation: String) throws(DataError) -> [Float] {
        guard let targets else { throw .noTargets(name: name, operation: operation) }
        return targets
    }

    /// The labels, or an error naming `operation` when there are none.
    func requireLabels(for operation: String) throws(DataError) -> [Int] {
        guard let labels else { throw .noLabels(name: name, operation: operation) }
        return labels
    }

    /// This data set with its classes renamed into `classNames` (which holds every class name of
    /// this one): each label becomes the index of its class's name there.
    func relabeled(into classNames: [String]) -> Dataset {
        var result = self
        var index: [Int] = []
        for name in self.classNames { index.append(classNames.firstIndex(of: name) ?? 0) }
        if let labels { result.labels = labels.map { index[$0] } }
        result.classNames = classNames
        return result
    }

    /// Example indices of each class id.
    func indicesByClass(_ labels: [Int]) -> [[Int]] {
        var groups = [[Int]](repeating: [], count: classNames.count)
        for (index, label) in labels.enumerated() { groups[label].append(index) }
        return groups
    }
}
