import FinchData
import FinchEngine
@testable import FinchLanguage
import Foundation
import Testing

/// `tasks` and `continual`: streams of tasks, training through them with each strategy, the
/// result's measures and figures, and every refusal.
@Suite struct ContinualCommandTests {
    let finch = Harness()

    /// `perClass` rows of 2 features for each of `classes` classes, centred on a circle: the
    /// classes of each pair after the first lie a little way round from the first pair's, so a
    /// later task's classes take over the earlier ones' ground unless something holds it.
    static func rings(_ name: String, classes: Int, perClass: Int, seed: UInt64) -> DatasetObject {
        var generator = Xoshiro(seed: seed)
        var values: [Float] = [], labels: [Int] = []
        for label in 0..<classes {
            let angle = Float.pi * Float(label % 2) + Float.pi / 6 * Float(label / 2)
            for _ in 0..<perClass {
                values += [2 * cos(angle) + 0.3 * generator.nextNormal(), 2 * sin(angle) + 0.3 * generator.nextNormal()]
                labels.append(label)
            }
        }
        return DatasetObject(try! FinchData.Dataset(name: name, features: values, width: 2, labels: labels,
                                                    classNames: (0..<classes).map { "k\($0)" }))
    }

    init() {
        finch.define("fit", Self.rings("rings", classes: 4, perClass: 30, seed: 1))
        finch.define("held", Self.rings("rings", classes: 4, perClass: 10, seed: 2))
        finch.result("s = tasks fit test: held per_task: 2")
        finch.result("model body {\n input features: 2\n dense 16 activation: tanh\n}")
    }

    /// A fresh classifier of 4 classes called `net`, the same weights on every call.
    private func fresh() { finch.result("net = copy body head: classify(classes: 4)") }

