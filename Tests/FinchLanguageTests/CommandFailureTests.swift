import FinchData
import FinchEngine
@testable import FinchLanguage
import Testing

@Suite struct CommandFailureTests {
    @Test func builtinCommandsSayWhatTheyCannotDo() {
        expectRendering([
            Case(BuiltinCommandFailure.noOneToAsk, .value, "no one can answer 'ask' here: this front end does not send input"),
            Case(BuiltinCommandFailure.updateWithoutID, .argument, "'update: true' needs an 'id:' naming the display to replace"),
            Case(BuiltinCommandFailure.repeatCount(value: "2.5"), .value, "'repeat' needs a whole number of times, not 2.5"),
            Case(BuiltinCommandFailure.sleepSeconds(value: "-1"), .value, "'sleep' needs from 0 to 3600 seconds, not -1"),
            Case(NameFailure.noHelp("trian", topics: ["train", "print"]), .name, "no help for 'trian'", note: "did you mean 'train'?"),
            Case(NameFailure.noHelp("zzz", topics: ["train"]), .name, "no help for 'zzz'"),
        ])
    }

    @Test func pretrainingSaysWhichObjectiveDataOrHeadDoNotFit() {
        expectRendering([
            Case(PretrainFailure.validationNotText(type: "a number"), .type,
                 "'validate:' of a token objective needs a corpus or tokens, not a number"),
            Case(PretrainFailure.validationWithDenoising, .argument,
                 "'validate:' takes held-out text for the token objectives; denoising holds out a tenth of the rows itself"),
            Case(PretrainFailure.dataNotTokens(type: "nothing"), .type, "'pretrain' needs tokens or a data set after 'on', not nothing"),
            Case(PretrainFailure.tokensWithoutLMHead(.nextToken, model: "net", head: .classify), .value,
                 "next_token pre-training predicts tokens, but net has a classify head",
                 note: "end the model with 'lm_head', or use 'copy net head: lm'"),
            Case(PretrainFailure.tooFewTokens(count: 12, context: 32), .value, "the tokens are too few (12) for a context of 32",
                 note: "lower context:"),
            Case(PretrainFailure.denoisingTokens, .value, "denoising rebuilds numeric features; for tokens use next_token or masked"),
            Case(PretrainFailure.tooFewValidationTokens(count: 20, context: 32), .value,
                 "the validation text has 20 tokens, too few for a context of 32", note: "validate on a longer text, or lower context:"),
            Case(PretrainFailure.tokensFromDataset(.masked, data: "iris", numeric: true), .value,
                 "masked pre-training needs tokens; iris holds features", note: "use objective: denoise on numeric features"),
            Case(PretrainFailure.tokensFromDataset(.denoise, data: "reviews", numeric: false), .value,
                 "denoise pre-training needs tokens; reviews holds labelled texts", note: "pre-train on a corpus with 'tokenizer: tok'"),
            Case(PretrainFailure.inputWidth(model: "net", width: 4), .value, "net does not read 4 features",
                 note: "build it with 'input features: 4'"),
            Case(PretrainFailure.reconstructionWidth(width: 4, model: "net", outputs: 3), .value,
                 "denoising rebuilds the 4 features, but net outputs 3 values", note: "end the model with 'reconstruct'"),
        ])
    }

