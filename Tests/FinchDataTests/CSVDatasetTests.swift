@testable import FinchData
import Testing

@Suite struct CSVDatasetTests {
    let flowers = try! CSVTable.parse("""
        length,width,colour,species
        1.5,0.25,red,setosa
        2,0.5,blue,virginica
        -3e1,1,red,setosa
        4, 2 ,green,versicolor
        """, path: "data/flowers.csv")

    @Test func defaultFeaturesAreTheNumericColumnsButTheLabel() throws {
        let data = try flowers.dataset(label: "species")
        #expect(data.name == "flowers")
        #expect(data.featureNames == ["length", "width"])
        #expect(data.inputs == .features(values: [1.5, 0.25, 2, 0.5, -30, 1, 4, 2], width: 2))
        #expect(data.classNames == ["setosa", "versicolor", "virginica"])
        #expect(data.labels == [0, 2, 0, 1])
        #expect(data.classCounts == [2, 1, 1])
        #expect(data.featureRow(2) == [-30, 1])
    }

    @Test func namedFeaturesKeepTheirOrderAndTheLastTextColumnIsTheLabel() throws {
        let data = try flowers.dataset(features: ["width", "length"])
        #expect(data.inputs == .features(values: [0.25, 1.5, 0.5, 2, 1, -30, 2, 4], width: 2))
        #expect(data.classNames == ["setosa", "versicolor", "virginica"])
        #expect(data.labels == [0, 2, 0, 1])
        let all = try flowers.dataset()
        #expect(all.featureNames == ["length", "width"])
        #expect(all.labels == data.labels)
        #expect(all.standardize)
        #expect(try !flowers.dataset(standardize: false).standardize)
    }

    @Test func numbersOnlyWithoutALabelIsUnlabeled() throws {
        let data = try CSVTable.parse("a,b\n1,2\n3,4\n", path: "n.csv").dataset()
        #expect(data.labels == nil)
        #expect(data.classNames.isEmpty)
        #expect(data.classCounts.isEmpty)
        #expect(!data.isLabeled)
        #expect(data.featureNames == ["a", "b"])
    }

    @Test func aColumnCalledLabelOrClassIsTheLabelWhereverItIs() throws {
        let named = try CSVTable.parse("Class,x,y\n1,0.5,2\n0,1.5,3\n", path: "c.csv").dataset()
        #expect(named.classNames == ["0", "1"])
        #expect(named.labels == [1, 0])
        #expect(named.featureNames == ["x", "y"])
        let texts = try CSVTable.parse("label,review\npos,good\nneg,bad\n", path: "t.csv").dataset(text: "review")
        #expect(texts.labels == [1, 0])
        #expect(texts.texts == ["good", "bad"])
    }

