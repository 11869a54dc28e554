import FinchData
@testable import FinchEngine
@testable import FinchLanguage
import Testing

@Suite struct MLFailureTests {
    @Test func engineRefusalsPassOnTheEnginesOwnWords() {
        expectRendering([
            Case(EngineRefusal.data(.emptyDataset(name: "d")), .value, "the data set 'd' has no examples; check that the file has rows below its header"),
            Case(EngineRefusal.model(.noMatch(pattern: "mlp")), .value, "no parameter or layer matches 'mlp'"),
            Case(EngineRefusal.training(.invalidConfig("steps must be positive")), .value,
                 "invalid training configuration: steps must be positive"),
            Case(EngineRefusal.metrics(.lengthMismatch(predictions: 3, labels: 4)), .value, "3 predictions for 4 labels"),
        ])
    }

    @Test func modelBlocksSayWhichLayerOrInputDoesNotMakeAModel() {
        expectRendering([
            Case(ModelBuildFailure.layerAfterHead(headLine: 4), .value, "a head must be the model's last layer",
                 note: "the head is at line 4; move this layer above it"),
            Case(ModelBuildFailure.secondHead(headLine: 4), .value, "the model already has a head", note: "the head is at line 4"),
            Case(ModelBuildFailure.noInput, .value, "the model has no input",
                 note: "start the block with 'embedding vocab: … dim: …' for text or 'input features: …' for numbers"),
            Case(ModelBuildFailure.tokensAndFeatures, .value, "a model reads either tokens ('embedding') or features ('input'), not both"),
            Case(ModelBuildFailure.noLayers, .value, "the model has no layers", note: "add layers inside the block"),
            Case(ModelBuildFailure.embeddingPlacement, .value, "an embedding must be the first layer of a text model, and only there"),
            Case(ModelBuildFailure.invalidValue(what: "dropout", value: 1.5), .value, "invalid dropout 1.5"),
            Case(ModelBuildFailure.needsSequence, .value, "this layer needs a sequence of vectors, but its input is one vector per example",
                 note: "move it before 'pool', or use a text model"),
            Case(ModelBuildFailure.headsDoNotDivideWidth(width: 10, heads: 4), .value, "4 heads do not divide the width 10",
                 note: "use heads: 2, or a width divisible by 4"),
            Case(ModelBuildFailure.tiedHeadWidth(embedding: 32, hidden: 48), .value, "a tied head needs width 32 (the embedding's), but gets 48",
                 note: "write 'tied: false', or end the body with 'dense 32'"),
            Case(ModelBuildFailure.noMatch(pattern: "blocks.9"), .value, "no layer matches 'blocks.9'"),
            Case(ModelBuildFailure.replacementDoesNotFit(path: "blocks.0"), .value, "the new layer does not fit in the place of blocks.0"),
            Case(ModelBuildFailure.promptNeedsTokenModel, .value, "a soft prompt needs a token model with a layer after its embedding",
                 note: "prompt tuning needs a model that starts with 'embedding'"),
            Case(ModelBuildFailure.promptLength(length: 64, context: 64), .value,
                 "a soft prompt of 64 vectors must be 1 to 63 long, to leave room for tokens in the context of 64",
                 note: "write method: prompt(length: N) with N below 64"),
            Case(ModelBuildFailure.promptExists(length: 8), .value, "the model already has a soft prompt of 8 vectors",
                 note: "write method: prompt(length: 8) to go on training it, or prompt-tune a copy of the model it came from"),
            Case(ModelBuildFailure.tooLarge, .value, "this layer is too large for any machine", note: "use smaller sizes"),
            Case(ModelBuildFailure.overBudget(bytes: 300 * 1_048_576, budget: 200 * 1_048_576), .value,
                 "the model needs about 300 MiB for its weights and gradients, over the budget of 200 MiB",
                 note: "make it smaller: fewer or narrower layers, a smaller vocabulary or context"),
            Case(ModelBuildFailure.lmHeadOnFeatures, .value, "an lm head predicts tokens, but this model reads features",
                 note: "use head: regress or head: reconstruct"),
            Case(ModelBuildFailure.lmHeadOnPooledBody, .value, "an lm head needs one vector per position, but the body pools them into one"),
            Case(ModelBuildFailure.headNeedsPooling(kind: .classify), .value,
                 "the body outputs a sequence (one vector per position); a classify head needs one vector per example",
                 note: "write pool: mean (or pool: first)"),
        ])
    }