    @Test func trainingCommandsSayWhatDoesNotFitTogether() {
        expectRendering([
            Case(TrainingCommandFailure.validationNotDataset(regression: false, type: "a string"), .type,
                 "'validate:' needs a data set with labels, not a string"),
            Case(TrainingCommandFailure.validationNotDataset(regression: true, type: "a number"), .type,
                 "'validate:' needs a data set with targets, not a number"),
            Case(TrainingCommandFailure.earlyStopOnRegression(.accuracy, data: "houses"), .value,
                 "early_stop: val_accuracy measures classes, but houses has a number to predict", note: "use early_stop: val_loss"),
            Case(TrainingCommandFailure.notARegressor(data: "houses", target: "price", model: "net"), .value,
                 "houses has a number to predict (price), but net is not a regressor of one value",
                 note: "make one with 'copy net head: regress', or end the model with 'regress'"),
            Case(TrainingCommandFailure.noLabels(data: "corpus"), .value, "corpus has no labels to fine-tune on",
                 note: "load it with label: COLUMN for classes, or target: COLUMN for a number to predict"),
            Case(TrainingCommandFailure.classCount(data: "iris", classes: 3, model: "net", outputs: 2), .value,
                 "iris has 3 classes, but net outputs 2 values", note: "make a classifier with 'copy net head: classify(classes: 3)'"),
            Case(TrainingCommandFailure.distillingLoRA(model: "net"), .value,
                 "strategy: lwf distils from a copy of net, which cannot hold LoRA adapters", note: "use method: full, freeze or probe with lwf"),
            Case(TrainingCommandFailure.bufferHoldsEverything(buffer: 500, examples: 400), .value,
                 "buffer: 500 holds every one of the stream's 400 training examples, so nothing would be forgotten to measure",
                 note: "keep fewer (e.g. buffer: 40), or use strategy: joint to train on everything"),
            Case(TrainingCommandFailure.bufferHoldsEverything(buffer: 5, examples: 5), .value,
                 "buffer: 5 holds every one of the stream's 5 training examples, so nothing would be forgotten to measure",
                 note: "keep fewer (e.g. buffer: 1), or use strategy: joint to train on everything"),
            Case(TrainingCommandFailure.negativeLambda(-0.5), .value, "'lambda:' is a strength and cannot be negative, got -0.5",
                 note: "0 turns the strategy off; larger values hold the earlier tasks harder"),
            Case(TrainingCommandFailure.streamClasses(stream: "digits", classes: 10, model: "net", outputs: 2), .value,
                 "the stream digits has 10 classes in all, but net outputs 2",
                 note: "one shared head needs an output for every class: 'copy net head: classify(classes: 10)'"),
            Case(TrainingCommandFailure.streamClasses(stream: "digits", classes: 10, model: "lm", outputs: nil), .value,
                 "the stream digits has 10 classes in all, but lm is not a classifier",
                 note: "one shared head needs an output for every class: 'copy lm head: classify(classes: 10)'"),
            Case(TrainingCommandFailure.teacherNotClassifier(teacher: "big"), .value, "the teacher big is not a classifier"),
            Case(TrainingCommandFailure.studentClasses(student: "small", outputs: 2, teacher: "big", classes: 3), .value,
                 "the student small outputs 2 classes, the teacher big 3",
                 note: "a student needs the teacher's classes: end it with 'classify classes: 3'"),
            Case(TrainingCommandFailure.differentInputs(student: "small", teacher: "big"), .value, "small and big read different inputs"),
            Case(TrainingCommandFailure.dataClasses(data: "iris", classes: 3, teacher: "big", teacherClasses: 2), .value,
                 "iris has 3 classes, the teacher big 2"),
            Case(TrainingCommandFailure.differentTokenizers(student: "small", teacher: "big"), .value,
                 "small and big were trained with different tokenizers"),
        ])
    }

    @Test func evaluationCommandsSayWhatTheyCannotMeasure() {
        expectRendering([
            Case(EvaluationCommandFailure.noLabels(data: "corpus"), .value, "corpus has no labels to evaluate against",
                 note: "load it with label: COLUMN, or target: COLUMN for a number to predict"),
            Case(EvaluationCommandFailure.classCount(data: "iris", classes: 3, model: "net", outputs: 2), .value,
                 "iris has 3 classes, but net outputs 2 values"),
            Case(EvaluationCommandFailure.confusionMatrixOverBudget(classes: 300, bytes: 720_000, budget: 524_288), .value,
                 "a confusion matrix of 300 classes needs about 0.7 MiB, over the budget of 0.5 MiB",
                 note: "evaluate fewer classes, or predict and compare the labels yourself"),
            Case(EvaluationCommandFailure.notARegressor(data: "houses", target: "price", model: "net"), .value,
                 "houses has a number to predict (price), but net is not a regressor of one value"),
            Case(EvaluationCommandFailure.predictionPerPosition(model: "lm", languageModel: true), .value,
                 "lm outputs a vector at every position, not one prediction per example", note: "use 'generate lm from …' to continue a text"),
            Case(EvaluationCommandFailure.predictionPerPosition(model: "enc", languageModel: false), .value,
                 "enc outputs a vector at every position, not one prediction per example",
                 note: "end the model with a head that pools the sequence, e.g. 'copy enc head: classify(classes: N)'"),
            Case(EvaluationCommandFailure.predictWithoutInput, .argument, "'predict' needs 'on'"),
            Case(EvaluationCommandFailure.predictOnEmptyList, .value, "'predict' needs at least one input, but the list is empty"),
            Case(EvaluationCommandFailure.predictInput(type: "a boolean"), .type,
                 "'predict' needs a data set, a text, a list of texts, a row of numbers or a list of rows, not a boolean"),
            Case(EvaluationCommandFailure.rowLengths(expected: 4, given: 3), .value, "every row needs 4 numbers, not 3"),
            Case(EvaluationCommandFailure.compareNeedsList, .type, "'compare' needs a list of runs, as in compare [probe, lora]"),
            Case(EvaluationCommandFailure.compareNeedsRuns(type: "a number"), .type, "'compare' needs runs, not a number"),
            Case(EvaluationCommandFailure.notMeasured("f1"), .value, "none of these runs measured f1",
                 note: "f1 needs labelled validation data (validate:); try by: final_loss"),
            Case(EvaluationCommandFailure.notMeasured("perplexity"), .value, "none of these runs measured perplexity"),
        ])
    }