    @Test func aTextColumnThatIsNotLastIsAnErrorThatSaysHowToNameTheLabel() throws {
        let table = try! CSVTable.parse("species,length,width\nsetosa,1,2\nvirginica,3,4\n", path: "s.csv")
        let error = DataError.labelNotFound(path: "s.csv", last: "width", textColumns: ["species"])
        #expect(throws: error) { try table.dataset() }
        #expect(error.description == "cannot tell which column of 's.csv' holds the labels: the last column, 'width', holds numbers, "
            + "and 'species' holds text; name the label column with label: (e.g. label: \"species\"), or name the feature columns with features:")
        #expect(try table.dataset(label: "species").labels == [0, 1])
        #expect(try table.dataset(features: ["length"]).labels == nil)
    }

    @Test func aLabelColumnOfFractionsIsAMeasurementNotAClass() {
        let table = try! CSVTable.parse("x,price\n1,2\n2,3.5\n", path: "p.csv")
        let error = DataError.fractionalLabel(path: "p.csv", line: 3, column: "price", value: "3.5")
        #expect(throws: error) { try table.dataset(label: "price") }
        #expect(error.description == "p.csv:3: the label column 'price' holds 3.5, which is not a whole number, so the column is a "
            + "measurement, not a class; to predict it, load it with target: 'price' and train a regress head")
    }

    @Test func integerLabelsAreOrderedNumerically() throws {
        let table = try CSVTable.parse("x,y\n1,10\n2,2\n3,-1\n4,2\n", path: "n.csv.gz")
        let data = try table.dataset(label: "y")
        #expect(data.name == "n")
        #expect(data.classNames == ["-1", "2", "10"])
        #expect(data.labels == [2, 1, 0, 1])
        #expect(data.featureNames == ["x"])
    }

    @Test func aTextColumnGivesTexts() throws {
        let table = try CSVTable.parse("review,stars,label\n\"great, really\",5,pos\n bad ,1,neg\n", path: "r.csv")
        let data = try table.dataset(text: "review", label: "label")
        #expect(data.texts == ["great, really", "bad"])
        #expect(data.width == nil)
        #expect(data.labels == [1, 0])
        #expect(data.classNames == ["neg", "pos"])
    }

    @Test func reportsUnknownColumnsWithASuggestion() {
        #expect(throws: DataError.unknownColumn(path: "data/flowers.csv", name: "specis",
                                                available: ["length", "width", "colour", "species"], suggestion: "species")) {
            try flowers.dataset(label: "specis")
        }
        #expect(throws: DataError.unknownColumn(path: "data/flowers.csv", name: "Length",
                                                available: ["length", "width", "colour", "species"], suggestion: "length")) {
            try flowers.dataset(features: ["Length"])
        }
    }

    @Test func reportsANonNumericFeatureCellWithItsLine() {
        #expect(throws: DataError.nonNumericCell(path: "data/flowers.csv", line: 2, column: "colour", value: "red")) {
            try flowers.dataset(features: ["length", "colour"])
        }
        let blank = try! CSVTable.parse("a,b\n1,2\n3,\n", path: "b.csv")
        #expect(throws: DataError.nonNumericCell(path: "b.csv", line: 3, column: "b", value: "")) {
            try blank.dataset(features: ["a", "b"])
        }
        let infinite = try! CSVTable.parse("a\ninf\n", path: "i.csv")
        #expect(throws: DataError.nonNumericCell(path: "i.csv", line: 2, column: "a", value: "inf")) {
            try infinite.dataset(features: ["a"])
        }
    }

    @Test func reportsAMissingLabel() {
        let table = try! CSVTable.parse("x,y\n1,a\n2, \n", path: "m.csv")
        #expect(throws: DataError.missingLabel(path: "m.csv", line: 3, column: "y")) { try table.dataset(label: "y") }
    }

    @Test func takesTheSoleTextColumnBesidesTheLabelAsTheTexts() throws {
        let messages = try CSVTable.parse("text,label\nfree prize now,spam\nsee you at 5,ham\n", path: "m.csv")
        #expect(try messages.dataset() == messages.dataset(text: "text", label: "label"))
        #expect(try messages.dataset().texts == ["free prize now", "see you at 5"])
        let numbered = try CSVTable.parse("id,text,label\n1,free prize,spam\n2,see you,ham\n", path: "n.csv")
        #expect(try numbered.dataset().width == 1, "a numeric column makes it a table of features")
    }

    @Test func reportsNoNumericColumnsTextAndFeaturesAndNoRows() {
        let words = try! CSVTable.parse("a,b,c\nx,y,z\n", path: "w.csv")
        #expect(throws: DataError.noNumericColumns(path: "w.csv")) { try words.dataset(label: "c") }
        #expect(throws: DataError.textAndFeatures(path: "w.csv")) { try words.dataset(text: "a", features: ["b"]) }
        let headerOnly = try! CSVTable.parse("a,b\n", path: "dir/h.csv")
        #expect(throws: DataError.emptyDataset(name: "h")) { try headerOnly.dataset() }
    }
}
