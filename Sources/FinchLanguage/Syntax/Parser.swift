/// Turns tokens into statements (jlox's Parser: one method per grammar rule).
///
/// ```
/// program    → statement* END
/// statement  → ( forLoop | ifElse | assignment | command | expression ) ( NEWLINE | ';' )
/// assignment → NAME ( ',' NAME )* '=' ( command | expression )
/// command    → COMMAND ( NAME ':' expression | PREPOSITION expression | expression )* block?
/// forLoop    → 'for' NAME 'in' expression block
/// ifElse     → 'if' expression block ( 'else' ( ifElse | block ) )?
/// block      → '{' statement* '}'
/// ```
///
/// A command's arguments end at the end of the line, unless the next line starts with `word:`,
/// which continues the command. An index's `[` and a call's `(` must follow without a space, so
/// `print xs [0]` has two arguments. The parser stops at the first error.
struct Parser {
    /// How deeply brackets, blocks and prefix operators may nest.
    static let maxNesting = 64
    /// How tall an expression tree may grow, e.g. through a long chain of `+`.
    static let maxDepth = 256

    private let tokens: [Token]
    private let commands: CommandTable
    private var current = 0
    private var nesting = 0
    /// Open `(` and `[` around the expression being parsed: inside them a command cannot start.
    private var brackets = 0

    /// A parser over `tokens` (ending with `.end`) that knows `commands`.
    init(tokens: [Token], commands: CommandTable) {
        self.tokens = tokens
        self.commands = commands
    }

    /// Parses a cell's source into statements.
    static func parse(_ source: String, commands: CommandTable) throws(FinchError) -> [Stmt] {
        var parser = try Parser(source: source, commands: commands)
        return try parser.program()
    }

    /// Parses source holding exactly one expression.
    static func parseExpression(_ source: String, commands: CommandTable) throws(FinchError) -> Expr {
        var parser = try Parser(source: source, commands: commands)
        parser.skipSeparators()
        let expr = try parser.expression()
        parser.skipSeparators()
        guard parser.check(.end) else {
            throw parser.error(.expected(.endOfExpression, found: parser.peek.kind), at: parser.peek)
        }
        return expr
    }

    private init(source: String, commands: CommandTable) throws(FinchError) {
        let scan = Lexer.scan(source)
        if let problem = scan.problems.first { throw problem.error }
        self.init(tokens: scan.tokens, commands: commands)
    }

    // MARK: Statements

    /// Parses statements until the end of the tokens.
    mutating func program() throws(FinchError) -> [Stmt] {
        var statements: [Stmt] = []
        skipSeparators()
        while !check(.end) {
            if check(.rightBrace) { throw error(.strayClosingBrace, at: peek) }
            statements.append(try statement())
            skipSeparators()
        }
        return statements
    }

    private mutating func statement() throws(FinchError) -> Stmt {
        let statement: Stmt
        switch peek.kind {
        case .keyword(.for): statement = try forLoop()
        case .keyword(.if): statement = try ifElse()
        case .identifier where assignmentAhead(): statement = try assignment()
        default: statement = try expressionStatement()
        }
        try endOfStatement()
        return statement
    }

    private mutating func endOfStatement() throws(FinchError) {
        if match(.newline) || match(.semicolon) || check(.rightBrace) || check(.end) { return }
        if peek.kind.identifier == "with", kind(at: current + 1).identifier == "head" {
            let model = previous.kind.identifier ?? "MODEL"
            throw error(.headWithoutCopy(model: model), at: peek)
        }
        throw error(.expected(.endOfStatement, found: peek.kind), at: peek)
    }

    private func assignmentAhead() -> Bool {
        var index = current
        while kind(at: index).identifier != nil {
            switch kind(at: index + 1) {
            case .equal: return true
            case .comma: index += 2
            default: return false
            }
        }
        return false
    }

