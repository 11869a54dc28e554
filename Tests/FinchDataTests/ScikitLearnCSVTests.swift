@testable import FinchData
import Testing

/// scikit-learn's bundled CSV format: a first line of sample count, feature count and class names.
@Suite struct ScikitLearnCSVTests {
    @Test func readsTheFormatWithItsClassNames() throws {
        let table = try CSVTable.parse("3,2,setosa,versicolor,virginica\n5.1,3.5,0\n7.0,3.2,1\n6.3,3.3,2\n", path: "sk/iris.csv")
        #expect(table.header == ["f1", "f2", "target"])
        #expect(table.classNames == ["setosa", "versicolor", "virginica"])
        #expect(table.lines == [2, 3, 4])
        let data = try table.dataset()
        #expect(data.name == "iris")
        #expect(data.featureNames == ["f1", "f2"])
        #expect(data.inputs == .features(values: [5.1, 3.5, 7.0, 3.2, 6.3, 3.3], width: 2))
        #expect(data.classNames == ["setosa", "versicolor", "virginica"])
        #expect(data.labels == [0, 1, 2])
    }

    @Test func rowsWiderThanTheFirstLineAreReadAsTheHeaderSays() throws {
        // wine_data.csv and breast_cancer.csv: more features than the first line has cells.
        let data = try CSVTable.parse("2,4,malignant,benign\n1,2,3,4,0\n5,6,7,8,1\n", path: "bc.csv").dataset()
        #expect(data.width == 4)
        #expect(data.classNames == ["malignant", "benign"])
        #expect(data.labels == [0, 1])
    }

    @Test func refusesAFileThatBreaksItsOwnHeaderAndSaysWhy() {
        #expect(throws: DataError.csvSyntax(path: "w.csv", line: 3, column: 1, message:
            "line 1 is scikit-learn's header (2 samples, 2 features, classes a, b), but this row has 2 fields, not 3 (the features and a class id)")) {
            try CSVTable.parse("2,2,a,b\n1,2,0\n1,1\n", path: "w.csv")
        }
        #expect(throws: DataError.csvSyntax(path: "w.csv", line: 3, column: 1, message:
            "line 1 is scikit-learn's header (2 samples, 2 features, classes a, b), but its class id is '2', not a whole number from 0 to 1")) {
            try CSVTable.parse("2,2,a,b\n1,2,0\n1,1,2\n", path: "w.csv")
        }
        #expect(throws: DataError.csvSyntax(path: "w.csv", line: 3, column: 1, message:
            "line 1 is scikit-learn's header (3 samples, 2 features, classes a, b), but the file has 2 rows; check that it is complete")) {
            try CSVTable.parse("3,2,a,b\n1,2,0\n1,1,1\n", path: "w.csv")
        }
        #expect(throws: DataError.csvSyntax(path: "r.csv", line: 1, column: 1, message:
            "line 1 is scikit-learn's header (2 samples, 1 features), but it names no classes; Finch reads this format for "
                + "classification only. Write a header row naming the columns and load the file with label: or target:")) {
            try CSVTable.parse("2,1\n0.5,1.5\n0.7,2.5\n", path: "r.csv")
        }
    }

    @Test func anOrdinaryHeaderOfNumbersIsNotTakenForTheFormat() throws {
        let table = try CSVTable.parse("2019,2020,region\n1,2,north\n3,4,south\n5,6,east\n", path: "y.csv")
        #expect(table.header == ["2019", "2020", "region"])
        #expect(table.classNames == nil)
        #expect(try table.dataset().classNames == ["east", "north", "south"])
    }
}