    @Test func promptingSaysWhatItCannotScore() {
        let example = "labels: record(neg: \"WORD\", pos: \"WORD\")"
        let classes = ["neg", "pos"]
        expectRendering([
            Case(PromptCommandFailure.shots(value: "-1"), .value,
                 "'shots' must be a whole number of demonstrations (0 or more), or a list of them, not -1",
                 note: "e.g. shots: 4, or shots: [0, 1, 4, 16] seeds: 3"),
            Case(PromptCommandFailure.notALanguageModel(model: "clf", head: .classify), .value,
                 "clf has a classify head; prompting needs a language model (an lm head)",
                 note: "prompt the pre-trained language model, not a classifier copied from it"),
            Case(PromptCommandFailure.cannotPrompt(model: "enc", .notATokenModel), .value,
                 "enc cannot be prompted: generating needs a token model (one that starts with an embedding)"),
            Case(PromptCommandFailure.templateWithoutText, .value, "the template has no {text}, so the texts have nowhere to go",
                 note: "write {text} where each text goes, e.g. template: \"{text} it was\""),
            Case(PromptCommandFailure.demonstrationClasses(["a", "b"], data: "reviews", classes: classes), .value,
                 "the demonstrations' classes (a, b) are not those of reviews (neg, pos)",
                 note: "draw demonstrations from a split of the same data set"),
            Case(PromptCommandFailure.numericData(data: "iris"), .value, "iris holds rows of numbers; prompting reads texts"),
            Case(PromptCommandFailure.noLabels(data: "corpus"), .value, "corpus has no labels to score against", note: "load it with label: COLUMN"),
            Case(PromptCommandFailure.verbalisersNotRecord(classes: classes), .type, "'labels' needs a record of one verbaliser per class",
                 note: "write \(example)"),
            Case(PromptCommandFailure.verbaliserNotString(label: "pos", type: "a number", classes: classes), .type,
                 "the verbaliser of pos must be a string, not a number", note: "write \(example)"),
            Case(PromptCommandFailure.verbalisers(.missing(["neg", "pos"]), tokenizer: .words, classes: classes), .value,
                 "'labels' has no verbaliser for neg, pos", note: "write \(example)"),
            Case(PromptCommandFailure.verbalisers(.extra("poss", suggestion: "pos"), tokenizer: .words, classes: classes), .value,
                 "the data set has no class poss; did you mean pos?", note: "its classes are neg, pos; write \(example)"),
            Case(PromptCommandFailure.verbalisers(.extra("zzz", suggestion: nil), tokenizer: .words, classes: classes), .value,
                 "the data set has no class zzz", note: "its classes are neg, pos; write \(example)"),
            Case(PromptCommandFailure.verbalisers(.empty("neg"), tokenizer: .words, classes: classes), .value,
                 "the verbaliser of neg has no words", note: "write \(example)"),
            Case(PromptCommandFailure.verbalisers(.unknown(piece: "grate", in: "grate film", suggestion: "great"), tokenizer: .words,
                                           classes: classes), .value,
                 "the words tokenizer does not know \"grate\" (in the verbaliser \"grate film\"): the model could only read it as <unk>",
                 note: "did you mean \"great\"? choose words the tokenizer's vocabulary holds (tok.tokens lists them)"),
            Case(PromptCommandFailure.verbalisers(.unknown(piece: "é", in: "é", suggestion: nil), tokenizer: .characters, classes: classes),
                 .value, "the characters tokenizer does not know \"é\" (in the verbaliser \"é\"): the model could only read it as <unk>",
                 note: "choose words the tokenizer's vocabulary holds (tok.tokens lists them)"),
        ])
    }

