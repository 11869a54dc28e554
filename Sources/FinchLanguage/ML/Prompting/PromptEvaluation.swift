#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FinchData
import FinchEngine

/// `prompt LM on DATA …`: a language model classifies the texts of a data set by which label's
/// verbaliser it finds likeliest after a prompt, with `shots` demonstrations drawn from a
/// labelled set before it, and optionally calibrated by the scores of a content-free prompt.
struct PromptEvaluation {
    /// The model, and its classifier.
    let model: ModelObject, classifier: PromptClassifier
    /// The texts to classify and their labels.
    let data: DatasetObject, texts: [String], labels: [Int]
    /// The labelled texts demonstrations are drawn from.
    let demonstrations: (name: String, texts: [String], labels: [Int])?
    /// Whether scores are calibrated by those of the empty text.
    let calibrates: Bool
    /// Whether a text too long for the context is cut (its first tokens kept) rather than refused.
    let truncates: Bool
    /// The command, for errors and interruption.
    let invocation: Invocation

    /// An evaluation with `shots` demonstrations drawn (and ordered) by `seed`.
    func evaluate(shots: Int, seed: UInt64) throws(FinchError) -> EvaluationObject {
        let start = invocation.interpreter.workbench.clock()
        let drawn = try draw(shots, seed: seed)
        let prefix = Array(drawn.joined())
        let queries = try fitted(texts.map(query), after: drawn)
        let prior = calibrates ? try scores(after: prefix + query("").tokens, what: "the content-free prompt") : nil
        var predictions: [Int] = [], probabilities: [[Double]] = [], loss = 0.0
        for (query, label) in zip(queries, labels) {
            try invocation.interpreter.checkInterruption(at: invocation.range)
            let classScores = try scores(after: prefix + query.tokens, minus: prior)
            predictions.append(classScores.indices.max { classScores[$0] < classScores[$1] } ?? 0)
            probabilities.append(InferenceRunner.softmax(classScores))
            loss -= log(max(probabilities[probabilities.count - 1][label], 1e-12))
        }
        let matrix: ConfusionMatrix, calibration: Calibration
        do throws(MetricsError) {
            matrix = try ConfusionMatrix(predictions: predictions, labels: labels, classes: data.dataset.classNames.count)
            calibration = try Calibration(probabilities: probabilities, labels: labels)
        } catch { throw FinchError(EngineRefusal.metrics(error), at: invocation.place("on")) }
        let method = (shots == 0 ? "zero-shot" : "\(shots)-shot") + (calibrates ? ", calibrated" : "")
        return EvaluationObject(modelName: "\(model.name) prompted (\(method))", dataName: data.name, matrix: matrix,
                                classNames: data.dataset.classNames, loss: loss / Double(max(labels.count, 1)), calibration: calibration,
                                seconds: invocation.interpreter.workbench.clock() - start)
    }

    /// The tokens of the prompt on one text: the template's parts and the text read separately,
    /// so that the text alone can be cut.
    private struct Query {
        var before: [Int32], text: [Int32], after: [Int32]
        var tokens: [Int32] { before + text + after }
        var count: Int { before.count + text.count + after.count }
    }

    private func query(_ text: String) -> Query {
        let tokenizer = classifier.tokenizer, template = classifier.template
        return Query(before: tokenizer.encode(template.before), text: tokenizer.encode(text), after: tokenizer.encode(template.after))
    }

    private func scores(after prompt: [Int32], what: String = "the prompt", minus prior: [Double]? = nil) throws(FinchError) -> [Double] {
        do throws(GenerationError) { return try classifier.scores(after: prompt, minus: prior) } catch {
            throw FinchError(PromptFailure.cannotScore(model: model.name, what: what, error), at: invocation.place("template"))
        }
    }

    /// `shots` demonstrations drawn without replacement from the demonstration set, in an order
    /// drawn by `seed`, each as tokens.
    private func draw(_ shots: Int, seed: UInt64) throws(FinchError) -> [[Int32]] {
        guard shots > 0 else { return [] }
        guard let demonstrations else {
            throw FinchError(PromptFailure.shotsWithoutDemonstrations(shots: shots), at: invocation.place("shots"))
        }
        guard shots <= demonstrations.texts.count else {
            throw FinchError(PromptFailure.tooFewDemonstrations(shots: shots, set: demonstrations.name, texts: demonstrations.texts.count),
                             at: invocation.place("shots"))
        }
        var generator = Xoshiro(seed: seed)
        var order = Array(demonstrations.texts.indices)
        generator.shuffle(&order)
        return order.prefix(shots).map { classifier.demonstration(demonstrations.texts[$0], label: demonstrations.labels[$0]) }
    }

    /// The queries, each fitting the context after `drawn`: a query too long is cut when
    /// truncating, and refused otherwise with the number of demonstrations that would fit.
    private func fitted(_ queries: [Query], after drawn: [[Int32]])
        throws(FinchError) -> [Query] {
        let context = classifier.generator.context, prefix = drawn.map(\.count).reduce(0, +)
        let room = context - classifier.verbaliserPositions - prefix
        let longest = queries.map(\.count).max() ?? 0
        guard longest > room else { return queries }
        if truncates, case let frame = queries[0].before.count + queries[0].after.count, frame < room {
            return queries.map { Query(before: $0.before, text: Array($0.text.prefix(room - frame)), after: $0.after) }
        }
        var fitting = 0, used = 0
        for demonstration in drawn {
            used += demonstration.count
            guard used + longest + classifier.verbaliserPositions <= context else { break }
            fitting += 1
        }
        let needed = prefix + longest + classifier.verbaliserPositions
        let failure: PromptFailure = drawn.isEmpty
            ? .promptTooLong(needed: needed, model: model.name, context: context)
            : .demonstrationsTooLong(count: drawn.count, tokens: prefix, needed: needed, model: model.name, context: context, fitting: fitting)
        throw FinchError(failure, at: invocation.place(drawn.isEmpty ? "on" : "shots"))
    }
}
