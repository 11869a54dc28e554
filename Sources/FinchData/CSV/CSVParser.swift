import FinchEngine

/// An RFC 4180 reader over UTF-8 bytes: fields separated by commas, records by CRLF, LF or CR,
/// quoted fields holding commas, line breaks and doubled quotes. Blank lines are skipped.
struct CSVParser {
    /// One record and the line (1-based) it starts on.
    struct Record {
        var fields: [String]
        var line: Int
    }

    private let bytes: [UInt8]
    private let path: String
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var cancellation = Cancellation.never
    private var nextCheck = 0

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""),
        cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    /// A reader of `text`; `path` names it in errors.
    init(text: String, path: String) {
        bytes = Array(text.utf8)
        self.path = path
    }

    /// Bytes parsed between two questions to a ``Cancellation`` (a few milliseconds of work).
    static let bytesPerCheck = 1 << 20

    /// Every non-blank record, in order; stops with ``DataError/cancelled`` when `cancellation`
    /// is requested, asked every ``bytesPerCheck`` bytes (inside a field too, however long).
    mutating func records(cancellation: Cancellation = .never) throws(DataError) -> [Record] {
        self.cancellation = cancellation
        nextCheck = 0
        var records: [Record] = []
        while index < bytes.count {
            try askWhenDue()
            let record = try nextRecord()
            if record.fields != [""] { records.append(record) }
        }
        return records
    }

    /// The record starting at `index`; leaves `index` after its line break.
    private mutating func nextRecord() throws(DataError) -> Record {
        var record = Record(fields: [], line: line)
        while true {
            record.fields.append(try nextField())
            guard index < bytes.count else { return record }
            switch bytes[index] {
            case Self.comma:
                index += 1
                if index == bytes.count { record.fields.append(""); return record }
            case Self.cr:
                index += 1
                if index < bytes.count, bytes[index] == Self.lf { index += 1 }
                newLine()
                return record
            default:
                index += 1
                newLine()
                return record
            }
        }
    }

    /// The field starting at `index`; leaves `index` at the separator or the end.
    private mutating func nextField() throws(DataError) -> String {
        var field: [UInt8] = []
        if index < bytes.count, bytes[index] == Self.quote {
            let (openLine, openColumn) = (line, column(at: index))
            index += 1
            while true {
                guard index < bytes.count else {
                    throw .csvSyntax(path: path, line: openLine, column: openColumn,
                                     message: "this quoted field is never closed; add the closing quote (\")")
                }
                try askWhenDue()
                let byte = bytes[index]
                if byte == Self.quote {
                    if index + 1 < bytes.count, bytes[index + 1] == Self.quote {
                        field.append(Self.quote)
                        index += 2
                        continue
                    }
                    index += 1
                    break
                }
                field.append(byte)
                index += 1
                if byte == Self.lf || (byte == Self.cr && (index == bytes.count || bytes[index] != Self.lf)) { newLine() }
            }
            if index < bytes.count, ![Self.comma, Self.cr, Self.lf].contains(bytes[index]) {
                throw .csvSyntax(path: path, line: line, column: column(at: index),
                                 message: "unexpected text after a closing quote; a quoted field must end at a comma or the end of the line")
            }
        } else {
            while index < bytes.count, ![Self.comma, Self.cr, Self.lf].contains(bytes[index]) {
                try askWhenDue()
                if bytes[index] == Self.quote {
                    throw .csvSyntax(path: path, line: line, column: column(at: index),
                                     message: "a quote inside an unquoted field; enclose the whole field in quotes and write the quote twice (\"\")")
                }
                field.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: field, as: UTF8.self)
    }

    /// Asks the cancellation once ``bytesPerCheck`` bytes have been read since it was last asked.
    private mutating func askWhenDue() throws(DataError) {
        guard index >= nextCheck else { return }
        if cancellation.isRequested { throw .cancelled }
        nextCheck = index + Self.bytesPerCheck
    }

    /// Notes that a line starts at `index`.
    private mutating func newLine() {
        line += 1
        lineStart = index
    }

    /// The 1-based column, in Unicode scalars, of the byte at `position` on the current line.
    private func column(at position: Int) -> Int {
        bytes[lineStart..<position].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
}
