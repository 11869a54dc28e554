import FinchData
import FinchEngine
@testable import FinchLanguage
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A user's own CSV file in the training commands: labels found, features standardised with
/// the training part's statistics, kept by the model and its checkpoint.
@Suite struct CSVDataTests {
    let finch = Harness()

    /// Two classes told apart by two features on very different scales: `size` in the thousands
    /// and `ratio` in hundredths; the label column `kind` is last.
    static func writeScaledCSV(count: Int, name: String = "scaled") throws -> String {
        var generator = Xoshiro(seed: 9)
        var lines = ["size,ratio,kind"]
        for index in 0..<count {
            let label = index % 2
            let size = 5000 + 1000 * (Float(label) * 2 - 1 + 0.5 * generator.nextNormal())
            let ratio = 0.02 * (Float(label) * 2 - 1 + 0.5 * generator.nextNormal())
            lines.append("\(size),\(ratio),\(label == 0 ? "small" : "large")")
        }
        let path = "/tmp/finch-csv-\(getpid())-\(name).csv"
        let file = try #require(fopen(path, "wb"))
        fputs(lines.joined(separator: "\n") + "\n", file)
        fclose(file)
        return path
    }

    static let net = """
        model net {
          input features: 2
          dense 8 activation: tanh
          classify classes: 2
        }
        """