    private mutating func assignment() throws(FinchError) -> Stmt {
        var targets: [Name] = []
        repeat {
            let token = peek
            guard let name = token.kind.identifier else {
                throw error(.expected(.assignmentTarget, found: token.kind), at: token)
            }
            if commands[name] != nil {
                throw error(.assignmentToCommand(name: name), at: token)
            }
            advance()
            targets.append(Name(text: name, range: token.range))
        } while match(.comma)
        try consume(.equal, .assignmentEquals)
        let value = try commandOrExpression()
        return Stmt(kind: .assign(targets, value), range: targets[0].range.through(value.range))
    }

    private mutating func expressionStatement() throws(FinchError) -> Stmt {
        let expr = try commandOrExpression()
        if case .variable(let name) = expr.kind, startsArgument(peek) {
            throw FinchError(NameFailure.unknownCommand(name, commands: commands.names), at: expr.range)
        }
        if check(.equal) {
            throw FinchError(SyntaxFailure.assignmentToExpression, at: expr.range)
        }
        return Stmt(kind: .expression(expr), range: expr.range)
    }

    private mutating func commandOrExpression() throws(FinchError) -> Expr {
        if let name = peek.kind.identifier, let command = commands[name] {
            return try commandCall(command)
        }
        return try expression()
    }

    private mutating func forLoop() throws(FinchError) -> Stmt {
        let start = advance()
        let variable = try name(after: .keyword(.for))
        try consume(.keyword(.in), .loopIn)
        let iterable = try expression()
        let body = try block()
        return Stmt(kind: .forLoop(variable, iterable, body), range: start.range.through(previous.range))
    }

    private mutating func ifElse() throws(FinchError) -> Stmt {
        let start = advance()
        let condition = try expression()
        let then = try block()
        var otherwise: [Stmt] = []
        if check(.newline), kind(at: current + 1) == .keyword(.else) { advance() }
        if match(.keyword(.else)) {
            if check(.keyword(.if)) {
                try enter()
                otherwise = [try ifElse()]
                nesting -= 1
            } else {
                otherwise = try block()
            }
        }
        return Stmt(kind: .ifElse(condition, then, otherwise), range: start.range.through(previous.range))
    }

    private mutating func block() throws(FinchError) -> [Stmt] {
        let open = peek
        try consume(.leftBrace, .blockStart)
        try enter()
        defer { nesting -= 1 }
        var statements: [Stmt] = []
        skipSeparators()
        while !check(.rightBrace) {
            if check(.end) {
                throw error(.unclosedBlock(line: open.range.line, column: open.range.column), at: peek)
            }
            statements.append(try statement())
            skipSeparators()
        }
        advance()
        return statements
    }

    // MARK: Commands

    private mutating func commandCall(_ command: Command) throws(FinchError) -> Expr {
        let nameToken = advance()
        var arguments: [Argument] = []
        var last = nameToken.range
        while true {
            if check(.newline), continuesCommand(at: current + 1) {
                advance()
                continue
            }
            if endsArguments(peek) { break }
            var label: Name?
            if let word = peek.kind.identifier, kind(at: current + 1) == .colon {
                label = Name(text: word, range: advance().range)
                advance()
            } else if let word = peek.kind.identifier, command.prepositions.contains(where: { $0.name == word }) {
                label = Name(text: word, range: advance().range)
            }
            let value = try argument()
            arguments.append(Argument(label: label, value: value))
            last = value.range
        }
        var body: [Stmt]?
        if check(.leftBrace) {
            guard command.block != .none else { throw error(.blockNotTaken(command: command.name), at: peek) }
            body = try block()
            last = previous.range
        } else if command.block == .required {
            throw error(.blockRequired(command: command.name), at: peek)
        }
        let call = CommandCall(name: Name(text: command.name, range: nameToken.range), arguments: arguments, block: body)
        return Expr(.command(call), nameToken.range.through(last))
    }

    /// A command argument: an expression, or a keyword taken as a bare word (as in `help for`).
    private mutating func argument() throws(FinchError) -> Expr {
        switch peek.kind {
        case .keyword(let keyword) where ![.true, .false, .none, .not].contains(keyword):
            return Expr(.variable(keyword.rawValue), advance().range)
        default:
            return try expression()
        }
    }

    private func continuesCommand(at index: Int) -> Bool {
        kind(at: index).identifier != nil && kind(at: index + 1) == .colon
    }

