import Testing

@Suite struct ArithmeticTests {
    let finch = Harness()

    @Test func integralNumbersShowWithoutFraction() { #expect(finch.result("6*7") == "42") }
    @Test func aBareNumberIsTheResult() { #expect(finch.result("1") == "1") }
    @Test func fractionsShowAsSwiftPrintsThem() { #expect(finch.result("2.5 / 2") == "1.25") }
    @Test func exponentLiterals() { #expect(finch.result("1e-3") == "0.001") }
    @Test func multiplicationBindsTighterThanAddition() { #expect(finch.result("1 + 2 * 3") == "7") }
    @Test func parenthesesGroup() { #expect(finch.result("(1 + 2) * 3") == "9") }
    @Test func subtractionIsLeftAssociative() { #expect(finch.result("10 - 3 - 2") == "5") }
    @Test func powerIsRightAssociative() { #expect(finch.result("2 ^ 3 ^ 2") == "512") }
    @Test func unaryMinusAppliesAfterPower() { #expect(finch.result("-2 ^ 2") == "-4") }
    @Test func powerTakesANegativeExponent() { #expect(finch.result("2 ^ -1") == "0.5") }
    @Test func remainderFollowsTheDivisorsSign() { #expect(finch.result("-1 % 3") == "2") }
    @Test func doubleNegation() { #expect(finch.result("--3") == "3") }
    @Test func hugeNumbersUseExponents() { #expect(finch.result("1e20") == "1e+20") }
    @Test func stringsConcatenate() { #expect(finch.result(#""fin" + "ch""#) == #""finch""#) }
    @Test func listsConcatenate() { #expect(finch.result("[1] + [2, 3]") == "[1, 2, 3]") }
}

@Suite struct LogicTests {
    let finch = Harness()

    @Test func comparisons() {
        #expect(finch.result("1 < 2") == "true")
        #expect(finch.result("2 <= 1") == "false")
        #expect(finch.result("3 >= 3") == "true")
        #expect(finch.result("3 > 4") == "false")
    }
    @Test func equalityComparesStructure() { #expect(finch.result("[1, \"a\"] == [1, \"a\"]") == "true") }
    @Test func differentTypesAreNotEqual() { #expect(finch.result("1 != \"1\"") == "true") }
    @Test func stringsCompareAlphabetically() { #expect(finch.result(#""apple" < "banana""#) == "true") }
    @Test func andBindsTighterThanOr() { #expect(finch.result("true or false and false") == "true") }
    @Test func notBindsLooserThanComparison() { #expect(finch.result("not 1 > 2") == "true") }
    @Test func andShortCircuits() { #expect(finch.result("false and missing") == "false") }
    @Test func orShortCircuits() { #expect(finch.result("true or missing") == "true") }
}

@Suite struct ValueTests {
    let finch = Harness()

    @Test func stringsShowQuotedAndEscaped() { #expect(finch.result(#""a\"b\n""#) == #""a\"b\n""#) }
    @Test func stringsShowOtherControlCharactersAsFinchEscapes() {
        #expect(finch.result(#""\0\u{8}\u{1b}\t""#) == #""\u{0}\u{8}\u{1b}\t""#)
    }
    @Test func noneGivesNoResult() { #expect(finch.result("none") == nil) }
    @Test func listsShowTheirElements() { #expect(finch.result(#"[1, "two", true, [3]]"#) == #"[1, "two", true, [3]]"#) }
    @Test func listsMayWrapLinesAndEndWithAComma() { #expect(finch.result("[1,\n 2,\n]") == "[1, 2]") }
    @Test func inclusiveRange() { #expect(finch.result("(1..5).list") == "[1, 2, 3, 4, 5]") }
    @Test func exclusiveRange() { #expect(finch.result("(0..<5).list") == "[0, 1, 2, 3, 4]") }
    @Test func rangesShowAsWritten() { #expect(finch.result("n = 3; 0..<n+1") == "0..<4") }
    @Test func backwardRangeIsEmpty() { #expect(finch.result("(5..1).length") == "0") }
    @Test func recordsShowTheirFields() { #expect(finch.result("record(loss: 0.5, steps: 10)") == "record(loss: 0.5, steps: 10)") }
}

@Suite struct VariableTests {
    let finch = Harness()

    @Test func assignmentHasNoResult() { #expect(finch.result("x = 3") == nil) }
    @Test func variablesLiveAcrossCells() {
        finch.result("x = 3")
        #expect(finch.result("x * 2") == "6")
    }
    @Test func destructuringTakesAListApart() {
        finch.result("a, b = [1, 2]")
        #expect(finch.result("[b, a]") == "[2, 1]")
    }
    @Test func destructuringTakesARangeApart() {
        finch.result("a, b, c = 1..3")
        #expect(finch.result("c") == "3")
    }
    @Test func semicolonsSeparateStatements() { #expect(finch.result("x = 2; y = 3; x * y") == "6") }
    @Test func theResultIsTheLastStatementOnly() { #expect(finch.result("1\nx = 2") == nil) }
    @Test func aFunctionNameCanBeAVariable() {
        finch.result("max = 10")
        #expect(finch.result("max + max(1, 2)") == "12")
    }
    @Test func stateIsKeptAfterAFailingStatement() {
        _ = finch.error("a = 1\nb = missing\nc = 3")
        #expect(finch.result("a") == "1")
        #expect(finch.result("c")?.hasPrefix("unexpected NameError") == true)
    }
    @Test func stateFromEarlierCellsIsKeptAfterAFailure() {
        finch.result("a = 1")
        _ = finch.error("a = 2; 1 / 0")
        #expect(finch.result("a") == "2")
    }
}

@Suite struct PropertyAndIndexTests {
    let finch = Harness()

    @Test func listProperties() {
        finch.result("xs = [3, 1, 2]")
        #expect(finch.result("xs.length") == "3")
        #expect(finch.result("xs.first") == "3")
        #expect(finch.result("xs.last") == "2")
        #expect(finch.result("xs.sorted") == "[1, 2, 3]")
        #expect(finch.result("xs.reversed") == "[2, 1, 3]")
        #expect(finch.result("xs.isEmpty") == "false")
    }
    @Test func stringProperties() {
        #expect(finch.result(#""Finch".upper"#) == #""FINCH""#)
        #expect(finch.result(#""Finch".lower"#) == #""finch""#)
        #expect(finch.result(#""Finch".length"#) == "5")
    }
    @Test func rangeProperties() {
        finch.result("r = 2..<6")
        #expect(finch.result("[r.start, r.end, r.first, r.last, r.length]") == "[2, 6, 2, 5, 4]")
    }
    @Test func recordFieldsAreProperties() { #expect(finch.result("record(loss: 0.25).loss") == "0.25") }
    @Test func propertiesChain() { #expect(finch.result("[[1, 2], [3]].last.first") == "3") }
    @Test func indexingFromZero() { #expect(finch.result("[10, 20, 30][1]") == "20") }
    @Test func negativeIndexCountsFromTheEnd() { #expect(finch.result("[10, 20, 30][-1]") == "30") }
    @Test func indexingARange() { #expect(finch.result("(5..9)[2]") == "7") }
    @Test func indexingAString() { #expect(finch.result(#""finch"[1]"#) == #""i""#) }
}

@Suite struct ControlFlowTests {
    let finch = Harness()

    @Test func forLoopsOverAList() {
        finch.result("total = 0\nfor x in [1, 2, 3] { total = total + x }")
        #expect(finch.result("total") == "6")
    }
    @Test func forLoopsOverARange() {
        finch.result("total = 0\nfor i in 1..4 {\n  total = total + i\n}")
        #expect(finch.result("total") == "10")
    }
    @Test func forLoopsOverAStringsCharacters() {
        finch.result("for c in \"ab\" { print c }")
        #expect(finch.sink.stdout == "a\nb\n")
    }
    @Test func theLoopVariableStaysAfterTheLoop() {
        finch.result("for i in 0..<3 { }")
        #expect(finch.result("i") == "2")
    }
    @Test func ifRunsTheThenBlock() { #expect(finch.result("if 1 < 2 { x = \"yes\" } else { x = \"no\" }\nx") == #""yes""#) }
    @Test func ifRunsTheElseBlock() { #expect(finch.result("if 1 > 2 { x = 1 } else { x = 2 }\nx") == "2") }
    @Test func elseMayStartTheNextLine() { #expect(finch.result("if false {\n x = 1\n}\nelse {\n x = 2\n}\nx") == "2") }
    @Test func elseIfChains() {
        #expect(finch.result("n = 5\nif n < 3 { s = \"small\" } else if n < 10 { s = \"medium\" } else { s = \"large\" }\ns") == #""medium""#)
    }
    @Test func nestedLoops() {
        finch.result("count = 0\nfor i in 1..3 { for j in 1..3 { if i != j { count = count + 1 } } }")
        #expect(finch.result("count") == "6")
    }
    @Test func repeatRunsItsBlock() {
        finch.result("n = 0\nrepeat 4 { n = n + 1 }")
        #expect(finch.result("n") == "4")
    }
}

@Suite struct FunctionTests {
    let finch = Harness()

    @Test func roundWithDigits() { #expect(finch.result("round(3.14159, digits: 2)") == "3.14") }
    @Test func roundWithoutDigits() { #expect(finch.result("round(2.5)") == "3") }
    @Test func sumOfAList() { #expect(finch.result("sum([1, 2, 3.5])") == "6.5") }
    @Test func sumOfARange() { #expect(finch.result("sum(1..100)") == "5050") }
    @Test func sumOfNothingIsZero() { #expect(finch.result("sum([])") == "0") }
    @Test func meanOfAList() { #expect(finch.result("mean([1, 2, 3, 4])") == "2.5") }
    @Test func sampleStandardDeviation() {
        #expect(finch.result("std([2, 4, 4, 4, 5, 5, 7, 9])") == finch.result("sqrt(32 / 7)"))
        #expect(finch.result("std([3])") == "0")
        #expect(finch.result("std([])")?.contains("'std' needs at least one number") == true)
    }
    @Test func minAndMaxOfAList() { #expect(finch.result("[min([4, 2, 8]), max([4, 2, 8])]") == "[2, 8]") }
    @Test func minAndMaxOfArguments() { #expect(finch.result("[min(4, 2), max(4, 2, 9)]") == "[2, 9]") }
    @Test func absSqrtExpLog() { #expect(finch.result("[abs(-2), sqrt(16), exp(0), log(1)]") == "[2, 4, 1, 0]") }
    @Test func floorAndCeil() { #expect(finch.result("[floor(2.7), ceil(2.1), floor(-0.5)]") == "[2, 3, -1]") }
    @Test func lengthOfListsStringsAndRanges() { #expect(finch.result(#"[length([1, 2]), length("abc"), length(0..<10)]"#) == "[2, 3, 10]") }
    @Test func durationReadsSecondsAsRunTablesShowThem() {
        #expect(finch.result("[duration(0.01234), duration(12.345), duration(245)]") == #"["0.0123s", "12.3s", "4m05s"]"#)
    }

    @Test func callsNest() { #expect(finch.result("round(sqrt(sum([1, 1])), digits: 3)") == "1.414") }
}
