import FinchLanguage
import Testing

@Suite struct CompletionTests {
    let finch = Harness()

    /// Completes at the `|` in `source`.
    private func complete(_ source: String) -> Completion {
        let cursor = source.unicodeScalars.firstIndex(of: "|").map { source.unicodeScalars.distance(from: source.unicodeScalars.startIndex, to: $0) } ?? 0
        var text = source
        text.unicodeScalars.removeAll { $0 == "|" }
        return finch.session.complete(text, cursor: cursor)
    }

    /// The matches and the replaced range of a completion.
    private struct Span: Equatable {
        let matches: [String], start: Int, end: Int
        init(_ matches: [String], _ start: Int, _ end: Int) { (self.matches, self.start, self.end) = (matches, start, end) }
    }

    private func span(_ completion: Completion) -> Span { Span(completion.matches, completion.start, completion.end) }

    @Test func commandsAndFunctionsAtStatementStart() {
        #expect(span(complete("pr|")) == Span(["predict", "pretrain", "print", "prompt", "prune"], 0, 2))
    }
    @Test func infixKeywordsOnlyAfterAValue() {
        #expect(complete("x = a|").matches == ["abs", "ask"])
        #expect(complete("x = y a|").matches == ["abs", "and"])
    }
    @Test func keywordsAtStatementStart() {
        #expect(complete("f|").matches == ["factorize", "false", "finetune", "floor", "for"])
    }
    @Test func variablesInScope() {
        finch.result("learning_rate = 0.1; layers = 4")
        #expect(complete("x = la|").matches == ["layers"])
        #expect(complete("x = le|").matches == ["learning_rate", "length"])
    }
    @Test func commandsAreNotValuesInsideExpressions() {
        #expect(complete("x = 1 + pri|").matches == [])
    }
    @Test func commandsCanStartAnAssignedValue() {
        #expect(complete("r = tra|").matches == ["train"])
    }
    @Test func keywordArgumentsOfTheCommand() {
        #expect(span(complete("print 1 s|")) == Span(["sep:", "sqrt", "std", "sum"], 8, 9))
    }
    @Test func usedKeywordArgumentsAreLeftOut() {
        #expect(complete(#"print 1 sep: "," |"#).matches.filter { $0.hasSuffix(":") } == ["end:"])
    }
    @Test func prepositionsOfTheCommand() {
        #expect(complete("train m o|").matches == ["on"], "m is the only positional, so no 'or' continues it")
    }
    @Test func afterTheLastArgumentOnlyLabelsFollow() {
        finch.result("fit = 1; net = 2")
        let offered = complete("finetune net on fit |").matches
        #expect(offered.contains("method:") && offered.contains("lr:"))
        #expect(offered.allSatisfy { $0.hasSuffix(":") }, "no values, prepositions or operators: \(offered)")
        #expect(!complete("finetune net |").matches.contains("fit"), "the model is given; 'on' or a label comes next")
        #expect(complete("finetune net |").matches.contains("on"))
        #expect(complete("finetune net on |").matches.contains("fit"), "a value follows a preposition")
        #expect(!complete("finetune net on |").matches.contains("lr:"))
        #expect(complete("finetune net on fit lr: 1e-3 |").matches.contains("epochs:"))
        #expect(!complete("finetune net on fit lr: 1e-3 |").matches.contains("lr:"))
        #expect(complete("finetune net on fit lr: 2 * |").matches.contains("fit"), "an operator continues the value")
        #expect(complete("finetune net on (fit |").matches.contains("and"), "inside brackets, an expression goes on")
    }
    @Test func eachMatchSaysWhatItIs() {
        finch.result("fine = 1")
        let kinds = Dictionary(uniqueKeysWithValues: complete("f|").candidates.map { ($0.text, $0.kind) })
        #expect(kinds == ["factorize": .command, "false": .keyword, "finetune": .command, "fine": .variable, "floor": .function, "for": .keyword])
        #expect(complete("finetune m on d method: l|").candidates == [Completion.Candidate("lora", .value)])
        #expect(complete("finetune m on d l|").candidates.first { $0.text == "lr:" }?.kind == .label)
        finch.result("xs = [1]")
        #expect(complete("xs.fi|").candidates == [Completion.Candidate("first", .property)])
    }
    @Test func allowedValuesAfterALabel() {
        #expect(span(complete("train m on d schedule: co|")) == Span(["constant", "cosine"], 23, 25))
    }
    @Test func allowedValuesWithNothingTyped() {
        #expect(complete("train m on d schedule: |").matches == ["constant", "cosine", "linear"])
    }
    @Test func keywordArgumentsOnAContinuationLine() {
        #expect(complete("train m on d steps: 3\n  sch|").matches == ["schedule:"])
    }
    @Test func propertiesAfterADot() {
        finch.result("xs = [1, 2]")
        #expect(span(complete("xs.l|")) == Span(["last", "length"], 3, 4))
    }
    @Test func propertiesOfAChain() {
        finch.result("rows = [[1], [2]]")
        #expect(complete("print rows[0].f|").matches == ["first"])
    }
    @Test func propertiesOfARecord() {
        finch.result("r = record(loss: 1, lr: 2)")
        #expect(complete("r.|").matches == ["loss", "lr"])
    }
    @Test func propertiesOfACallResult() {
        #expect(complete("round(2.5).|").matches == [])
        #expect(complete(#"length("ab") + "x".u|"#).matches == ["upper"])
    }
    @Test func nothingAfterADotOnAnUnknownName() {
        #expect(complete("nope.|").matches == [])
    }
    @Test func nothingInsideAString() {
        #expect(complete("print \"pr|").matches == [])
    }
    @Test func offsetsCountUnicodeScalars() {
        #expect(span(complete("print \"🐦é\" s|")) == Span(["sep:", "sqrt", "std", "sum"], 11, 12))
    }
    @Test func aCompletedWordIsNotOffered() {
        #expect(complete("print|").matches == [])
    }
    @Test func statementsAfterASemicolonStartAfresh() {
        #expect(complete("x = 1; pri|").matches == ["print"])
    }
    @Test func insideABlock() {
        #expect(complete("for i in 1..3 { pri|").matches == ["print"])
    }
    @Test func layerCommandsOnlyInsideAModelBlock() {
        #expect(complete("tra|").matches == ["train"])
        #expect(complete("model m {\n  embedding vocab: 4 dim: 8\n  tra|").matches == ["train", "transformer"])
        #expect(complete("model m {\n  repeat 2 { tra|").matches == ["train", "transformer"])
        #expect(complete("for i in 1..2 { tra|").matches == ["train"])
        #expect(complete("model m {\n  dense 4\n}\ntra|").matches == ["train"])
    }
    @Test func theSettingsOfAChoiceInsideItsBrackets() {
        #expect(complete("finetune m on d method: lora(|").matches == ["alpha:", "merge:", "rank:", "targets:"])
        #expect(complete("finetune m on d method: lora(rank: 4, a|").matches == ["alpha:"])
        #expect(complete("finetune m on d optimizer: sgd(|").matches == ["momentum:"])
        #expect(complete("finetune m on d method: lora(rank: max(1, 2), |").matches == ["alpha:", "merge:", "targets:"])
    }
}

