@testable import FinchLanguage
import Testing

@Suite struct LanguageFailureTests {
    @Test func syntaxFailuresSayWhatTheLexerOrParserFound() {
        expectRendering([
            Case(SyntaxFailure.unexpectedCharacter("@"), .syntax, "unexpected character '@'"),
            Case(SyntaxFailure.unexpectedCharacter("!"), .syntax, "unexpected character '!'", note: "use 'not' to negate"),
            Case(SyntaxFailure.exponentWithoutDigits(spelling: "1e-"), .syntax, "malformed number '1e-'",
                 note: "an exponent needs digits, as in 1e-3"),
            Case(SyntaxFailure.malformedNumber(spelling: "1e999x"), .syntax, "malformed number '1e999x'"),
            Case(SyntaxFailure.unknownEscape(spelling: "\\q"), .syntax, "unknown escape sequence '\\q'",
                 note: "use \\n, \\t, \\\", \\\\ or \\u{…}"),
            Case(SyntaxFailure.unterminatedString, .syntax, "unterminated string", note: "add a closing '\"'"),
            Case(SyntaxFailure.strayClosingBrace, .syntax, "unexpected '}' with no open block"),
            Case(SyntaxFailure.headWithoutCopy(model: "m"), .syntax, "a model with a new head is a copy: write 'copy m head: …'",
                 note: "e.g. copy m head: classify(classes: 2, pool: mean)"),
            Case(SyntaxFailure.assignmentToCommand(name: "train"), .syntax, "cannot assign to 'train': it is a command"),
            Case(SyntaxFailure.assignmentToExpression, .syntax, "only names can be assigned to"),
            Case(SyntaxFailure.unclosedBlock(line: 2, column: 7), .syntax, "expected '}' to close the block",
                 note: "the block opened at 2:7"),
            Case(SyntaxFailure.blockNotTaken(command: "print"), .syntax, "'print' does not take a block"),
            Case(SyntaxFailure.blockRequired(command: "repeat"), .syntax, "'repeat' needs a block '{ … }'"),
            Case(SyntaxFailure.commandInExpression(name: "train"), .syntax,
                 "'train' is a command: it starts a statement and cannot be part of an expression",
                 note: "give its value a name first: x = train …"),
            Case(SyntaxFailure.tooDeeplyNested(limit: 64), .syntax, "too deeply nested (more than 64 levels)"),
            Case(SyntaxFailure.expressionTooDeep(limit: 256), .syntax, "expression too deeply nested (more than 256 levels)"),
        ])
    }

    @Test func everyExpectationNamesWhatWasExpectedAndWhatWasFound() {
        expectRendering([
            Case(SyntaxFailure.expected(.endOfExpression, found: .number(2)), .syntax, "expected the end of the expression, found a number"),
            Case(SyntaxFailure.expected(.endOfStatement, found: .identifier("y")), .syntax,
                 "expected a new line or ';' after the statement, found 'y'"),
            Case(SyntaxFailure.expected(.assignmentTarget, found: .string("a")), .syntax, "expected a name to assign to, found a string"),
            Case(SyntaxFailure.expected(.assignmentEquals, found: .newline), .syntax,
                 "expected '=' after the names to assign, found a new line"),
            Case(SyntaxFailure.expected(.loopIn, found: .end), .syntax, "expected 'in' after the loop variable, found the end of the cell"),
            Case(SyntaxFailure.expected(.blockStart, found: .newline), .syntax, "expected '{' to start a block, found a new line"),
            Case(SyntaxFailure.expected(.indexEnd, found: .rightParen), .syntax, "expected ']' after the index, found ')'"),
            Case(SyntaxFailure.expected(.closingParenthesis, found: .rightBracket), .syntax, "expected ')' to close '(', found ']'"),
            Case(SyntaxFailure.expected(.listSeparator, found: .number(3)), .syntax, "expected ',' or ']' in the list, found a number"),
            Case(SyntaxFailure.expected(.argumentSeparator, found: .colon), .syntax, "expected ',' or ')' in the arguments, found ':'"),
            Case(SyntaxFailure.expected(.expression, found: .star), .syntax, "expected an expression, found '*'"),
            Case(SyntaxFailure.expected(.name(after: .keyword(.for)), found: .number(1)), .syntax,
                 "expected a name after 'for', found a number"),
            Case(SyntaxFailure.expected(.name(after: .dot), found: .keyword(.if)), .syntax, "expected a name after '.', found 'if'"),
        ])
    }