    @Test func attentionMapsSayWhichArgumentToChange() {
        expectRendering([
            Case(AttentionFailure.needsText(model: "lm"), .argument,
                 "'attention' needs a text to attend over, as in attention lm on \"a fine film\""),
            Case(AttentionFailure.headsNotAll, .value, "outside 'model', 'heads:' takes only all (a grid of every head)",
                 note: "write heads: all, or head: N for one head"),
            Case(AttentionFailure.besideRollout(argument: "layer"), .argument,
                 "rollout: true sums up every layer and head, so 'layer:' has no place beside it",
                 note: "leave out layer:, or leave out rollout: true"),
            Case(AttentionFailure.headAndHeads, .argument, "'head:' shows one head and 'heads: all' every head; give one of them"),
            Case(AttentionFailure.refused(.noAttention, model: "mlp"), .value, "mlp has no attention layer to show",
                 note: "attention maps need a model with 'transformer' or 'attention' layers"),
            Case(AttentionFailure.refused(.emptyInput, model: "lm"), .value, "the text has no tokens", note: "give a text with at least one token"),
            Case(AttentionFailure.refused(.tooLong(tokens: 80, capacity: 64), model: "lm"), .value,
                 "the text has 80 tokens, but the model reads at most 64", note: "shorten the text to at most 64 tokens"),
            Case(AttentionFailure.refused(.tokenOutOfRange(300, vocabulary: 256), model: "lm"), .value,
                 "token 300 is outside the vocabulary 0..<256", note: "use the tokenizer lm was trained with"),
            Case(AttentionFailure.refused(.noSuchLayer(3, layers: 2), model: "lm"), .value,
                 "there is no attention layer 3: the model has 2 (0 to 1)", note: "write layer: 0 to layer: 1"),
            Case(AttentionFailure.refused(.noSuchHead(5, heads: 4, layer: 0), model: "lm"), .value,
                 "attention layer 0 has no head 5: it has 4 (0 to 3)", note: "write head: 0 to head: 3, or heads: all"),
        ])
    }

    @Test func compressionSaysWhyTheModelCannotBeCompressedOrMeasured() {
        expectRendering([
            Case(CompressionFailure.unmergedAdapters(model: "m"), .value, "m has LoRA adapters; merge them before compressing",
                 note: "finetune with merge: true"),
            Case(CompressionFailure.refused(.hasAdapters, model: "m"), .value, "m has LoRA adapters; merge them before compressing"),
            Case(CompressionFailure.refused(.alreadyQuantized, model: "m"), .value, "m is quantised already: its weights are int8",
                 note: "compress the float model it came from"),
            Case(CompressionFailure.refused(.nothingToCompress("prune"), model: "m"), .value, "m: no dense layer to prune"),
            Case(CompressionFailure.refused(.everyHead(layer: 1, heads: 4), model: "m"), .value,
                 "that removes all 4 heads of attention layer 1; a layer must keep at least one",
                 note: "list at most 3 of the heads 0 to 3 of layer 1"),
            Case(CompressionFailure.refused(.sparsity(1.5), model: "m"), .value, "sparsity must lie in [0, 1), got 1.5"),
            Case(CompressionFailure.cannotMeasureOnDisk(model: "m", error: .io(path: "/tmp/m", reason: "disk full")), .value,
                 "cannot measure m on disk: /tmp/m: disk full"),
            Case(CompressionFailure.cannotMeasureOnDisk(model: "m", error: nil), .value, "cannot measure m on disk"),
        ])
    }

