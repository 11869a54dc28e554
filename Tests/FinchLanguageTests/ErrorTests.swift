@testable import FinchLanguage
import Testing

@Suite struct RenderingTests {
    let finch = Harness()

    @Test func unknownNameSuggestsTheClosestName() {
        #expect(finch.rendered("xs = [1]\nx = lenght + 1") == [
            "NameError: unknown name 'lenght'",
            " --> cell [3]:2:5",
            "  |",
            "2 | x = lenght + 1",
            "  |     ^^^^^^ did you mean 'length'?",
        ])
    }

    @Test func unknownNameSuggestsAVariable() {
        finch.result("learning_rate = 0.1")
        #expect(finch.rendered("learning_rte * 2") == [
            "NameError: unknown name 'learning_rte'",
            " --> cell [3]:1:1",
            "  |",
            "1 | learning_rte * 2",
            "  | ^^^^^^^^^^^^ did you mean 'learning_rate'?",
        ])
    }

    @Test func gutterWidensForLongLineNumbers() {
        let source = String(repeating: "\n", count: 11) + "oops"
        #expect(finch.rendered(source) == [
            "NameError: unknown name 'oops'",
            "  --> cell [3]:12:1",
            "   |",
            "12 | oops",
            "   | ^^^^",
        ])
    }

    @Test func caretsFollowTabs() {
        #expect(finch.rendered("\tzzzz") == [
            "NameError: unknown name 'zzzz'",
            " --> cell [3]:1:2",
            "  |",
            "1 | \tzzzz",
            "  | \t^^^^",
        ])
    }

    @Test func aRangeOverSeveralLinesIsCutAtTheFirstLineEnd() {
        let error = FinchError(.type, "bad", at: SourceRange(offset: 0, line: 1, column: 1, length: 10))
        #expect(error.rendered(source: "abc\ndefghij", cellName: "x") == ["TypeError: bad", " --> x:1:1", "  |", "1 | abc", "  | ^^^"])
    }

    @Test func anErrorWithoutARangeIsOneLine() {
        #expect(FinchError(.value, "no place", at: nil).rendered(source: "", cellName: "x") == ["ValueError: no place"])
    }

    @Test func kindsHaveJupyterNames() {
        let kinds: [ErrorKind] = [.syntax, .name, .type, .value, .argument, .interrupted]
        #expect(kinds.map(\.name) == ["SyntaxError", "NameError", "TypeError", "ValueError", "ArgumentError", "Interrupted"])
    }
}

/// Every error a user can hit: kind, message, where, and the hint.
@Suite struct ErrorMessageTests {
    let finch = Harness()

    private func check(_ source: String, _ kind: ErrorKind, _ message: String, line: Int, column: Int, length: Int,
                       note: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        let error = finch.error(source)
        #expect(error?.kind == kind, sourceLocation: sourceLocation)
        #expect(error?.message == message, sourceLocation: sourceLocation)
        #expect(error?.range.map { [$0.line, $0.column, $0.length] } == [line, column, length], sourceLocation: sourceLocation)
        #expect(error?.note == note, sourceLocation: sourceLocation)
    }

    // MARK: Syntax