    private func endsArguments(_ token: Token) -> Bool {
        switch token.kind {
        case .newline, .semicolon, .rightBrace, .leftBrace, .end: true
        default: false
        }
    }

    private func startsArgument(_ token: Token) -> Bool {
        switch token.kind {
        case .number, .string, .identifier, .leftBracket,
             .keyword(.true), .keyword(.false), .keyword(.none), .keyword(.not): true
        default: false
        }
    }

    // MARK: Expressions

    /// Parses one expression, lowest precedence first.
    mutating func expression() throws(FinchError) -> Expr {
        try enter()
        defer { nesting -= 1 }
        return try or()
    }

    private mutating func or() throws(FinchError) -> Expr {
        var left = try and()
        while match(.keyword(.or)) {
            let right = try and()
            left = try make(.logical(.or, left, right), left.range.through(right.range))
        }
        return left
    }

    private mutating func and() throws(FinchError) -> Expr {
        var left = try not()
        while match(.keyword(.and)) {
            let right = try not()
            left = try make(.logical(.and, left, right), left.range.through(right.range))
        }
        return left
    }

    private mutating func not() throws(FinchError) -> Expr {
        guard check(.keyword(.not)) else { return try comparison() }
        let start = advance()
        try enter()
        defer { nesting -= 1 }
        let operand = try not()
        return try make(.not(operand), start.range.through(operand.range))
    }

    private mutating func comparison() throws(FinchError) -> Expr {
        var left = try range()
        while let op = binaryOperator([.equalEqual: .equal, .bangEqual: .notEqual, .less: .less,
                                       .lessEqual: .lessEqual, .greater: .greater, .greaterEqual: .greaterEqual]) {
            let right = try range()
            left = try make(.binary(op, left, right), left.range.through(right.range))
        }
        return left
    }

    private mutating func range() throws(FinchError) -> Expr {
        let lower = try additive()
        guard check(.dotDot) || check(.dotDotLess) else { return lower }
        let inclusive = advance().kind == .dotDot
        let upper = try additive()
        return try make(.range(lower, upper, inclusive: inclusive), lower.range.through(upper.range))
    }

    private mutating func additive() throws(FinchError) -> Expr {
        var left = try multiplicative()
        while let op = binaryOperator([.plus: .add, .minus: .subtract]) {
            let right = try multiplicative()
            left = try make(.binary(op, left, right), left.range.through(right.range))
        }
        return left
    }

    private mutating func multiplicative() throws(FinchError) -> Expr {
        var left = try unary()
        while let op = binaryOperator([.star: .multiply, .slash: .divide, .percent: .remainder]) {
            let right = try unary()
            left = try make(.binary(op, left, right), left.range.through(right.range))
        }
        return left
    }

    private mutating func unary() throws(FinchError) -> Expr {
        guard check(.minus) else { return try power() }
        let start = advance()
        try enter()
        defer { nesting -= 1 }
        let operand = try unary()
        return try make(.negate(operand), start.range.through(operand.range))
    }

    private mutating func power() throws(FinchError) -> Expr {
        let base = try postfix()
        guard match(.caret) else { return base }
        let exponent = try unary()
        return try make(.binary(.power, base, exponent), base.range.through(exponent.range))
    }

    private mutating func postfix() throws(FinchError) -> Expr {
        var expr = try primary()
        while true {
            if match(.dot) {
                let property = try name(after: .dot)
                expr = try make(.property(expr, property), expr.range.through(property.range))
            } else if check(.leftBracket), adjoinsPrevious() {
                advance()
                let index = try expression()
                try consume(.rightBracket, .indexEnd)
                expr = try make(.index(expr, index), expr.range.through(previous.range))
            } else {
                return expr
            }
        }
    }