    @Test func nameFailuresSuggestTheClosestNameOrListTheNames() {
        expectRendering([
            Case(NameFailure.unknownCommand("pritn", commands: ["print", "train"]), .name, "unknown command 'pritn'",
                 note: "did you mean 'print'?"),
            Case(NameFailure.unknownCommand("zzz", commands: ["print"]), .name, "unknown command 'zzz'"),
            Case(NameFailure.unknownName("lenght", known: ["length"]), .name, "unknown name 'lenght'", note: "did you mean 'length'?"),
            Case(NameFailure.unknownFunction("sqr", functions: ["sqrt", "sum"]), .name, "unknown function 'sqr'",
                 note: "did you mean 'sqrt'?"),
            Case(NameFailure.commandAsValue("train"), .name, "'train' is a command; write it at the start of a statement"),
            Case(NameFailure.commandCalled("train"), .name,
                 "'train' is a command; write it at the start of a statement without parentheses"),
            Case(NameFailure.functionAsValue("sqrt"), .name, "'sqrt' is a function; call it with parentheses, as in sqrt(…)"),
            Case(NameFailure.noProperties(type: "a number"), .name, "a number has no properties"),
            Case(NameFailure.unknownProperty("lenght", type: "a list", properties: ["first", "length"]), .name,
                 "a list has no property 'lenght'", note: "did you mean 'length'? its properties are first, length"),
            Case(NameFailure.unknownProperty("zzz", type: "a list", properties: ["first", "length"]), .name,
                 "a list has no property 'zzz'", note: "its properties are first, length"),
            Case(NameFailure.unknownField("acuracy", type: "evaluation", fields: ["accuracy"]), .name,
                 "evaluation has no field 'acuracy'", note: "did you mean 'accuracy'?"),
            Case(NameFailure.unknownColumn("lose", columns: ["epoch", "loss"]), .name, "the table has no column 'lose'",
                 note: "did you mean 'loss'?"),
            Case(NameFailure.unknownColumn("zzz", columns: ["epoch", "loss"]), .name, "the table has no column 'zzz'",
                 note: "its columns are epoch, loss"),
        ])
    }