    @Test func missingOperand() {
        check("x = 1 +", .syntax, "expected an expression, found the end of the cell", line: 1, column: 8, length: 1)
    }
    @Test func unclosedParenthesis() {
        check("(1 + 2", .syntax, "expected ')' to close '(', found the end of the cell", line: 1, column: 7, length: 1)
    }
    @Test func unclosedList() {
        check("[1, 2\nx", .syntax, "expected ',' or ']' in the list, found 'x'", line: 2, column: 1, length: 1)
    }
    @Test func unclosedBlock() {
        check("for i in 1..3 {\n  print i", .syntax, "expected '}' to close the block",
              line: 2, column: 10, length: 1, note: "the block opened at 1:15")
    }
    @Test func strayClosingBrace() {
        check("x = 1\n}", .syntax, "unexpected '}' with no open block", line: 2, column: 1, length: 1)
    }
    @Test func twoExpressionsOnALine() {
        check("1 2", .syntax, "expected a new line or ';' after the statement, found a number", line: 1, column: 3, length: 1)
    }
    @Test func assigningToAnIndex() {
        check("xs[0] = 1", .syntax, "only names can be assigned to", line: 1, column: 1, length: 5)
    }
    @Test func assigningToACommand() {
        check("print = 3", .syntax, "cannot assign to 'print': it is a command", line: 1, column: 1, length: 5)
    }
    @Test func forWithoutIn() {
        check("for x [1] { }", .syntax, "expected 'in' after the loop variable, found '['", line: 1, column: 7, length: 1)
    }
    @Test func forWithoutAName() {
        check("for 1 in xs { }", .syntax, "expected a name after 'for', found a number", line: 1, column: 5, length: 1)
    }
    @Test func ifWithoutABlock() {
        check("if true print 1", .syntax, "expected '{' to start a block, found 'print'", line: 1, column: 9, length: 5)
    }
    @Test func propertyWithoutAName() {
        check("xs.", .syntax, "expected a name after '.', found the end of the cell", line: 1, column: 4, length: 1)
    }
    @Test func commandWithoutItsBlock() {
        check("repeat 3", .syntax, "'repeat' needs a block '{ … }'", line: 1, column: 9, length: 1)
    }
    @Test func commandThatTakesNoBlock() {
        check("print 1 { }", .syntax, "'print' does not take a block", line: 1, column: 9, length: 1)
    }
    @Test func unexpectedCharacter() {
        check("x = 3 $ 4", .syntax, "unexpected character '$'", line: 1, column: 7, length: 1)
    }
    @Test func unterminatedString() {
        check("print \"hello", .syntax, "unterminated string", line: 1, column: 7, length: 1, note: "add a closing '\"'")
    }
    @Test func nestingLimit() {
        let source = String(repeating: "(", count: 100) + "1" + String(repeating: ")", count: 100)
        check(source, .syntax, "too deeply nested (more than 64 levels)", line: 1, column: 65, length: 1)
    }
    @Test func expressionDepthLimit() {
        let source = "x = 1" + String(repeating: " + 1", count: 300)
        check(source, .syntax, "expression too deeply nested (more than 256 levels)", line: 1, column: 5, length: 1025)
    }

    // MARK: Names

    @Test func unknownCommandSuggestsACommand() {
        check("prnt \"hi\"", .name, "unknown command 'prnt'", line: 1, column: 1, length: 4, note: "did you mean 'print'?")
    }
    @Test func unknownFunction() {
        check("sqr(4)", .name, "unknown function 'sqr'", line: 1, column: 1, length: 3, note: "did you mean 'sqrt'?")
    }
    @Test func aCommandInsideAnExpression() {
        check("x = 1 + print", .name, "'print' is a command; write it at the start of a statement", line: 1, column: 9, length: 5)
        check("x = length(print 1)", .syntax, "'print' is a command: it starts a statement and cannot be part of an expression",
              line: 1, column: 12, length: 5, note: "give its value a name first: x = print …")
    }
    @Test func aFunctionWithoutParentheses() {
        check("x = sqrt", .name, "'sqrt' is a function; call it with parentheses, as in sqrt(…)", line: 1, column: 5, length: 4)
    }
    @Test func unknownProperty() {
        check("[1, 2].lenght", .name, "a list has no property 'lenght'", line: 1, column: 8, length: 6,
              note: "did you mean 'length'? its properties are first, isEmpty, last, length, reversed, sorted")
        check("\"ab\".size", .name, "a string has no property 'size'", line: 1, column: 6, length: 4,
              note: "its properties are isEmpty, length, lower, upper")
    }

    @Test func propertyOfANumber() {
        check("x = 3\nx.length", .name, "a number has no properties", line: 2, column: 3, length: 6)
    }
    @Test func unknownHelpTopic() {
        check("help prin", .name, "no help for 'prin'", line: 1, column: 6, length: 4, note: "did you mean 'print'?")
    }

    // MARK: Types

