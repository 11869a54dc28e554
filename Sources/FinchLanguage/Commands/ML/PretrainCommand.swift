import FinchData
import FinchEngine

/// What pre-training teaches without labels.
enum PretrainingObjective: String, CaseIterable {
    /// Predict each next token (a causal language model).
    case nextToken = "next_token"
    /// Predict masked tokens (masked language modelling).
    case masked
    /// Rebuild masked numeric features.
    case denoise
}

extension Command {
    /// The steps of `pretrain` when `steps:` is left out: long enough to matter on a real corpus
    /// of a few hundred thousand words (about seven passes over one), a few minutes for a small
    /// model; the header shows the time they will take before the first step. 1,500, the old
    /// default, paid on the SMS corpus (about ten passes) but not on corpora five times larger:
    /// Debian's package descriptions and fortune files, classified with 5 and 10 labels per class.
    /// README's "Pre-training on real text" has the figures; scripts/measure-pretraining.py
    /// measures them again.
    static let pretrainingSteps = 6000

    /// `pretrain MODEL on DATA [objective: next_token|masked|denoise] [steps: N] [context: N] [mask_rate: R] …`:
    /// self-supervised training; returns the run.
    static let pretrain = Command(
        name: "pretrain",
        summary: "Pre-train a model without labels: next-token or masked prediction on tokens, denoising on features.",
        positional: [Parameter("model", .any, doc: "the model to train (in place)", required: true)],
        prepositions: [Parameter("on", .any, doc: "the tokens (a tokenized corpus) or the data set of features", required: true)],
        keywords: [
            Parameter("objective", .choice(PretrainingObjective.allCases.map(\.rawValue)),
                      doc: "next_token (causal LM), masked (MLM) or denoise (rebuild masked features); default from the data",
                      settings: ["masked": ["mask_rate"], "denoise": ["mask_rate"]]),
            Parameter("steps", .number, doc: "the number of optimiser steps", default: .number(Double(pretrainingSteps))),
            Parameter("context", .number, doc: "tokens per example (default: the model's context)"),
            Parameter("mask_rate", .number, doc: "the fraction of tokens or features masked", default: .number(0.15)),
            Parameter("tokenizer", .any, doc: "the tokenizer that turns a corpus into tokens; the model keeps it for 'generate'"),
            Parameter("validate", .any, doc: "held-out text to validate on, a corpus or tokens (default: the last tenth of the text)"),
        ] + TrainingOptions.parameters(rate: TrainingOptions.pretrainingRate),
        displaysItsValue: true
    ) { invocation throws(FinchError) in
        let target = try invocation.object("model", ModelObject.self, what: "a model")
        let steps = try invocation.integer("steps", in: 1...10_000_000) ?? pretrainingSteps
        let seed = try TrainingOptions.seed(invocation, purpose: "pretrain " + target.name)
        let config = try TrainingOptions.config(invocation, steps: steps, seed: seed, defaultRate: TrainingOptions.pretrainingRate)
        let source = try PretrainingData(invocation, target: target, seed: seed)
        let interval = try invocation.integer("eval_every", in: 1...10_000_000) ?? max(1, steps / 10)
        var plan = TrainingPlan(
            kind: "pretrain", method: source.objective.rawValue, model: target, config: config, maker: source.maker,
            validation: source.validation, evaluationInterval: interval, earlyStop: nil,
            settings: TrainingOptions.settings(invocation, steps: steps,
                                               extra: [Record.Field(name: "objective", value: .symbol(source.objective.rawValue))]),
            name: TrainingOptions.runName(invocation))
        if let standardisation = source.standardisation {
            plan.begin = { standardisation.adopt(by: target, output: invocation.interpreter.output) }
        }
        let run = try TrainingRunner(invocation).run(plan)
        if !source.validation.isEmpty {
            target.pretrainingValidation = PretrainingValidation(objective: source.objective.rawValue, batches: source.validation)
        }
        return .wrap(run)
    }
}

/// The batches `pretrain` trains and validates on, read from its `on:` data: a corpus (with its
/// tokenizer) or tokens for the token objectives, a data set of features for denoising. A tenth
/// of the data is held out for validation, unless `validate:` names held-out text.
private struct PretrainingData {
    let objective: PretrainingObjective
    let maker: any BatchMaker
    let validation: [Batch]
    /// How features are scaled, for a data set of features.
    var standardisation: InputStandardisation?

    init(_ invocation: Invocation, target: ModelObject, seed: UInt64) throws(FinchError) {
        let batch = try invocation.integer("batch", in: 1...100_000) ?? 16
        let rate = Float(try invocation.number("mask_rate", in: 0.01...0.9) ?? 0.15)
        let chosen = invocation.word("objective").flatMap(PretrainingObjective.init(rawValue:))
        let data = try Self.tokens(of: invocation.bound("on")?.value, invocation, target: target) ?? invocation.bound("on")?.value
        if let tokens = data?.object(TokensObject.self) {
            objective = chosen ?? .nextToken
            let held = try invocation.bound("validate").map { bound throws(FinchError) -> TokenStream in
                guard let text = try Self.tokens(of: bound.value, invocation, target: target)?.object(TokensObject.self)
                        ?? bound.value.object(TokensObject.self) else {
                    throw FinchError(PretrainFailure.validationNotText(type: bound.value.typeDescription), at: invocation.place("validate"))
                }
                return text.stream
            }
            (maker, validation) = try Self.tokenBatches(tokens.stream, held: held, objective, invocation, target: target, batch: batch,
                                                        rate: rate, seed: seed)
        } else if let dataset = data?.object(DatasetObject.self)?.dataset {
            guard invocation.bound("validate") == nil else {
                throw FinchError(PretrainFailure.validationWithDenoising, at: invocation.place("validate"))
            }
            objective = chosen ?? .denoise
            let standardisation = InputStandardisation(training: dataset, for: target, output: invocation.interpreter.output)
            self.standardisation = standardisation
            (maker, validation) = try Self.featureBatches(dataset, objective, invocation, target: target, standardisation: standardisation,
                                                          batch: batch, rate: rate, seed: seed)
        } else {
            throw FinchError(PretrainFailure.dataNotTokens(type: data?.typeDescription ?? "nothing"), at: invocation.place("on"))
        }
    }