    @Test func aStreamShowsItsTasksAndHasProperties() {
        #expect(finch.result("s") == """
            stream rings: 2 tasks of 2 classes
            task  classes  train  test
            ----  -------  -----  ----
               0  k0/k1       60    20
               1  k2/k3       60    20
            """)
        #expect(finch.result("s.count") == "2")
        #expect(finch.result("s.names") == "[\"k0/k1\", \"k2/k3\"]")
        #expect(finch.result("s.classes") == "[[\"k0\", \"k1\"], [\"k2\", \"k3\"]]")
        #expect(finch.result("s.train[1].length") == "60")
        #expect(finch.result("s.test[0].labels") == "[" + (Array(repeating: "0", count: 10) + Array(repeating: "1", count: 10)).joined(separator: ", ") + "]")
    }

    @Test func naiveTrainingForgetsTheFirstTaskClassIncrementally() throws {
        fresh()
        finch.result("r = continual net through: s epochs: 60 lr: 3e-2")
        let result = try #require(finch.session.interpreter.variables["r"]?.object(ContinualObject.self))
        let matrix = result.metrics.matrix
        #expect(matrix.count == 2 && matrix.allSatisfy { $0.count == 2 })
        #expect(matrix[0][0] > 0.9, "the first task is learned")
        #expect(matrix[1][0] < 0.2, "and forgotten once the second is: its classes are never the answer any more")
        #expect(matrix[1][1] > 0.9)
        #expect(finch.result("r.accuracy") == Value.number((matrix[1][0] + matrix[1][1]) / 2).text)
        #expect(finch.result("r.bwt") == Value.number(matrix[1][0] - matrix[0][0]).text)
        #expect(finch.result("r.forgetting") == "[" + Value.number(matrix[0][0] - matrix[1][0]).text + "]")
        #expect(finch.result("r.fwt") == Value.number(matrix[0][1] - result.metrics.baseline[1]).text)
        #expect(finch.result("r.strategy") == "\"naive\"")
        #expect(finch.result("r.scenario") == "class_incremental")
        #expect(finch.result("r.summary")?.hasPrefix("record(name: \"r\", strategy: \"naive\", scenario: class_incremental, accuracy: ") == true)
        #expect(finch.result("r") == """
            continual r: net, naive, class_incremental; accuracy 0.5, BWT -1, FWT 0, forgetting 1
            trained      task k0/k1  task k2/k3  seen so far
            -----------  ----------  ----------  -----------
            after k0/k1           1           0            1
            after k2/k3           0           1          0.5
            accuracy on each task's test data (among all classes); FWT is measured against the accuracy of net before the stream
            """)
        #expect(result.figures.count == 2, "a heatmap of R and a line per task")
        #expect(result.figures[0].plainText.contains("after k2/k3"))
        #expect(finch.result("plot r") == result.figures[0].plainText, "plot draws the heatmap of R")
        #expect(finch.result("plot r title: \"R\"")?.hasPrefix("R\n") == true)
    }

    @Test func replayAndTheTaskIncrementalScenarioKeepTheFirstTask() throws {
        fresh()
        finch.result("naive = continual net through: s epochs: 60 lr: 3e-2")
        fresh()
        finch.result("replayed = continual net through: s epochs: 60 lr: 3e-2 strategy: replay(buffer: 20, ratio: 0.5)")
        fresh()
        finch.result("known = continual net through: s epochs: 60 lr: 3e-2 scenario: task_incremental")
        let naive = try #require(Double(finch.result("naive.accuracy") ?? ""))
        let replayed = try #require(Double(finch.result("replayed.accuracy") ?? ""))
        let known = try #require(Double(finch.result("known.accuracy") ?? ""))
        #expect(replayed > naive + 0.2)
        #expect(known > naive + 0.2, "knowing the task, the old classes only compete with each other")
        #expect(finch.result("replayed.strategy") == "\"replay(buffer: 20, ratio: 0.5)\"")
        #expect(finch.result("replayed.config.strategy") == "\"replay(buffer: 20, ratio: 0.5)\"")
    }

    @Test func ewcLwfAndJointRunThroughTheOneLoop() throws {
        fresh()
        finch.result("e = continual net through: s epochs: 10 lr: 1e-2 strategy: ewc lambda: 50")
        #expect(finch.result("e.strategy") == "\"ewc(lambda: 50)\"")
        fresh()
        finch.result("l = continual net through: s epochs: 10 lr: 1e-2 strategy: lwf")
        #expect(finch.result("l.strategy") == "\"lwf(lambda: 1)\"")
        fresh()
        finch.result("j = continual net through: s epochs: 10 lr: 1e-2 strategy: joint")
        #expect(finch.result("j.matrix")?.hasPrefix("[[") == true)
        let joint = try #require(finch.session.interpreter.variables["j"]?.object(ContinualObject.self))
        #expect(joint.metrics.matrix.count == 1, "joint training is one stage")
        #expect(finch.result("j.bwt == none") == "true")
        #expect(try #require(Double(finch.result("j.accuracy") ?? "")) > 0.9)
        fresh()
        let displayed = { (name: String) in
            finch.sink.events.filter { if case .display(let bundle, _) = $0 { bundle.plainText.hasPrefix("continual \(name): ") } else { false } }.count
        }
        finch.result("p = continual net through: s epochs: 2 method: probe show: false")
        #expect(displayed("p") == 0, "show: false only returns the result")
        finch.result("q = continual net through: s epochs: 2")
        #expect(displayed("q") == 1)
        #expect(finch.result("p.config.method") == "probe")
    }

    @Test func aResultIsExportedAsItsMatrixOrItsMeasures() throws {
        fresh()
        finch.result("r = continual net through: s epochs: 2")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("finch-continual-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        finch.result("export r to \"\(folder.path)/r.csv\"")
        let csv = try String(contentsOfFile: folder.path + "/r.csv", encoding: .utf8)
        #expect(csv.hasPrefix("trained,task k0/k1,task k2/k3,seen so far\nafter k0/k1,"))
        finch.result("export r to \"\(folder.path)/r.json\"")
        let json = try String(contentsOfFile: folder.path + "/r.json", encoding: .utf8)
        #expect(json.contains("\"matrix\":") && json.contains("\"bwt\":") && json.contains("\"forgetting\":"))
    }

    @Test func badStreamsAndSettingsAreRefusedSayingWhatToChange() throws {
        #expect(finch.error("tasks fit test: held per_task: 4")?.message
            == "rings has 4 classes, so 4 per task makes a stream of one task, which cannot show forgetting; use fewer classes per task (at most 2)")
        #expect(finch.error("tasks fit test: held per_task: 3")?.message.hasPrefix("rings's 4 classes by 3 leave task 1 with the one class k3") == true)
        fresh()
        let before = try #require(finch.model("net")).model.parameters.map(\.parameter.value.scalars)
        #expect(finch.error("continual net through: s strategy: replay buffer: 120")?.message
            == "buffer: 120 holds every one of the stream's 120 training examples, so nothing would be forgotten to measure")
        let negative = try #require(finch.error("continual net through: s strategy: ewc lambda: -1"))
        #expect(negative.message == "'lambda:' is a strength and cannot be negative, got -1")
        #expect(negative.range?.column == 48)
        #expect(finch.error("continual net through: s strategy: ewc buffer: 10")?.message == "'buffer:' is a setting of strategy: replay, not of ewc")
        finch.result("small = copy body head: classify(classes: 2)")
        let small = try #require(finch.error("continual small through: s"))
        #expect(small.message == "the stream rings has 4 classes in all, but small outputs 2")
        #expect(small.note == "one shared head needs an output for every class: 'copy small head: classify(classes: 4)'")
        #expect(finch.error("continual net through: fit")?.message.contains("stream of tasks") == true)
        #expect(finch.error("continual net through: s lr: 99")?.message.hasPrefix("'lr' must be a number from 0 to 10") == true)
        #expect(try #require(finch.model("net")).model.parameters.map(\.parameter.value.scalars) == before, "a refused command leaves the model as it was")
    }

    /// `count` short texts of two classes whose words tell them apart: `first words` or `second words`.
    static func texts(_ name: String, classes: [String], words: [[String]], count: Int) -> DatasetObject {
        var generator = Xoshiro(seed: 5)
        var texts: [String] = [], labels: [Int] = []
        for index in 0..<count {
            let label = index % 2
            texts.append((0..<3).map { _ in words[label][generator.nextInt(below: words[label].count)] }.joined(separator: " "))
            labels.append(label)
        }
        return DatasetObject(try! FinchData.Dataset(name: name, texts: texts, labels: labels, classNames: classes), splitSeed: 3)
    }

    @Test func aStreamOfSeveralDataSetsTrainsATextClassifierThroughThemInOrder() throws {
        let colours = Self.texts("colours", classes: ["red", "blue"], words: [["cherry", "brick", "rose"], ["sky", "sea", "ice"]], count: 60)
        let pets = Self.texts("pets", classes: ["cat", "dog"], words: [["purr", "meow", "whisker"], ["bark", "fetch", "wag"]], count: 60)
        finch.define("colours", colours)
        finch.define("pets", pets)
        let words = (colours.dataset.texts ?? []) + (pets.dataset.texts ?? [])
        finch.define("tok", TokenizerObject(try .words(from: words.joined(separator: "\n"), limit: 100)))
        finch.result("both = tasks [colours, pets]")
        #expect(finch.result("both")?.hasPrefix("stream colours then pets: 2 tasks of 2 classes") == true)
        #expect(finch.result("both.classes") == "[[\"red\", \"blue\"], [\"cat\", \"dog\"]]")
        #expect(finch.result("both.train[1].labels")?.contains("3") == true, "the second data set's classes come after the first's")
        finch.result("model reader {\n embedding vocab: tok.size dim: 8 context: 3\n classify classes: 4 pool: mean\n}")
        finch.result("r = continual reader through: both tokenizer: tok epochs: 30 lr: 3e-2 scenario: task_incremental strategy: replay(buffer: 10)")
        let result = try #require(finch.session.interpreter.variables["r"]?.object(ContinualObject.self))
        #expect(result.metrics.matrix.count == 2)
        #expect(result.metrics.final.allSatisfy { $0 > 0.9 }, "\(result.metrics.matrix)")
        #expect(finch.error("tasks [colours]")?.message.hasPrefix("a stream of data sets needs at least two of them") == true)
        #expect(finch.error("tasks [colours, pets] per_task: 2")?.message
            == "'per_task:' cuts one data set; a list of data sets makes one task of each, with its own test part")
        #expect(finch.error("tasks [colours, 3]")?.message == "'tasks' needs a list of data sets, but it holds a number")
        #expect(finch.error("continual reader through: both epochs: 1 strategy: lwf method: lora")?.message.hasPrefix("strategy: lwf distils") == true)
        #expect(try #require(finch.model("reader")).model.adapters.isEmpty, "the refused command added no adapters")
    }

    @Test func aCSVFileGroupedByAColumnMakesOneTaskPerValue() throws {
        // Two regions whose two classes sit on different sides: a domain shift within one file.
        var generator = Xoshiro(seed: 4)
        var lines = ["x,y,region,kind"]
        for index in 0..<160 {
            let region = index < 80 ? "north" : "south", label = index % 2
            let centre: Float = (label == 0 ? -1 : 1) * (region == "north" ? 1 : -1)
            lines.append("\(centre + 0.3 * generator.nextNormal()),\(0.3 * generator.nextNormal()),\(region),\(label == 0 ? "small" : "large")")
        }
        let path = "/tmp/finch-continual-\(getpid())-regions.csv"
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        finch.result("shops = dataset \"\(path)\" group: \"region\"")
        finch.result("regions = tasks shops by: \"region\"")
        #expect(finch.result("regions")?.hasPrefix("stream finch-continual-\(getpid())-regions by region: 2 tasks of 2 classes") == true)
        #expect(finch.result("regions.names") == "[\"north\", \"south\"]")
        finch.result("net = copy body head: classify(classes: 2)")
        finch.result("r = continual net through: regions epochs: 30 lr: 3e-2")
        let result = try #require(finch.session.interpreter.variables["r"]?.object(ContinualObject.self))
        #expect(result.metrics.matrix[0][0] > 0.9, "the first region is learned: \(result.metrics.matrix)")
        #expect(result.metrics.matrix[1][1] > 0.9 && result.metrics.matrix[1][0] < 0.5, "then the second overwrites it: \(result.metrics.matrix)")
        #expect(finch.error("tasks shops by: \"town\"")?.message == "finch-continual-\(getpid())-regions is grouped by 'region', not 'town'")
        #expect(finch.error("tasks shops by: \"region\" per_task: 2")?.message
            == "'tasks' cuts by class with per_task: or by a column with by:, not both")
        #expect(finch.error("tasks fit test: held by: \"region\"")?.message.hasPrefix("rings has no group column to cut tasks by") == true)
        let both = "dataset \"\(path)\" label: \"kind\" group: \"kind\""
        #expect(finch.error(both)?.range?.column == both.distance(from: both.startIndex, to: both.range(of: "group: ")!.upperBound) + 1,
                "a group column that is also the label is refused at group:")
    }

    @Test func anInterruptStopsTheStreamWithinATaskAndSaysWhere() throws {
        let countdown = Countdown(checks: 20)
        let interrupted = Harness(isInterrupted: { countdown.check() })
        interrupted.define("fit", Self.rings("rings", classes: 4, perClass: 30, seed: 1))
        interrupted.define("held", Self.rings("rings", classes: 4, perClass: 10, seed: 2))
        interrupted.result("s = tasks fit test: held per_task: 2")
        interrupted.result("model net {\n input features: 2\n dense 16 activation: tanh\n classify classes: 4\n}")
        let error = try #require(interrupted.error("r = continual net through: s epochs: 50"))
        #expect(error.kind == .interrupted)
        #expect(error.message.hasPrefix("interrupted during task 0 (k0/k1), after step "))
        #expect(error.message.hasSuffix("; net keeps the weights of that step"))
        #expect(interrupted.session.interpreter.variables["r"] == nil)
    }

    @Test func helpDescribesTheCommandsAndTheirResults() {
        finch.result("help continual")
        #expect(finch.sink.stdout.contains("strategy: naive|replay|ewc|lwf|joint"))
        #expect(finch.sink.stdout.contains("Properties of a continual-learning result"))
        #expect(finch.sink.stdout.contains("  bwt "))
        finch.result("help tasks")
        #expect(finch.sink.stdout.contains("per_task:"))
        #expect(finch.sink.stdout.contains("Properties of a stream of tasks"))
    }
}
