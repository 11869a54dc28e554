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
            Parameter("steps", .number, doc: "the number of optimiser steps", default: .number(200)),
            Parameter("context", .number, doc: "tokens per example (default: the model's context)"),
            Parameter("mask_rate", .number, doc: "the fraction of tokens or features masked", default: .number(0.15)),
            Parameter("tokenizer", .any, doc: "the tokenizer that turns a corpus into tokens; the model keeps it for 'generate'"),
        ] + TrainingOptions.parameters,
        displaysItsValue: true
    ) { invocation throws(FinchError) in
        let target = try invocation.object("model", ModelObject.self, what: "a model")
        let steps = try invocation.integer("steps", in: 1...10_000_000) ?? 200
        let seed = try TrainingOptions.seed(invocation, purpose: "pretrain " + target.name)
        let config = try TrainingOptions.config(invocation, steps: steps, seed: seed)
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
        return .wrap(try TrainingRunner(interpreter: invocation.interpreter, range: invocation.range).run(plan))
    }
}

/// The batches `pretrain` trains and validates on, read from its `on:` data: a corpus (with its
/// tokenizer) or tokens for the token objectives, a data set of features for denoising. A tenth
/// of the data is held out for validation.
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
        var data = invocation.bound("on")?.value
        if let corpus = data?.object(CorpusObject.self) {
            let tokenizer = try invocation.object("tokenizer", TokenizerObject.self, what: "a tokenizer for the corpus (tokenizer: tok)")
            let stream = TokenStream(ids: tokenizer.tokenizer.encode(corpus.corpus.text), vocabulary: tokenizer.tokenizer.size)
            data = .wrap(TokensObject(name: corpus.corpus.name, stream: stream))
            target.tokenizer = .wrap(tokenizer)
        }
        if let tokens = data?.object(TokensObject.self) {
            objective = chosen ?? .nextToken
            (maker, validation) = try Self.tokenBatches(tokens.stream, objective, invocation, target: target, batch: batch, rate: rate, seed: seed)
        } else if let dataset = data?.object(DatasetObject.self)?.dataset {
            objective = chosen ?? .denoise
            let standardisation = InputStandardisation(training: dataset, for: target, output: invocation.interpreter.output)
            self.standardisation = standardisation
            (maker, validation) = try Self.featureBatches(dataset, objective, invocation, target: target, standardisation: standardisation,
                                                          batch: batch, rate: rate, seed: seed)
        } else {
            throw FinchError(.type, "'pretrain' needs tokens or a data set after 'on', not \(data?.typeDescription ?? "nothing")",
                             at: invocation.place("on"))
        }
    }

    /// Windows of `stream` for the token objectives: the first nine tenths to train on, the
    /// last tenth for validation (when it holds more than one window).
    private static func tokenBatches(_ stream: TokenStream, _ objective: PretrainingObjective, _ invocation: Invocation,
                                     target: ModelObject, batch: Int, rate: Float,
                                     seed: UInt64) throws(FinchError) -> (any BatchMaker, [Batch]) {
        guard case .tokens(let vocabulary, let maxLength) = target.model.spec.input else {
            throw FinchError(.value, "\(target.name) reads features, but the data is tokens", at: invocation.place("on"))
        }
        guard stream.vocabulary <= vocabulary else {
            throw FinchError(.value, "the tokens use a vocabulary of \(stream.vocabulary), but \(target.name) has \(vocabulary)",
                             at: invocation.place("on"), note: "build the model with 'embedding vocab: \(stream.vocabulary) …'")
        }
        let length = try invocation.integer("context", in: 1...maxLength) ?? maxLength
        guard target.model.head.kind == .lm || objective == .denoise else {
            throw FinchError(.value, "\(objective.rawValue) pre-training predicts tokens, but \(target.name) has a \(target.model.head.kind.rawValue) head",
                             at: invocation.place("model"), note: "end the model with 'lm_head', or use 'copy \(target.name) head: lm'")
        }
        let held = stream.ids.count / 10
        let trainPart = Array(stream.ids[..<(stream.ids.count - held)])
        guard trainPart.count > length + 1 else {
            throw FinchError(.value, "the tokens are too few (\(stream.ids.count)) for a context of \(length)",
                             at: invocation.place("on"), note: "lower context:")
        }
        let validPart = Array(stream.ids[(stream.ids.count - held)...])
        guard objective != .denoise else {
            throw FinchError(.value, "denoising rebuilds numeric features; for tokens use next_token or masked",
                             at: invocation.place("objective"))
        }
        func batches(_ part: [Int32]) throws(FinchError) -> any BatchMaker {
            do throws(DataError) {
                if objective == .masked {
                    return try MaskedTokenBatches(stream: part, vocabularySize: stream.vocabulary, context: length, batch: batch,
                                                  maskRate: rate, seed: seed)
                }
                return try NextTokenBatches(stream: part, context: length, batch: batch, seed: seed)
            } catch {
                throw FinchError(.value, error.description, at: invocation.place("on"))
            }
        }
        let maker = try batches(trainPart)
        return (maker, validPart.count > length + 1 ? try batches(validPart).evaluationBatches(limit: 4) : [])
    }

    /// Masked rows of `dataset` to rebuild: nine tenths to train on, a tenth for validation
    /// (all of it to train on when it has fewer than ten rows).
    private static func featureBatches(_ dataset: Dataset, _ objective: PretrainingObjective, _ invocation: Invocation,
                                       target: ModelObject, standardisation: InputStandardisation, batch: Int, rate: Float,
                                       seed: UInt64) throws(FinchError) -> (any BatchMaker, [Batch]) {
        guard objective == .denoise, let width = dataset.width else {
            throw FinchError(.value, "\(objective.rawValue) pre-training needs tokens; \(dataset.name) holds \(dataset.width != nil ? "features" : "labelled texts")",
                             at: invocation.place("on"),
                             note: dataset.width != nil ? "use objective: denoise on numeric features" : "pre-train on a corpus with 'tokenizer: tok'")
        }
        guard case .features(let inputs) = target.model.spec.input, inputs == width else {
            throw FinchError(.value, "\(target.name) does not read \(width) features", at: invocation.place("model"),
                             note: "build it with 'input features: \(width)'")
        }
        guard target.model.plan.outputWidth == width else {
            throw FinchError(.value, "denoising rebuilds the \(width) features, but \(target.name) outputs \(target.model.plan.outputWidth) values",
                             at: invocation.place("model"), note: "end the model with 'reconstruct'")
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
            throw FinchError(.value, error.description, at: invocation.place("on"))
        }
    }
}