    /// `value` as tokens when it is a corpus, read with `tokenizer:` (which the model then keeps);
    /// nil for anything else.
    private static func tokens(of value: Value?, _ invocation: Invocation, target: ModelObject) throws(FinchError) -> Value? {
        guard let corpus = value?.object(CorpusObject.self) else { return nil }
        let tokenizer = try invocation.object("tokenizer", TokenizerObject.self, what: "a tokenizer for the corpus (tokenizer: tok)")
        let stream = TokenStream(ids: try invocation.encode(corpus.corpus, with: tokenizer.tokenizer), vocabulary: tokenizer.tokenizer.size)
        target.tokenizer = .wrap(tokenizer)
        return .wrap(TokensObject(name: corpus.corpus.name, stream: stream))
    }

    /// Windows of `stream` for the token objectives: with `held` text, all of `stream` to train
    /// on and `held` to validate on; else the first nine tenths to train on and the last tenth
    /// for validation (when it holds more than one window).
    private static func tokenBatches(_ stream: TokenStream, held: TokenStream?, _ objective: PretrainingObjective, _ invocation: Invocation,
                                     target: ModelObject, batch: Int, rate: Float,
                                     seed: UInt64) throws(FinchError) -> (any BatchMaker, [Batch]) {
        let length = try target.tokenContext(for: stream, invocation, note: "build the model with 'embedding vocab: \(stream.vocabulary) …'")
        if let held { _ = try target.tokenContext(for: held, invocation, argument: "validate", note: "validate on text read with the same tokenizer") }
        guard target.model.head.kind == .lm || objective == .denoise else {
            throw FinchError(PretrainFailure.tokensWithoutLMHead(objective, model: target.name, head: target.model.head.kind),
                             at: invocation.place("model"))
        }
        let heldCount = held == nil ? stream.ids.count / 10 : 0
        let trainPart = Array(stream.ids[..<(stream.ids.count - heldCount)])
        guard trainPart.count > length + 1 else {
            throw FinchError(PretrainFailure.tooFewTokens(count: stream.ids.count, context: length), at: invocation.place("on"))
        }
        let validPart = held?.ids ?? Array(stream.ids[(stream.ids.count - heldCount)...])
        guard objective != .denoise else {
            throw FinchError(PretrainFailure.denoisingTokens, at: invocation.place("objective"))
        }
        func batches(_ part: [Int32]) throws(FinchError) -> any BatchMaker {
            do throws(DataError) {
                if objective == .masked {
                    return try MaskedTokenBatches(stream: part, vocabularySize: stream.vocabulary, context: length, batch: batch,
                                                  maskRate: rate, seed: seed)
                }
                return try NextTokenBatches(stream: part, context: length, batch: batch, seed: seed)
            } catch {
                throw FinchError(EngineRefusal.data(error), at: invocation.place("on"))
            }
        }
        let maker = try batches(trainPart)
        if held != nil, validPart.count <= length + 1 {
            throw FinchError(PretrainFailure.tooFewValidationTokens(count: validPart.count, context: length), at: invocation.place("validate"))
        }
        return (maker, validPart.count > length + 1 ? try batches(validPart).evaluationBatches(limit: held == nil ? 4 : 16) : [])
    }

    /// Masked rows of `dataset` to rebuild: nine tenths to train on, a tenth for validation
    /// (all of it to train on when it has fewer than ten rows).
    private static func featureBatches(_ dataset: Dataset, _ objective: PretrainingObjective, _ invocation: Invocation,
                                       target: ModelObject, standardisation: InputStandardisation, batch: Int, rate: Float,
                                       seed: UInt64) throws(FinchError) -> (any BatchMaker, [Batch]) {
        guard objective == .denoise, let width = dataset.width else {
            throw FinchError(PretrainFailure.tokensFromDataset(objective, data: dataset.name, numeric: dataset.width != nil), at: invocation.place("on"))
        }
        guard case .features(let inputs) = target.model.spec.input, inputs == width else {
            throw FinchError(PretrainFailure.inputWidth(model: target.name, width: width), at: invocation.place("model"))
        }
        guard target.model.plan.outputWidth == width else {
            throw FinchError(PretrainFailure.reconstructionWidth(width: width, model: target.name, outputs: target.model.plan.outputWidth),
                             at: invocation.place("model"))
        }
        let dataset = try standardisation.scaled(dataset, at: invocation.place("on"))
        do throws(DataError) {
            let parts = dataset.count >= 10 ? try dataset.split([90, 10], seed: seed) : [dataset]
            let maker = try MaskedFeatureBatches(dataset: parts[0], batch: batch, maskRate: rate, seed: seed)
            let validation = try parts.dropFirst().first.map { (held: Dataset) throws(DataError) in
                try MaskedFeatureBatches(dataset: held, batch: batch, maskRate: rate, seed: seed).evaluationBatches(limit: held.count)
            } ?? []
            return (maker, validation)
        } catch {
            throw FinchError(EngineRefusal.data(error), at: invocation.place("on"))
        }
    }
}
