@testable import FinchData
import Testing

@Suite struct CSVTableTests {
    @Test func readsAHeaderAndRows() throws {
        let table = try CSVTable.parse("a,b,c\n1,2,3\n4,5,6\n", path: "t.csv")
        #expect(table.header == ["a", "b", "c"])
        #expect(table.rows == [["1", "2", "3"], ["4", "5", "6"]])
        #expect(table.lines == [2, 3])
        #expect(table.path == "t.csv")
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let table = try CSVTable.parse("text,n\n\"hello, world\",1\n\"she said \"\"hi\"\"\",2\n\"two\nlines\",3\n\"\",4\n", path: "q.csv")
        #expect(table.rows.map { $0[0] } == ["hello, world", "she said \"hi\"", "two\nlines", ""])
        #expect(table.lines == [2, 3, 4, 6])
    }

    @Test func acceptsCRLFAndCRLineBreaksAndNoFinalBreak() throws {
        #expect(try CSVTable.parse("a,b\r\n1,2\r\n3,4", path: "x").rows == [["1", "2"], ["3", "4"]])
        #expect(try CSVTable.parse("a,b\r1,2\r3,4\r", path: "x").rows == [["1", "2"], ["3", "4"]])
        #expect(try CSVTable.parse("a\r\n\"x\r\ny\"\r\n", path: "x").rows == [["x\r\ny"]])
    }

    @Test func skipsBlankLinesAndKeepsEmptyFields() throws {
        let table = try CSVTable.parse("\na,b,c\n\n1,,3\n,,\n\n", path: "x")
        #expect(table.rows == [["1", "", "3"], ["", "", ""]])
        #expect(table.lines == [4, 5])
        #expect(try CSVTable.parse("a,b\n1,\n", path: "x").rows == [["1", ""]])
    }

    @Test func trimsHeaderNamesButNotCells() throws {
        let table = try CSVTable.parse(" a , b\n x ,y\n", path: "x")
        #expect(table.header == ["a", "b"])
        #expect(table.rows == [[" x ", "y"]])
    }

    @Test func reportsAnUnclosedQuoteWhereItOpens() {
        #expect(throws: DataError.csvSyntax(path: "u.csv", line: 2, column: 3,
                                            message: "this quoted field is never closed; add the closing quote (\")")) {
            try CSVTable.parse("a,b\n1,\"open\n2,3\n", path: "u.csv")
        }
    }

    @Test func reportsTextAfterAClosingQuote() {
        #expect(throws: DataError.csvSyntax(path: "x.csv", line: 2, column: 6,
                                            message: "unexpected text after a closing quote; a quoted field must end at a comma or the end of the line")) {
            try CSVTable.parse("a,b\n1,\"x\"y\n", path: "x.csv")
        }
    }

    @Test func reportsAQuoteInsideAnUnquotedFieldCountingCharactersNotBytes() {
        #expect(throws: DataError.csvSyntax(path: "x.csv", line: 3, column: 5,
                                            message: "a quote inside an unquoted field; enclose the whole field in quotes and write the quote twice (\"\")")) {
            try CSVTable.parse("a,b\n1,2\né,ab\"c\n", path: "x.csv")
        }
    }

    @Test func reportsRowsOfTheWrongWidth() {
        #expect(throws: DataError.csvSyntax(path: "w.csv", line: 3, column: 1,
                                            message: "this row has 3 fields but the header has 2; check for a missing or extra comma, or quote fields that contain commas")) {
            try CSVTable.parse("a,b\n1,2\n1,2,3\n", path: "w.csv")
        }
    }

    @Test func reportsAnEmptyFileAndDuplicateColumns() {
        #expect(throws: DataError.csvSyntax(path: "e.csv", line: 1, column: 1,
                                            message: "the file is empty; a CSV file starts with a header row naming its columns")) {
            try CSVTable.parse("\n\n", path: "e.csv")
        }
        #expect(throws: DataError.csvSyntax(path: "d.csv", line: 1, column: 1,
                                            message: "the header names the column 'a' twice; give every column its own name")) {
            try CSVTable.parse("a,b,a\n1,2,3\n", path: "d.csv")
        }
    }

    @Test func loadsAFileAndReportsAMissingOne() throws {
        let path = temporaryFile("people.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("name,age\r\nAda,36\r\n".utf8))
        let table = try CSVTable.load(path: path)
        #expect(table.header == ["name", "age"])
        #expect(table.rows == [["Ada", "36"]])
        #expect(throws: DataError.unreadableFile(path: "/nonexistent/x.csv", reason: "No such file or directory")) {
            try CSVTable.load(path: "/nonexistent/x.csv")
        }
    }

    @Test func refusesBytesThatAreNotUTF8NamingTheLine() {
        let path = temporaryFile("latin1.csv", bytes: Array("a,b\n1,2\n".utf8) + [0x63, 0x61, 0x66, 0xE9, 0x2C, 0x33, 0x0A])
        #expect(throws: DataError.notUTF8(path: path, line: 3)) { try CSVTable.load(path: path) }
    }

    @Test func suggestsTheNearestColumnName() {
        let table = try! CSVTable.parse("sepal_length,sepal_width,species\n1,2,x\n", path: "iris.csv")
        #expect(throws: DataError.unknownColumn(path: "iris.csv", name: "specie", available: ["sepal_length", "sepal_width", "species"],
                                                suggestion: "species")) {
            try table.columnIndex("specie")
        }
        #expect(throws: DataError.unknownColumn(path: "iris.csv", name: "colour", available: ["sepal_length", "sepal_width", "species"],
                                                suggestion: nil)) {
            try table.columnIndex("colour")
        }
    }
}