    @Test func generationSaysWhatItCannotContinue() {
        expectRendering([
            Case(GenerationCommandFailure.notALanguageModel(model: "clf", head: .classify), .value,
                 "clf has a classify head; generating needs an lm head"),
            Case(GenerationCommandFailure.noTokenizer(model: "lm"), .value,
                 "lm has no tokenizer to read text; pretrain it with tokenizer:, or give token ids"),
            Case(GenerationCommandFailure.tokenOutOfRange(vocabulary: 50), .value, "the prompt must be token ids from 0 to 49"),
            Case(GenerationCommandFailure.promptType(type: "a number"), .type,
                 "the prompt must be a list of token ids (text prompts need the model's tokenizer), not a number"),
            Case(GenerationCommandFailure.topPZero, .value, "'top_p' must be above 0 (1 keeps every token)"),
            Case(GenerationCommandFailure.logprobsOfSamples, .argument, "the log-probabilities table is of one sample",
                 note: "leave out samples:, or logprobs:"),
            Case(GenerationCommandFailure.stopAfterTokenIDs, .argument, "stop strings end a text, but this prompt is token ids",
                 note: "give the prompt as text (the model's tokenizer reads it), or leave out stop:"),
            Case(GenerationCommandFailure.emptyStop, .value, "a stop string cannot be empty"),
        ])
    }

    @Test func compressionCommandsSayWhichArgumentsOrModelsDoNotFit() {
        expectRendering([
            Case(CompressionCommandFailure.pruneModesTogether(given: ["sparsity", "heads"]), .argument,
                 "'prune' takes one of sparsity:, neurons: or heads:, not sparsity and heads"),
            Case(CompressionCommandFailure.pruneModeMissing(model: "net"), .argument,
                 "'prune' needs sparsity: (masked weights), neurons: or heads: (a smaller model)",
                 note: "e.g. prune net sparsity: 0.5, prune net neurons: 0.5 or prune net heads: 0.5"),
            Case(CompressionCommandFailure.layerWithoutHeads, .argument, "layer: goes with heads: [...]"),
            Case(CompressionCommandFailure.layerWithFraction(model: "net"), .argument, "layer: goes with a list of heads, not a fraction",
                 note: "prune net heads: [0] layer: 1 removes head 0 of attention layer 1"),
            Case(CompressionCommandFailure.headNumbers, .type, "heads: needs a fraction or a list of head numbers (whole numbers from 0)"),
            Case(CompressionCommandFailure.headsWithoutLayer(model: "net", heads: "[0, 2]"), .argument,
                 "heads: [...] needs layer: — the attention layer the heads belong to", note: "e.g. prune net heads: [0, 2] layer: 0"),
            Case(CompressionCommandFailure.headsType(type: "a string"), .type, "heads: needs a fraction or a list of head numbers, not a string"),
            Case(CompressionCommandFailure.compressionNeedsList, .type,
                 "'compression' needs a list of models, as in compression [net, q] on test"),
            Case(CompressionCommandFailure.compressionNeedsClassifiers(type: "a number"), .type, "'compression' needs classifiers, not a number"),
            Case(CompressionCommandFailure.noLabels(data: "corpus"), .value, "corpus has no labels to measure accuracy against"),
            Case(CompressionCommandFailure.classCount(data: "iris", classes: 3, model: "q", outputs: 2), .value,
                 "iris has 3 classes, but q outputs 2"),
        ])
    }

    @Test func modelCommandsSayWhatTheyCannotBuildOrCopy() {
        expectRendering([
            Case(ModelCommandFailure.nestedModel, .value, "a 'model' block cannot hold another model"),
            Case(ModelCommandFailure.layerOutsideModel(command: "dense"), .value, "'dense' describes a layer: write it inside 'model NAME { … }'"),
            Case(ModelCommandFailure.reconstructWithoutFeatures, .value,
                 "'reconstruct' rebuilds numeric features: the model needs 'input features: N'"),
            Case(ModelCommandFailure.copyWithLoRA(model: "net"), .value, "net has LoRA adapters; merge them before copying",
                 note: "finetune with merge: true"),
            Case(ModelCommandFailure.copyOfCompressed(model: "q"), .value,
                 "q has compressed layers (int8, pruning masks or factors), which a copy cannot take",
                 note: "copy the float model it was compressed from"),
            Case(ModelCommandFailure.classifyWithoutClasses, .argument, "a classify head needs 'classes:'"),
            Case(ModelCommandFailure.reconstructOnTokens(model: "lm"), .value, "a reconstruct head rebuilds numeric features, but lm reads tokens"),
        ])
    }