    @Test func addingAStringAndANumber() {
        check("\"a\" + 1", .type, "cannot add a string and a number", line: 1, column: 1, length: 7)
    }
    @Test func subtractingFromAList() {
        check("[1] - 1", .type, "cannot subtract a number from a list", line: 1, column: 1, length: 7)
    }
    @Test func multiplyingByNone() {
        check("2 * none", .type, "cannot multiply a number by none", line: 1, column: 1, length: 8)
    }
    @Test func comparingMixedTypes() {
        check("1 < \"2\"", .type, "cannot compare a number and a string with '<'", line: 1, column: 1, length: 7)
    }
    @Test func negatingAString() {
        check("-\"a\"", .type, "cannot negate a string", line: 1, column: 1, length: 4)
    }
    @Test func conditionMustBeABoolean() {
        check("if 1 { }", .type, "the condition of 'if' must be true or false, not a number", line: 1, column: 4, length: 1)
    }
    @Test func andNeedsBooleans() {
        check("true and 3", .type, "the operands of 'and' must be true or false, not a number", line: 1, column: 10, length: 1)
    }
    @Test func notNeedsABoolean() {
        check("not \"x\"", .type, "the operand of 'not' must be true or false, not a string", line: 1, column: 5, length: 3)
    }
    @Test func loopingOverANumber() {
        check("for x in 5 { }", .type, "cannot loop over a number", line: 1, column: 10, length: 1)
    }
    @Test func indexingANumber() {
        check("x = 5\nx[0]", .type, "cannot index a number", line: 2, column: 3, length: 1)
    }
    @Test func withHeadPointsToCopy() {
        check("clf = gpt with head classify(classes: 2)", .syntax, "a model with a new head is a copy: write 'copy gpt head: …'",
              line: 1, column: 11, length: 4, note: "e.g. copy gpt head: classify(classes: 2, pool: mean)")
    }
    @Test func indexMustBeANumber() {
        check("[1][\"a\"]", .type, "an index must be a number, not a string", line: 1, column: 5, length: 3,
              note: "names index records, lists of records and tables")
    }
    @Test func rangeOfStrings() {
        check("\"a\"..3", .type, "a range needs numbers, not a string", line: 1, column: 1, length: 3)
    }
    @Test func functionNeedsANumber() {
        check("sqrt(\"4\")", .type, "'sqrt' needs a number, not a string", line: 1, column: 6, length: 3)
    }
    @Test func sumNeedsNumbers() {
        check("sum([1, \"2\"])", .type, "'sum' needs a list of numbers", line: 1, column: 5, length: 8)
    }
    @Test func commandArgumentOfTheWrongType() {
        check("sleep \"1\"", .type, "'sleep' needs a number for seconds, not a string", line: 1, column: 7, length: 3)
    }
    @Test func keywordArgumentOfTheWrongType() {
        check("print 1 sep: 2", .type, "'print' needs a string for sep:, not a number", line: 1, column: 14, length: 1)
    }
    @Test func unpackingANumber() {
        check("a, b = 3", .type, "cannot unpack a number into 2 names", line: 1, column: 8, length: 1)
    }
    @Test func sortingMixedValues() {
        check("[1, \"a\"].sorted", .type, "only a list of numbers or of strings can be sorted", line: 1, column: 10, length: 6)
    }

    // MARK: Values