    @Test func argumentFailuresNameTheCommandAndShowItsUsage() {
        let usage = "train MODEL on: DATA [epochs: NUMBER]"
        expectRendering([
            Case(ArgumentFailure.unknownLabel(command: "train", label: "epoch", labels: ["on", "epochs"]), .argument,
                 "'train' has no argument 'epoch'", note: "did you mean 'epochs'?"),
            Case(ArgumentFailure.givenTwice(label: "epochs"), .argument, "'epochs' is given twice"),
            Case(ArgumentFailure.missingValue(command: "train", parameter: "MODEL", usage: usage), .argument,
                 "'train' needs a value for MODEL", note: "usage: train MODEL on: DATA [epochs: NUMBER]"),
            Case(ArgumentFailure.missingParameter(command: "train", parameter: "on", usage: usage), .argument, "'train' needs 'on'",
                 note: "usage: train MODEL on: DATA [epochs: NUMBER]"),
            Case(ArgumentFailure.missingObject(command: "evaluate", what: "a model", usage: "evaluate MODEL"), .argument,
                 "'evaluate' needs a model", note: "usage: evaluate MODEL"),
            Case(ArgumentFailure.wrongObject(command: "evaluate", what: "a model", parameter: "MODEL", type: "a number"), .type,
                 "'evaluate' needs a model for MODEL, not a number"),
            Case(ArgumentFailure.tooManyValues(command: "clear", positional: 0, usage: "clear"), .argument,
                 "'clear' takes no values without a label", note: "usage: clear"),
            Case(ArgumentFailure.tooManyValues(command: "help", positional: 1, usage: "help [NAME]"), .argument,
                 "'help' takes 1 value without a label", note: "usage: help [NAME]"),
            Case(ArgumentFailure.tooManyValues(command: "compare", positional: 2, usage: "compare A B"), .argument,
                 "'compare' takes 2 values without a label", note: "usage: compare A B"),
            Case(ArgumentFailure.unlabelledSetting(parameter: "method", word: "lora", settings: ["rank", "alpha"]), .argument,
                 "the settings of method: lora are written name: value", note: "lora takes rank:, alpha:"),
            Case(ArgumentFailure.notASetting(label: "rnak", parameter: "method", word: "lora", settings: ["rank", "alpha"]), .argument,
                 "'rnak' is not a setting of method: lora", note: "did you mean 'rank'?"),
            Case(ArgumentFailure.notASetting(label: "rank", parameter: "method", word: "full", settings: []), .argument,
                 "'rank' is not a setting of method: full", note: "full takes no settings"),
            Case(ArgumentFailure.settingOfAnotherChoice(label: "rank", choice: "method", owners: ["dora", "lora"], chosen: "full",
                                                        settings: []),
                 .argument, "'rank:' is a setting of method: dora or lora, not of full", note: "full takes no settings"),
            Case(ArgumentFailure.needsName(command: "help", label: "NAME"), .type, "'help' needs a name for NAME, as in 'help print'"),
            Case(ArgumentFailure.needsChoice(command: "train", label: "schedule:", words: ["cosine", "linear"], type: "a number"), .type,
                 "'train' needs one of cosine, linear for schedule:, not a number"),
            Case(ArgumentFailure.notAChoice(word: "cosin", label: "schedule:", words: ["cosine", "linear"]), .value,
                 "'cosin' is not a value of schedule:; expected cosine, linear", note: "did you mean 'cosine'?"),
            Case(ArgumentFailure.wrongKind(command: "train", label: "epochs:", expected: .number, type: "a string"), .type,
                 "'train' needs a number for epochs:, not a string"),
            Case(ArgumentFailure.wrongKind(command: "x", label: "a:", expected: .any, type: "t"), .type, "'x' needs a value for a:, not t"),
            Case(ArgumentFailure.wrongKind(command: "x", label: "a:", expected: .string, type: "t"), .type, "'x' needs a string for a:, not t"),
            Case(ArgumentFailure.wrongKind(command: "x", label: "a:", expected: .bool, type: "t"), .type,
                 "'x' needs true or false for a:, not t"),
            Case(ArgumentFailure.wrongKind(command: "x", label: "a:", expected: .word, type: "t"), .type, "'x' needs a name for a:, not t"),
            Case(ArgumentFailure.wrongKind(command: "x", label: "a:", expected: .choice(["p", "q"]), type: "t"), .type,
                 "'x' needs one of p, q for a:, not t"),
            Case(ArgumentFailure.wrongKind(command: "x", label: "a:", expected: .wordOrValue(["balanced"]), type: "t"), .type,
                 "'x' needs balanced or a value for a:, not t"),
            Case(ArgumentFailure.wholeNumberOutOfLimits(name: "epochs", limits: 1...1000, value: "0.5"), .value,
                 "'epochs' must be a whole number from 1 to 1000, not 0.5"),
            Case(ArgumentFailure.wholeNumberOutOfLimits(name: "digits:", limits: 0...15, value: "16"), .value,
                 "'digits:' must be a whole number from 0 to 15, not 16"),
            Case(ArgumentFailure.numberOutOfLimits(name: "dropout", limits: 0...0.9, value: "\"a\""), .value,
                 "'dropout' must be a number from 0 to 0.9, not \"a\""),
            Case(ArgumentFailure.notStrings(name: "stop", type: "a number"), .type, "'stop' needs strings, not a number"),
            Case(ArgumentFailure.notStringOrList(name: "stop", type: "a number"), .type,
                 "'stop' needs a string or a list of strings, not a number"),
        ])
    }

    @Test func functionFailuresNameTheFunction() {
        expectRendering([
            Case(FunctionFailure.unknownLabel(function: "round", label: "digit", labels: ["digits"]), .argument,
                 "'round' has no argument 'digit:'", note: "did you mean 'digits'?"),
            Case(FunctionFailure.givenTwice(label: "digits"), .argument, "'digits:' is given twice"),
            Case(FunctionFailure.wrongCount(function: "sqrt", expected: 1, given: 2), .argument, "'sqrt' takes 1 argument, got 2"),
            Case(FunctionFailure.wrongCount(function: "record", expected: 0, given: 1), .argument, "'record' takes 0 arguments, got 1"),
            Case(FunctionFailure.needsNumber(function: "sqrt", type: "a string"), .type, "'sqrt' needs a number, not a string"),
            Case(FunctionFailure.needsListOfNumbers(function: "mean"), .type, "'mean' needs a list of numbers"),
            Case(FunctionFailure.needsSomeNumber(function: "max"), .value, "'max' needs at least one number"),
            Case(FunctionFailure.noLength(type: "a number"), .type, "'length' needs a list, range or string, not a number"),
            Case(FunctionFailure.logOfNonPositive(-1), .value, "'log' needs a positive number, not -1"),
            Case(FunctionFailure.squareRootOfNegative(-2.5), .value, "cannot take the square root of a negative number (-2.5)"),
        ])
    }

