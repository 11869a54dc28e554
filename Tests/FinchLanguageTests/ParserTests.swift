@testable import FinchLanguage
import Testing

@Suite struct ParserTests {
    private let commands = CommandTable(CommandTable.standard.all + [Harness.train])

    private func parse(_ source: String) throws -> [Stmt] {
        try Parser.parse(source, commands: commands)
    }

    /// The command call of a statement `source`, whether bare or assigned.
    private func command(_ source: String) throws -> CommandCall? {
        let statements = try parse(source)
        switch statements.first?.kind {
        case .expression(let expr), .assign(_, let expr):
            if case .command(let call) = expr.kind { return call }
        default: break
        }
        return nil
    }

    private func labels(_ call: CommandCall?) -> [String?] {
        call?.arguments.map { $0.label?.text } ?? []
    }

    @Test func juxtaposedValuesArePositionalArguments() throws {
        let call = try command(#"print "loss" 0.5"#)
        #expect(call?.arguments.map(\.value.kind) == [.string("loss"), .number(0.5)])
    }

    @Test func operatorsJoinAnArgument() throws {
        let call = try command("print x + 1 y")
        #expect(call?.arguments.count == 2)
    }

    @Test func keywordArgumentsHaveLabels() throws {
        #expect(labels(try command(#"print "x" sep: ", " end: "!""#)) == [nil, "sep", "end"])
    }

    @Test func prepositionsLabelTheirValue() throws {
        #expect(labels(try command("train gpt on text steps: 5")) == [nil, "on", "steps"])
    }

    @Test func aSpaceBeforeABracketStartsANewArgument() throws {
        #expect(try command("print xs [0]")?.arguments.count == 2)
    }

    @Test func aBracketRightAfterAValueIndexesIt() throws {
        #expect(try command("print xs[0]")?.arguments.count == 1)
    }

    @Test func aKeywordCanBeAWordArgument() throws {
        #expect(try command("help for")?.arguments.map(\.value.kind) == [.variable("for")])
    }

    @Test func aWordOnlyActsAsPrepositionForItsCommand() throws {
        #expect(labels(try command("print on")) == [nil])
    }

    @Test func aLineStartingWithALabelContinuesTheCommand() throws {
        let call = try command("pre = train gpt on text steps: 2000\n      schedule: cosine\nx = 1")
        #expect(labels(call) == [nil, "on", "steps", "schedule"])
        #expect(try parse("pre = train gpt on text steps: 2000\n      schedule: cosine\nx = 1").count == 2)
    }

    @Test func aCommandEndsAtTheLineEnd() throws {
        #expect(try parse("print 1\nprint 2").count == 2)
    }

    @Test func aCommandStatementSpansItsArguments() throws {
        let statements = try parse("print 1 sep: \"-\"")
        #expect(statements.first?.range == SourceRange(offset: 0, line: 1, column: 1, length: 16))
    }

    @Test func aCommandTakesItsBlock() throws {
        let call = try command("repeat 2 {\n print 1\n print 2\n}")
        #expect(call?.block?.count == 2)
    }

    @Test func aCommandCanBeAssigned() throws {
        let statements = try parse("r = train m on d")
        guard case .assign(let names, let expr) = statements.first?.kind else { Issue.record("not an assignment"); return }
        #expect(names.map(\.text) == ["r"])
        if case .command(let call) = expr.kind { #expect(call.name.text == "train") } else { Issue.record("not a command") }
    }

    @Test func parenthesesAfterACommandAreAnArgument() throws {
        #expect(try command("print(1)")?.arguments.map(\.value.kind) == [.number(1)])
    }

    @Test func precedenceShapesTheTree() throws {
        let statements = try parse("1 + 2 * 3")
        let one = Expr(.number(1), SourceRange(offset: 0, line: 1, column: 1, length: 1))
        guard case .expression(let expr) = statements.first?.kind,
              case .binary(.add, let left, let right) = expr.kind,
              case .binary(.multiply, _, _) = right.kind else {
            Issue.record("unexpected tree")
            return
        }
        #expect(left == one)
    }

    @Test func rangesBindLooserThanArithmetic() throws {
        guard case .expression(let expr) = try parse("0..<n - 1").first?.kind,
              case .range(_, let upper, inclusive: false) = expr.kind else {
            Issue.record("not a range")
            return
        }
        #expect(upper.depth == 2)
    }

    @Test func callsTakeLabels() throws {
        guard case .expression(let expr) = try parse("round(x, digits: 2)").first?.kind,
              case .call(let name, let arguments) = expr.kind else {
            Issue.record("not a call")
            return
        }
        #expect(name.text == "round")
        #expect(arguments.map { $0.label?.text } == [nil, "digits"])
    }

    @Test func destructuringNamesEveryTarget() throws {
        guard case .assign(let names, _) = try parse("a, b, c = xs").first?.kind else {
            Issue.record("not an assignment")
            return
        }
        #expect(names.map(\.text) == ["a", "b", "c"])
    }

    @Test func anExpressionAloneParses() throws {
        #expect(try Parser.parseExpression(" x.length \n", commands: commands).kind
                == .property(Expr(.variable("x"), SourceRange(offset: 1, line: 1, column: 2, length: 1)),
                             Name(text: "length", range: SourceRange(offset: 3, line: 1, column: 4, length: 6))))
    }

    @Test func anExpressionAloneRejectsMore() {
        #expect(throws: FinchError(.syntax, "expected the end of the expression, found 'y'",
                                   at: SourceRange(offset: 2, line: 1, column: 3, length: 1))) {
            try Parser.parseExpression("x y", commands: commands)
        }
    }
}