    @Test func inferenceSaysWhatDoesNotFitWhichModel() {
        expectRendering([
            Case(InferenceFailure.dataDoesNotFit(model: "m", .wrongInputKind), .value,
                 "the data does not fit m: the batch's input kind (tokens or features) does not match the model"),
            Case(InferenceFailure.textDoesNotFit(model: "lm", .sequenceTooLong(length: 80, maximum: 64)), .value,
                 "the text does not fit lm: sequence length 80 exceeds the model's context of 64"),
            Case(InferenceFailure.textTooShort(.emptyDataset(name: "t")), .value,
                 "the data set 't' has no examples; check that the file has rows below its header",
                 note: "evaluate on a longer text, or lower context:"),
            Case(InferenceFailure.needsCorpusOrTokens(type: "a number"), .type,
                 "evaluating a language model needs a corpus or tokens after 'on', not a number"),
            Case(InferenceFailure.needsCorpusOrTokens(type: nil), .type,
                 "evaluating a language model needs a corpus or tokens after 'on', not nothing"),
            Case(InferenceFailure.cannotGenerate(model: "m", .noLMHead), .value, "m cannot generate: generating needs a model that ends in an lm head"),
        ])
    }

    @Test func dataReadingSaysWhatTheModelReadsAndWhatTheDataHolds() {
        expectRendering([
            Case(DataReadingFailure.featuresForTokenModel(model: "lm", data: "digits", width: 64), .value,
                 "lm reads tokens, but digits holds numeric features", note: "build a model with 'input features: 64'"),
            Case(DataReadingFailure.rowWidth(model: "m", expected: 4, given: 64), .value, "m reads rows of 4 numbers, not 64"),
            Case(DataReadingFailure.textsForFeatureModel(model: "m", data: "reviews"), .value, "m reads numeric features, but reviews holds texts",
                 note: "build a model that starts with 'embedding vocab: tok.size …'"),
            Case(DataReadingFailure.tokensForFeatureModel(model: "m"), .value, "m reads features, but the data is tokens"),
            Case(DataReadingFailure.tokenizerTooLarge(tokens: 512, model: "lm", vocabulary: 256), .value,
                 "the tokenizer has 512 tokens, but lm has a vocabulary of 256", note: "build the model with 'embedding vocab: tok.size …'"),
            Case(DataReadingFailure.tokenVocabulary(tokens: 512, model: "lm", vocabulary: 256, note: "evaluate with the tokenizer the model was trained with"),
                 .value, "the tokens use a vocabulary of 512, but lm has 256", note: "evaluate with the tokenizer the model was trained with"),
            Case(DataReadingFailure.noTokenizer(model: "lm"), .value, "lm has no tokenizer to read texts with",
                 note: "give one with 'tokenizer: tok', or pre-train the model on a corpus with 'tokenizer: tok'"),
            Case(DataReadingFailure.noTargets(data: "d"), .value, "d has no numeric targets", note: "load it with target: COLUMN"),
            Case(DataReadingFailure.notTexts(data: "d"), .value, "d holds numeric features, not texts"),
        ])
    }

    @Test func trainingSaysWhatKeepsTheRunFromStarting() {
        let estimate = MemoryEstimate(parameters: 1_048_576, gradients: 1_048_576, optimizerState: 2_097_152, activations: 300 * 1_048_576)
        expectRendering([
            Case(TrainingFailure.stepOverBudget(estimate: estimate, budget: 200 * 1_048_576, batch: 32, length: 64), .value,
                 "one training step needs about 304 MiB, over the budget of 200 MiB",
                 note: "activations dominate: lower batch: (now 32) or context: (now 64)"),
            Case(TrainingFailure.nothingToTrain(model: "m"), .value, "every parameter of m is frozen: nothing to train"),
        ])
    }