    @Test func theLastTextColumnIsTheLabelAndStandardisingIsOnForACSVFile() throws {
        let path = try CSVDataTests.writeScaledCSV(count: 40)
        defer { unlink(path) }
        finch.result(#"data = dataset "\#(path)""#)
        #expect(finch.result("data.classes") == #"["large", "small"]"#)
        #expect(finch.result("data.features") == "2")
        #expect(finch.result("data.standardize") == "true")
        #expect(finch.result("data.label_column") == #""kind""#)
        #expect(finch.result("data")?.hasPrefix("dataset finch-csv-\(getpid())-scaled: 40 examples, 2 features, 2 classes (label column 'kind')") == true)
        #expect(finch.result("s = dataset \"spirals\"; s.label_column == none") == "true")
        #expect(finch.result(#"off = dataset "\#(path)" standardize: false; off.standardize"#) == "false")
        #expect(finch.result(#"d = dataset "digits"; d.standardize"#) == "false")
    }

    @Test func theScalingIsFittedOnTheTrainingPartOnlyAndKeptForEvaluatePredictAndSave() throws {
        let path = try CSVDataTests.writeScaledCSV(count: 60)
        defer { unlink(path) }
        finch.result(#"data = dataset "\#(path)""#)
        finch.result("fit, held = split data [75, 25]")
        finch.result(CSVDataTests.net)
        finch.result("run = finetune net on fit epochs: 30 lr: 1e-2 validate: held")
        let fit = try #require(finch.session.interpreter.variables["fit"]?.object(DatasetObject.self)).dataset
        let model = try #require(finch.model("net"))
        #expect(model.model.inputScaling == fit.fittedScaling)
        let means = try #require(fit.fittedScaling?.means)
        #expect(finch.result("net.scaling.means") == Value.list(means.map { .number(Double($0)) }).text)
        let data = try #require(finch.session.interpreter.variables["data"]?.object(DatasetObject.self)).dataset
        #expect(model.model.inputScaling != data.fittedScaling, "the held-out rows do not enter the scaling")
        #expect(finch.sink.stdout.contains("standardising the 2 features of net with the mean and deviation of \(fit.name)"))
        #expect(!finch.sink.stderr.contains("warning"))
        finch.result("e = evaluate net on held")
        #expect(Double(finch.result("e.accuracy") ?? "") ?? 0 >= 0.9)

        // A second run keeps the first scaling rather than fitting another.
        finch.result("again = finetune net on held epochs: 1")
        #expect(model.model.inputScaling == fit.fittedScaling)

        let saved = "/tmp/finch-csv-\(getpid()).safetensors"
        defer { unlink(saved) }
        finch.result("save net to \"\(saved)\"")
        finch.result("back = load \"\(saved)\"")
        #expect(finch.model("back")?.model.inputScaling == model.model.inputScaling)
        #expect(finch.result("p = predict back on held; p.rows") == finch.result("q = predict net on held; q.rows"))
        #expect(finch.result("b = evaluate back on held; b.accuracy") == finch.result("e.accuracy"))
        finch.result("c = copy net head: classify(classes: 2)")
        #expect(finch.model("c")?.model.inputScaling == model.model.inputScaling)
    }

    @Test func aRunRefusedBeforeItStartsLeavesTheModelUnscaled() throws {
        let path = try CSVDataTests.writeScaledCSV(count: 20, name: "refused")
        defer { unlink(path) }
        finch.result(#"data = dataset "\#(path)""#)
        finch.result(CSVDataTests.net)
        #expect(finch.error("run = finetune net on data epochs: 1 class_weights: [1]") != nil)
        #expect(finch.model("net")?.model.inputScaling == nil)
        #expect(!finch.sink.stdout.contains("standardising"))
        finch.result("run = finetune net on data epochs: 1")
        #expect(finch.model("net")?.model.inputScaling != nil)
    }

    @Test func unscaledFeaturesSpanningOrdersOfMagnitudeDrawAWarning() throws {
        let path = try CSVDataTests.writeScaledCSV(count: 20)
        defer { unlink(path) }
        finch.result(#"data = dataset "\#(path)" standardize: false"#)
        finch.result(CSVDataTests.net)
        finch.result("run = finetune net on data epochs: 1")
        #expect(finch.model("net")?.model.inputScaling == nil)
        #expect(finch.sink.stderr.contains(
            "warning: the features of finch-csv-\(getpid())-scaled are not standardised and span 5.3 orders of magnitude ('ratio' is the smallest, "
                + "'size' the largest); load the data with standardize: true"))
        #expect(!finch.sink.stdout.contains("standardising"))
    }

    @Test func textColumnsLeftOutOfTheFeaturesAreNamed() throws {
        let path = "/tmp/finch-csv-\(getpid())-people.csv"
        let file = try #require(fopen(path, "wb"))
        fputs("name,city,age,income,group\nAda,Leeds,36,10,a\nBo,York,41,12,b\n", file)
        fclose(file)
        defer { unlink(path) }
        finch.result(#"d = dataset "\#(path)""#)
        #expect(finch.sink.stderr == "note: \(path): the columns 'name', 'city' hold text and are left out; "
            + "name the columns you want with features:, label: or text:\n")
        #expect(finch.result("d.features") == "2")
        let before = finch.sink.stderr
        finch.result(#"e = dataset "\#(path)" features: ["age"]"#)
        finch.result(#"f = dataset "\#(path)" text: "name""#)
        #expect(finch.sink.stderr == before, "named features or a text column say what is wanted")
    }

    @Test func scikitLearnsBundledFormatLoadsWithItsClassNames() throws {
        let path = "/tmp/finch-csv-\(getpid())-iris.csv"
        let file = try #require(fopen(path, "wb"))
        fputs("4,2,setosa,versicolor,virginica\n5.1,3.5,0\n7.0,3.2,1\n6.3,3.3,2\n4.9,3.0,0\n", file)
        fclose(file)
        defer { unlink(path) }
        #expect(finch.result(#"dataset "\#(path)""#)?.hasPrefix("dataset finch-csv-\(getpid())-iris: 4 examples, 2 features, 3 classes") == true)
        #expect(finch.result(#"d = dataset "\#(path)"; d.classes"#) == #"["setosa", "versicolor", "virginica"]"#)
    }
}

/// Regression from a CSV file: a numeric target, a regress head, MAE, RMSE and R².
@Suite struct CSVRegressionTests {
    let finch = Harness()

    /// `price = 300·a − 200·b + 1000` plus a little noise, with `a`, `b` about 1.
    static func writePrices(count: Int) throws -> String {
        var generator = Xoshiro(seed: 4)
        var lines = ["a,b,price"]
        for _ in 0..<count {
            let a = generator.nextNormal(), b = generator.nextNormal()
            lines.append("\(a),\(b),\(300 * a - 200 * b + 1000 + 10 * generator.nextNormal())")
        }
        let path = "/tmp/finch-csv-\(getpid())-prices.csv"
        let file = try #require(fopen(path, "wb"))
        fputs(lines.joined(separator: "\n") + "\n", file)
        fclose(file)
        return path
    }

    @Test func aRegressorLearnsANumericTargetAndIsScoredOnItsScale() throws {
        let path = try CSVRegressionTests.writePrices(count: 200)
        defer { unlink(path) }
        finch.result(#"data = dataset "\#(path)" target: "price""#)
        let shown = try #require(finch.result("data"))
        #expect(shown.hasPrefix("dataset finch-csv-\(getpid())-prices: 200 examples, 2 features, target price"))
        #expect(shown.contains("target  mean") && shown.contains("price"), "a target's range, not an empty class table")
        finch.result("fit, held = split data [80, 20]")
        finch.result("model reg {\n input features: 2\n dense 16 activation: tanh\n regress\n}")
        finch.result("run = finetune reg on fit epochs: 60 lr: 1e-2 validate: held")
        let model = try #require(finch.model("reg"))
        let fit = try #require(finch.session.interpreter.variables["fit"]?.object(DatasetObject.self)).dataset
        #expect(model.model.targetScaling == FeatureScaling(fitting: fit.targets ?? [], width: 1))
        finch.result("e = evaluate reg on held")
        #expect(try #require(Double(finch.result("e.r2") ?? "")) > 0.95)
        let mae = try #require(Double(finch.result("e.mae") ?? ""))
        #expect(mae > 1 && mae < 100, "the error is in the price's own units")
        #expect(finch.result("e")?.contains("price") == true)
        let table = try #require(finch.result("predict reg on [[0, 0]]"))
        #expect(table.contains("predicted"))
        finch.result("p = predict reg on [[0, 0]]")
        let predicted = try #require(Double(finch.result("p.rows[0][1]") ?? ""))
        #expect(abs(predicted - 1000) < 100)
    }

    @Test func regressionMistakesSayWhatToDo() throws {
        let path = try CSVRegressionTests.writePrices(count: 20)
        defer { unlink(path) }
        finch.result(#"data = dataset "\#(path)" target: "price""#)
        finch.result("model clf {\n input features: 2\n classify classes: 2\n}")
        let head = try #require(finch.error("finetune clf on data"))
        #expect(head.message == "finch-csv-\(getpid())-prices has a number to predict (price), but clf is not a regressor of one value")
        #expect(head.note == "make one with 'copy clf head: regress', or end the model with 'regress'")
        #expect(finch.error(#"dataset "\#(path)" target: "price" label: "a""#)?.message.hasPrefix("both a label column and a target column") == true)
        finch.result("model reg {\n input features: 2\n regress\n}")
        let stop = try #require(finch.error("finetune reg on data validate: data early_stop: val_f1"))
        #expect(stop.message == "early_stop: val_f1 measures classes, but finch-csv-\(getpid())-prices has a number to predict")
        #expect(stop.note == "use early_stop: val_loss")
        #expect(finch.error("finetune reg on data class_weights: balanced")?.message
            == "'class_weights:' weighs classes, but finch-csv-\(getpid())-prices has a number to predict")
        #expect(finch.error(#"dataset "\#(path)" target: "prise""#)?.note?.hasPrefix("did you mean 'price'?") == true)
    }
}

/// Data out: a data set's rows with their ids, and predictions beside the truth.
@Suite struct DataOutTests {
    let finch = Harness()

    @Test func tableAndExportShowADataSetsRowsWithIdsThatTraceASplitBack() throws {
        let path = try CSVDataTests.writeScaledCSV(count: 10, name: "out")
        defer { unlink(path) }
        finch.result(#"data = dataset "\#(path)""#)
        finch.result("fit, held = split data [80, 20]")
        let held = try #require(finch.session.interpreter.variables["held"]?.object(DatasetObject.self)).dataset
        let table = try #require(finch.result("table held"))
        #expect(table.contains("id") && table.contains("size") && table.contains("label"))
        let csv = "/tmp/finch-out-\(getpid()).csv"
        defer { unlink(csv) }
        finch.result("export held to \"\(csv)\"")
        let lines = try #require(readTextFile(csv)).split(separator: "\n").map(String.init)
        #expect(lines[0] == "id,size,ratio,label")
        #expect(lines.count == held.count + 1)
        let source = try #require(readTextFile(path)).split(separator: "\n").map(String.init)
        for (line, id) in zip(lines.dropFirst(), held.rowIDs) {
            let cells = line.split(separator: ",").map(String.init)
            #expect(cells[0] == String(id))
            let original = source[id + 1].split(separator: ",").map(String.init)
            #expect(cells[3] == original[2], "row \(id) has the label of its line in the file")
            #expect(abs(Double(cells[1])! - Double(original[0])!) < 0.01)
        }
    }

    @Test func predictionsOfALabelledDataSetShowTheTrueClassAndEveryProbability() throws {
        let path = try CSVDataTests.writeScaledCSV(count: 20, name: "pred")
        defer { unlink(path) }
        finch.result(#"data = dataset "\#(path)""#)
        finch.result("fit, held = split data [80, 20]")
        finch.result(CSVDataTests.net)
        finch.result("run = finetune net on fit epochs: 2")
        finch.result("p = predict net on held")
        let held = try #require(finch.session.interpreter.variables["held"]?.object(DatasetObject.self)).dataset
        #expect(finch.result("p.rows[0][0]") == String(held.rowIDs[0]))
        #expect(finch.result("p.rows[0][1]") == "\"\(held.classNames[held.labels![0]])\"")
        let csv = "/tmp/finch-pred-\(getpid()).csv"
        defer { unlink(csv) }
        finch.result("export p to \"\(csv)\"")
        #expect(try #require(readTextFile(csv)).hasPrefix("id,true,predicted,probability,p(large),p(small)\n"))
    }
}