    @Test func operationFailuresNameTheTypesThatMet() {
        expectRendering([
            Case(OperationFailure.mismatch(.add, left: "a number", right: "a string"), .type, "cannot add a number and a string"),
            Case(OperationFailure.mismatch(.subtract, left: "a", right: "b"), .type, "cannot subtract b from a"),
            Case(OperationFailure.mismatch(.multiply, left: "a", right: "b"), .type, "cannot multiply a by b"),
            Case(OperationFailure.mismatch(.divide, left: "a", right: "b"), .type, "cannot divide a by b"),
            Case(OperationFailure.mismatch(.remainder, left: "a", right: "b"), .type, "cannot take the remainder of a divided by b"),
            Case(OperationFailure.mismatch(.power, left: "a", right: "b"), .type, "cannot raise a to the power of b"),
            Case(OperationFailure.mismatch(.lessEqual, left: "a", right: "b"), .type, "cannot compare a and b with '<='"),
            Case(OperationFailure.divisionByZero, .value, "division by zero"),
            Case(OperationFailure.remainderByZero, .value, "remainder of a division by zero"),
            Case(OperationFailure.negation(type: "a string"), .type, "cannot negate a string"),
            Case(OperationFailure.notABoolean(.ifCondition, type: "a number"), .type, "the condition of 'if' must be true or false, not a number"),
            Case(OperationFailure.notABoolean(.notOperand, type: "a number"), .type, "the operand of 'not' must be true or false, not a number"),
            Case(OperationFailure.notABoolean(.operands(.and), type: "none"), .type, "the operands of 'and' must be true or false, not none"),
            Case(OperationFailure.notABoolean(.operands(.or), type: "none"), .type, "the operands of 'or' must be true or false, not none"),
            Case(OperationFailure.rangeBound(type: "a string"), .type, "a range needs numbers, not a string"),
            Case(OperationFailure.fractionalRangeBound(1.5), .value, "a range needs whole numbers, not 1.5"),
            Case(OperationFailure.cannotUnpack(type: "a number", names: 2), .type, "cannot unpack a number into 2 names"),
            Case(OperationFailure.unpackCount(values: 3, names: 2), .value, "cannot unpack 3 values into 2 names"),
            Case(OperationFailure.unpackedIntoOne(command: "split", names: ["train", "test"]), .value,
                 "'split' gives 2 values; unpack them into 2 names, not one", note: "write 'train, test = split …'"),
            Case(OperationFailure.tooManyElements(limit: 10_000_000), .value, "the result would have more than 10000000 elements"),
            Case(OperationFailure.stringTooLong(limit: 10_000_000), .value, "the string would be longer than 10000000 bytes"),
        ])
    }

    @Test func elementFailuresSayWhichElementCannotBeReached() {
        expectRendering([
            Case(ElementFailure.cannotLoop(type: "a number"), .type, "cannot loop over a number"),
            Case(ElementFailure.cannotIndex(type: "a number"), .type, "cannot index a number"),
            Case(ElementFailure.indexNotNumber(type: "true or false"), .type, "an index must be a number, not true or false"),
            Case(ElementFailure.nameIndexOnList, .type, "an index must be a number, not a string",
                 note: "names index records, lists of records and tables"),
            Case(ElementFailure.cannotIndexByName(type: "a range"), .type, "cannot index a range by name",
                 note: "names index records, lists of records and tables"),
            Case(ElementFailure.fractionalIndex(0.5), .value, "an index must be a whole number, not 0.5"),
            Case(ElementFailure.indexOutOfRange(-4, type: "a list", count: 3), .value, "index -4 is out of range for a list of length 3"),
            Case(ElementFailure.empty(container: "list"), .value, "the list is empty"),
            Case(ElementFailure.empty(container: "range"), .value, "the range is empty"),
            Case(ElementFailure.unsortable, .type, "only a list of numbers or of strings can be sorted"),
        ])
    }

    @Test func anInterruptionNamesWhatItKept() {
        expectRendering([
            Case(Interruption(kept: []), .interrupted, "interrupted by the user"),
            Case(Interruption(kept: ["m", "run"]), .interrupted, "interrupted by the user; m, run kept what finished before the interrupt"),
        ])
    }

    @Test func aFailureKeepsTheRangeItIsThrownAt() {
        let range = SourceRange(offset: 4, line: 1, column: 5, length: 3)
        #expect(FinchError(OperationFailure.divisionByZero, at: range) == FinchError(.value, "division by zero", at: range))
    }
}