    @Test func divisionByZero() {
        check("x = 0\n1 / x", .value, "division by zero", line: 2, column: 5, length: 1)
    }
    @Test func remainderByZero() {
        check("7 % 0", .value, "remainder of a division by zero", line: 1, column: 5, length: 1)
    }
    @Test func indexOutOfRange() {
        check("xs = [1, 2, 3]\nxs[5]", .value, "index 5 is out of range for a list of length 3", line: 2, column: 4, length: 1)
    }
    @Test func fractionalIndex() {
        check("[1, 2][0.5]", .value, "an index must be a whole number, not 0.5", line: 1, column: 8, length: 3)
    }
    @Test func firstOfAnEmptyList() {
        check("[].first", .value, "the list is empty", line: 1, column: 4, length: 5)
    }
    @Test func fractionalRangeBound() {
        check("1..2.5", .value, "a range needs whole numbers, not 2.5", line: 1, column: 4, length: 3)
    }
    @Test func unpackingTheWrongCount() {
        check("a, b = [1, 2, 3]", .value, "cannot unpack 3 values into 2 names", line: 1, column: 8, length: 9)
    }
    @Test func squareRootOfANegativeNumber() {
        check("sqrt(-4)", .value, "cannot take the square root of a negative number (-4)", line: 1, column: 6, length: 2)
    }
    @Test func logOfZero() {
        check("log(0)", .value, "'log' needs a positive number, not 0", line: 1, column: 5, length: 1)
    }
    @Test func meanOfNothing() {
        check("mean([])", .value, "'mean' needs at least one number", line: 1, column: 1, length: 8)
    }
    @Test func roundToTooManyDigits() {
        check("round(1, digits: 40)", .value, "'digits:' must be a whole number from 0 to 15, not 40", line: 1, column: 18, length: 2)
    }
    @Test func rangeTooLargeForAList() {
        check("(0..<100000000).list", .value, "the result would have more than 10000000 elements", line: 1, column: 17, length: 4)
    }
    @Test func stringTooLong() {
        check("s = \"abcdefgh\"\nrepeat 30 { s = s + s }", .value, "the string would be longer than 10000000 bytes",
              line: 2, column: 17, length: 5)
    }
    @Test func negativeSleep() {
        check("sleep -1", .value, "'sleep' needs from 0 to 3600 seconds, not -1", line: 1, column: 7, length: 2)
    }
    @Test func fractionalRepeat() {
        check("repeat 1.5 { }", .value, "'repeat' needs a whole number of times, not 1.5", line: 1, column: 8, length: 3)
    }
    @Test func badSymbolValue() {
        check("train 1 on 2 schedule: cosin", .value, "'cosin' is not a value of schedule:; expected cosine, linear, constant",
              line: 1, column: 24, length: 5, note: "did you mean 'cosine'?")
    }

    // MARK: Arguments

    @Test func wrongArgumentCount() {
        check("sqrt(1, 2)", .argument, "'sqrt' takes 1 argument, got 2", line: 1, column: 1, length: 10)
    }
    @Test func unknownFunctionLabel() {
        check("round(1.5, digit: 1)", .argument, "'round' has no argument 'digit:'", line: 1, column: 12, length: 5,
              note: "did you mean 'digits'?")
    }
    @Test func repeatedFunctionLabel() {
        check("record(a: 1, a: 2)", .argument, "'a:' is given twice", line: 1, column: 14, length: 1)
    }
    @Test func unknownKeywordArgument() {
        check("print 1 sepp: \",\"", .argument, "'print' has no argument 'sepp'", line: 1, column: 9, length: 4,
              note: "did you mean 'sep'?")
    }
    @Test func repeatedKeywordArgument() {
        check("print 1 sep: \",\" sep: \";\"", .argument, "'sep' is given twice", line: 1, column: 18, length: 3)
    }
    @Test func tooManyPositionalArguments() {
        check("sleep 1 2", .argument, "'sleep' takes 1 value without a label", line: 1, column: 9, length: 1,
              note: "usage: sleep SECONDS")
    }
    @Test func missingPositionalArgument() {
        check("sleep", .argument, "'sleep' needs a value for seconds", line: 1, column: 1, length: 5, note: "usage: sleep SECONDS")
    }
    @Test func missingPreposition() {
        check("train 1", .argument, "'train' needs 'on'", line: 1, column: 1, length: 5,
              note: "usage: train MODEL on VALUE [steps: NUMBER] [schedule: cosine|linear|constant]")
    }
    @Test func updateWithoutAnID() {
        check("display 1 update: true", .argument, "'update: true' needs an 'id:' naming the display to replace",
              line: 1, column: 19, length: 4)
    }
    @Test func helpNeedsAName() {
        check("help 3", .type, "'help' needs a name for name, as in 'help print'", line: 1, column: 6, length: 1)
    }
}