    @Test func fineTuningSaysWhichMethodOrLossDoesNotFit() {
        expectRendering([
            Case(FineTuningFailure.probeWithoutHead(model: "lm"), .value, "a probe trains only the head, but lm has none",
                 note: "use 'copy lm head: classify(classes: N)'"),
            Case(FineTuningFailure.freezeWithoutLayers, .argument,
                 "method: freeze needs 'layers:' naming the layers to freeze, e.g. method: freeze(layers: [\"embed\", \"blocks.0\"])"),
            Case(FineTuningFailure.noLayerToFreeze(pattern: "embd", model: "m", layers: ["embed", "blocks.0"]), .value,
                 "no layer of m matches 'embd'", note: "did you mean 'embed'?"),
            Case(FineTuningFailure.noLayerToFreeze(pattern: "zzzzzz", model: "m", layers: ["embed", "blocks.0"]), .value,
                 "no layer of m matches 'zzzzzz'", note: "its layers are embed, blocks.0"),
            Case(FineTuningFailure.noLoRATarget(model: "m", targets: ["attn", "q"]), .value,
                 "no Dense layer of m's body matches the targets \"attn\", \"q\"", note: "targets name parts of layers: attn, mlp, dense, or q, k, v, o"),
            Case(FineTuningFailure.smoothingOnRegression(data: "houses"), .value,
                 "'label_smoothing:' smooths classes, but houses has a number to predict"),
            Case(FineTuningFailure.classWeightsOnRegression(data: "houses"), .value,
                 "'class_weights:' weighs classes, but houses has a number to predict"),
            Case(FineTuningFailure.classWeightsCount(data: "reviews", classes: ["neg", "pos"]), .value,
                 "'class_weights:' needs one positive number for each of the 2 classes of reviews",
                 note: "its classes are neg, pos; or write class_weights: balanced"),
            Case(FineTuningFailure.classWeightsType(type: "a string"), .type, "'class_weights:' needs balanced or a list of numbers, not a string"),
        ])
    }

    @Test func continualRunsSayWhichStageStoppedAndWhy() {
        expectRendering([
            Case(ContinualFailure.interruptedDuring(.task(1, name: "b"), step: 12, model: "m"), .interrupted,
                 "interrupted during task 1 (b), after step 12; m keeps the weights of that step"),
            Case(ContinualFailure.interruptedDuring(.joint, step: 3, model: "m"), .interrupted,
                 "interrupted during the joint run, after step 3; m keeps the weights of that step"),
            Case(ContinualFailure.divergedDuring(.task(0, name: "a")), .value, "the loss became NaN or infinite during task 0 (a)",
                 note: "try a lower lr: or clip: 1"),
            Case(ContinualFailure.testDataDoesNotFit(task: "a", model: "m", .empty), .value, "task a's test data does not fit m: the batch is empty"),
            Case(ContinualFailure.lwfWithAdapters(model: "m"), .value, "lwf cannot copy m with its LoRA adapters",
                 note: "use method: full, freeze or probe"),
            Case(ContinualFailure.fisher(.empty), .value, "cannot measure the Fisher information: the batch is empty"),
        ])
    }

    @Test func promptsSayWhatCannotBeScoredOrHowFarTheyGoPastTheContext() {
        expectRendering([
            Case(PromptFailure.cannotScore(model: "lm", what: "the prompt", .emptyPrompt), .value, "lm cannot score the prompt: the prompt has no tokens",
                 note: "put words around {text} in the template (e.g. \"{text} it was\")"),
            Case(PromptFailure.cannotScore(model: "lm", what: "the content-free prompt", .noLMHead), .value,
                 "lm cannot score the content-free prompt: generating needs a model that ends in an lm head"),
            Case(PromptFailure.shotsWithoutDemonstrations(shots: 2), .argument, "2 shots need labelled texts to draw demonstrations from",
                 note: "add from: TRAIN (a labelled data set other than the one evaluated)"),
            Case(PromptFailure.tooFewDemonstrations(shots: 5, set: "train", texts: 3), .value, "5 shots need 5 demonstrations, but train has 3 texts",
                 note: "ask for at most 3 shots, or draw from a larger set"),
            Case(PromptFailure.promptTooLong(needed: 80, model: "lm", context: 64), .value,
                 "the longest prompt needs 80 positions, but lm's context is 64",
                 note: "add truncate: true to cut long texts to fit, shorten the template, or use a model with a longer context"),
            Case(PromptFailure.demonstrationsTooLong(count: 3, tokens: 40, needed: 90, model: "lm", context: 64, fitting: 1), .value,
                 "with 3 demonstrations (40 tokens) the longest prompt needs 90 positions, but lm's context is 64; the first 1 of them fit",
                 note: "use shots: 1 or fewer, truncate: true to cut long texts, or a model with a longer context"),
            Case(PromptFailure.demonstrationsTooLong(count: 2, tokens: 70, needed: 100, model: "lm", context: 64, fitting: 0), .value,
                 "with 2 demonstrations (70 tokens) the longest prompt needs 100 positions, but lm's context is 64; not even one of these demonstrations fits",
                 note: "use shots: 0 or fewer, truncate: true to cut long texts, or a model with a longer context"),
        ])
    }
}