    @Test func dataCommandsSayWhatTheyCannotReadOrCut() {
        expectRendering([
            Case(DataCommandFailure.noColumn(path: "a.csv", column: "lable", suggestion: "label", columns: ["text", "label"]), .value,
                 "'a.csv' has no column 'lable'", note: "did you mean 'label'? its columns are \"text\", \"label\""),
            Case(DataCommandFailure.noColumn(path: "a.csv", column: "zzz", suggestion: nil, columns: ["text"]), .value,
                 "'a.csv' has no column 'zzz'", note: "its columns are \"text\""),
            Case(DataCommandFailure.splitPercentages, .value, "'split' needs positive percentages, e.g. [80, 20]"),
            Case(DataCommandFailure.tasksCutTwice, .argument, "'tasks' cuts by class with per_task: or by a column with by:, not both"),
            Case(DataCommandFailure.groupedByOther(data: "news", group: "year", column: "source"), .value,
                 "news is grouped by 'year', not 'source'", note: "read the file again with group: \"source\", or write by: \"year\""),
            Case(DataCommandFailure.cutOfList(label: "per_task"), .argument,
                 "'per_task:' cuts one data set; a list of data sets makes one task of each, with its own test part",
                 note: "leave out per_task:, or give one data set"),
            Case(DataCommandFailure.tasksListElement(type: "a number"), .type, "'tasks' needs a list of data sets, but it holds a number"),
            Case(DataCommandFailure.columnNames(names: 2, columns: 3), .value, "2 column names for 3 columns"),
            Case(DataCommandFailure.tableInput(type: "a number"), .type, "'table' needs a list, a data set, a run or a table, not a number"),
        ])
    }

    @Test func outputCommandsSayWhatTheyCannotDrawWriteOrRead() {
        expectRendering([
            Case(OutputCommandFailure.byOfNonRecords(type: "a list"), .argument, "'by:' chooses the x field of a list of records, not of a list"),
            Case(OutputCommandFailure.seriesNames(names: 1, series: 2), .value, "1 names for 2 series"),
            Case(OutputCommandFailure.noField("stpe", fields: ["step", "loss"]), .value, "the records have no field 'stpe'",
                 note: "did you mean 'step'?"),
            Case(OutputCommandFailure.noField("zzz", fields: ["step", "loss"]), .value, "the records have no field 'zzz'",
                 note: "their fields are step, loss"),
            Case(OutputCommandFailure.fieldNotNumber("name"), .type, "the field 'name' must be a number in every record"),
            Case(OutputCommandFailure.noNumericField(by: "step"), .value, "no field but 'step' is a number in every record"),
            Case(OutputCommandFailure.noNumericField(by: nil), .value, "no field is a number in every record"),
            Case(OutputCommandFailure.plotInput(type: "a string"), .type, "'plot' needs numbers, lists of numbers or runs, not a string"),
            Case(OutputCommandFailure.plotElement(index: 2, type: "a string"), .type,
                 "'plot' needs numbers, lists of numbers or runs; element 2 is a string"),
            Case(OutputCommandFailure.chartExtension, .value, "the chart file must end in .svg or .txt"),
            Case(OutputCommandFailure.exportExtension, .value, "the file must end in .csv or .json"),
            Case(OutputCommandFailure.notWritten(.write(path: "out.csv", reason: "disk full")), .value, "cannot write out.csv: disk full",
                 note: "the file that was there before is unchanged"),
            Case(OutputCommandFailure.cannotSave(path: "m.safetensors", .io(path: "m.safetensors", reason: "permission denied")), .value,
                 "cannot save to \"m.safetensors\": m.safetensors: permission denied"),
            Case(OutputCommandFailure.cannotLoad(path: "m.safetensors", .missingTensor("w")), .value,
                 "cannot load \"m.safetensors\": the checkpoint has no tensor w"),
        ])
    }
}