@Suite struct InspectionTests {
    let finch = Harness()

    private func inspect(_ source: String, at cursor: Int? = nil) -> String? {
        finch.session.inspect(source, cursor: cursor ?? source.unicodeScalars.count)?.plainText
    }

    @Test func aCommandShowsItsHelp() {
        #expect(inspect("clear")?.hasPrefix("clear [wait: true|false]\nClear the output of this cell.") == true)
    }
    @Test func aFunctionShowsItsSignature() {
        #expect(inspect("x = sqrt") == "sqrt(x)\nthe square root of x, for x ≥ 0")
    }
    @Test func theCursorMayBeInsideTheWord() {
        #expect(inspect("x = sqrt(4)", at: 6) == "sqrt(x)\nthe square root of x, for x ≥ 0")
    }
    @Test func afterAnOpeningParenthesisTheFunction() {
        #expect(inspect("x = round(") == "round(x, digits: 0)\nx rounded to the given number of decimal digits (halves away from zero)")
    }
    @Test func aKeyword() {
        #expect(inspect("x = true and") == "a and b — true when both a and b are true; b is only evaluated if a is true")
    }
    @Test func aVariableShowsItsTypeAndValue() {
        finch.result("xs = [1, 2.5]")
        #expect(inspect("print xs") == "xs: list = [1, 2.5]")
    }
    @Test func aLongValueIsCut() {
        finch.result("xs = (1..1000).list")
        #expect(inspect("xs")?.count == "xs: list = ".count + 500 + 1)
    }
    @Test func aProperty() {
        finch.result("xs = [1]")
        #expect(inspect("xs.length") == "list.length\nthe number of elements in the list")
    }
    @Test func aKeywordArgument() {
        #expect(inspect("print 1 sep: \",\"", at: 9) == "print sep: STRING\nthe text between values (default \" \")")
    }
    @Test func aPreposition() {
        #expect(inspect("train m on d", at: 9) == "train on VALUE\nthe data to train on")
    }
    @Test func anAllowedValueOfAKeyword() {
        #expect(inspect("train m on d schedule: cosine", at: 16) == "train schedule: cosine|linear|constant\nhow the learning rate changes (default constant)")
    }
    @Test func anUnknownNameHasNoDoc() {
        #expect(inspect("zzz") == nil)
    }
    @Test func nothingAtTheCursor() {
        #expect(inspect("x = 1 + ") == nil)
    }
}

