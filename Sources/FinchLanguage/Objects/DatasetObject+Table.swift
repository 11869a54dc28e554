import FinchDisplay

extension DatasetObject {
    /// The examples as rows: the row id, the features (or the text), then the class or target.
    /// `table` shows it and `export` writes it, so a split's rows can be traced back by id.
    var rowTable: Table {
        let data = dataset
        var columns: [Column] = [Column("id", format: .count)]
        columns += data.texts != nil ? ["text"] : data.featureNames.map { Column($0) }
        if data.labels != nil { columns.append("label") }
        if data.targets != nil { columns.append(Column(data.targetName)) }
        let rows: [[Cell]] = (0..<data.count).map { index in
            var row: [Cell] = [.number(Double(data.rowIDs[index]))]
            if let texts = data.texts { row.append(.text(texts[index])) } else { row += data.featureRow(index).map { .number(Double($0)) } }
            if let labels = data.labels { row.append(.text(data.classNames[labels[index]])) }
            if let targets = data.targets { row.append(.number(Double(targets[index]))) }
            return row
        }
        return Table(columns: columns, rows: rows, caption: text)
    }
}