    private mutating func primary() throws(FinchError) -> Expr {
        let token = peek
        switch token.kind {
        case .number(let value): advance(); return Expr(.number(value), token.range)
        case .string(let text): advance(); return Expr(.string(text), token.range)
        case .keyword(.true): advance(); return Expr(.bool(true), token.range)
        case .keyword(.false): advance(); return Expr(.bool(false), token.range)
        case .keyword(.none): advance(); return Expr(.none, token.range)
        case .identifier(let name):
            advance()
            if brackets > 0, let command = commands[name], !command.readsAsValue, startsArgument(peek) {
                throw error(.commandInExpression(name: name), at: token)
            }
            guard check(.leftParen), adjoinsPrevious() else { return Expr(.variable(name), token.range) }
            advance()
            let arguments = try callArguments()
            return try make(.call(Name(text: name, range: token.range), arguments), token.range.through(previous.range))
        case .leftParen:
            advance()
            brackets += 1
            defer { brackets -= 1 }
            let inner = try expression()
            try consume(.rightParen, .closingParenthesis)
            return try make(inner.kind, token.range.through(previous.range))
        case .leftBracket:
            advance()
            brackets += 1
            defer { brackets -= 1 }
            var elements: [Expr] = []
            while !check(.rightBracket) {
                elements.append(try expression())
                guard match(.comma) else { break }
            }
            try consume(.rightBracket, .listSeparator)
            return try make(.list(elements), token.range.through(previous.range))
        default:
            throw error(.expected(.expression, found: token.kind), at: token)
        }
    }

    private mutating func callArguments() throws(FinchError) -> [Argument] {
        brackets += 1
        defer { brackets -= 1 }
        var arguments: [Argument] = []
        while !check(.rightParen) {
            var label: Name?
            if let word = peek.kind.identifier, kind(at: current + 1) == .colon {
                label = Name(text: word, range: advance().range)
                advance()
            }
            arguments.append(Argument(label: label, value: try expression()))
            guard match(.comma) else { break }
        }
        try consume(.rightParen, .argumentSeparator)
        return arguments
    }

    // MARK: Helpers

    private mutating func make(_ kind: ExprKind, _ range: SourceRange) throws(FinchError) -> Expr {
        let expr = Expr(kind, range)
        guard expr.depth <= Parser.maxDepth else {
            throw FinchError(SyntaxFailure.expressionTooDeep(limit: Parser.maxDepth), at: range)
        }
        return expr
    }

    private mutating func enter() throws(FinchError) {
        nesting += 1
        guard nesting <= Parser.maxNesting else {
            throw error(.tooDeeplyNested(limit: Parser.maxNesting), at: peek)
        }
    }

    private mutating func binaryOperator(_ table: [TokenKind: BinaryOperator]) -> BinaryOperator? {
        guard let op = table[peek.kind] else { return nil }
        advance()
        return op
    }

    private mutating func name(after token: TokenKind) throws(FinchError) -> Name {
        guard let text = peek.kind.identifier else {
            throw error(.expected(.name(after: token), found: peek.kind), at: peek)
        }
        return Name(text: text, range: advance().range)
    }

    mutating func skipSeparators() {
        while check(.newline) || check(.semicolon) { current += 1 }
    }

    private var peek: Token { tokens[current] }

    /// Whether the next token follows the previous one without a space, as the `[` of an index
    /// and the `(` of a call must: `print xs [0]` passes two arguments.
    private func adjoinsPrevious() -> Bool { current > 0 && previous.range.end == peek.range.offset }

    private func kind(at index: Int) -> TokenKind { index < tokens.count ? tokens[index].kind : .end }

    private var previous: Token { tokens[current - 1] }

    private func check(_ kind: TokenKind) -> Bool { peek.kind == kind }

    private mutating func match(_ kind: TokenKind) -> Bool {
        guard check(kind) else { return false }
        current += 1
        return true
    }

    @discardableResult
    private mutating func advance() -> Token {
        defer { if peek.kind != .end { current += 1 } }
        return peek
    }

    private mutating func consume(_ kind: TokenKind, _ expectation: SyntaxFailure.Expectation) throws(FinchError) {
        guard match(kind) else { throw error(.expected(expectation, found: peek.kind), at: peek) }
    }

    private func error(_ failure: SyntaxFailure, at token: Token) -> FinchError {
        FinchError(failure, at: token.range)
    }
}