@Suite struct CompletenessTests {
    let session = Harness().session

    @Test func aPlainStatementIsComplete() { #expect(session.isComplete("x = 1") == .complete) }
    @Test func aStatementThatStopsWhereMoreMustFollowNeedsMore() {
        #expect(session.isComplete("x = ") == .incomplete(indent: ""))
        #expect(session.isComplete("y = 1 +") == .incomplete(indent: ""))
    }
    @Test func aSyntaxErrorBeforeTheEndIsInvalid() {
        #expect(session.isComplete("x = = 1") == .invalid)
        #expect(session.isComplete("print 1 2 ) 3") == .invalid)
    }
    @Test func anEmptyCellIsComplete() { #expect(session.isComplete("") == .complete) }
    @Test func anOpenBlockNeedsMore() { #expect(session.isComplete("for i in 1..3 {") == .incomplete(indent: "  ")) }
    @Test func nestedOpenBlocksIndentTwice() { #expect(session.isComplete("for i in xs {\n if i > 1 {") == .incomplete(indent: "    ")) }
    @Test func anOpenParenthesisNeedsMore() { #expect(session.isComplete("x = round(1,") == .incomplete(indent: "  ")) }
    @Test func anOpenListNeedsMore() { #expect(session.isComplete("xs = [1,\n 2") == .incomplete(indent: "  ")) }
    @Test func anOpenStringNeedsMore() { #expect(session.isComplete("print \"abc") == .incomplete(indent: "")) }
    @Test func anOpenStringInABlock() { #expect(session.isComplete("repeat 2 { print \"a") == .incomplete(indent: "  ")) }
    @Test func closedBlocksAreComplete() { #expect(session.isComplete("if true {\n print 1\n}") == .complete) }
    @Test func anUnmatchedCloserIsInvalid() { #expect(session.isComplete("x = 1)") == .invalid) }
    @Test func aMismatchedCloserIsInvalid() { #expect(session.isComplete("x = [1, 2)") == .invalid) }
    @Test func aRejectedCharacterIsInvalid() { #expect(session.isComplete("x = 1 @ 2") == .invalid) }
    @Test func bracketsInCommentsDoNotCount() { #expect(session.isComplete("x = 1 # {") == .complete) }
    @Test func bracketsInStringsDoNotCount() { #expect(session.isComplete("print \"{\"") == .complete) }
}
