/// Why source text could not be read (the lexer) or does not follow the grammar (the parser).
enum SyntaxFailure: LanguageFailure, Equatable, Sendable {
    /// What the parser looked for where it found something else.
    enum Expectation: Equatable, Sendable {
        /// Nothing more after the one expression of an expression source.
        case endOfExpression
        /// A new line or `;` closing a statement.
        case endOfStatement
        /// A name on the left of `=`.
        case assignmentTarget
        /// The `=` after the names to assign.
        case assignmentEquals
        /// The `in` of a `for` loop.
        case loopIn
        /// The `{` of a block.
        case blockStart
        /// The `]` of an index.
        case indexEnd
        /// The `)` of a parenthesised expression.
        case closingParenthesis
        /// The `,` or `]` after an element of a list.
        case listSeparator
        /// The `,` or `)` after an argument of a call.
        case argumentSeparator
        /// Any expression.
        case expression
        /// A name after the token `after`, such as `for` or `.`.
        case name(after: TokenKind)

        /// What was expected, as in `'{' to start a block`.
        var description: String {
            switch self {
            case .endOfExpression: "the end of the expression"
            case .endOfStatement: "a new line or ';' after the statement"
            case .assignmentTarget: "a name to assign to"
            case .assignmentEquals: "'=' after the names to assign"
            case .loopIn: "'in' after the loop variable"
            case .blockStart: "'{' to start a block"
            case .indexEnd: "']' after the index"
            case .closingParenthesis: "')' to close '('"
            case .listSeparator: "',' or ']' in the list"
            case .argumentSeparator: "',' or ')' in the arguments"
            case .expression: "an expression"
            case .name(let after): "a name after \(after.description)"
            }
        }
    }

    /// A character that starts no token.
    case unexpectedCharacter(Unicode.Scalar)
    /// A number whose exponent has no digits, as `1e`.
    case exponentWithoutDigits(spelling: String)
    /// A number Swift cannot read.
    case malformedNumber(spelling: String)
    /// A backslash escape Finch does not know.
    case unknownEscape(spelling: String)
    /// A string whose closing quote never came.
    case unterminatedString
    /// Something other than what the grammar allows at this point.
    case expected(Expectation, found: TokenKind)
    /// A `}` with no block open.
    case strayClosingBrace
    /// `MODEL with head …` written as a statement, where a copy is meant.
    case headWithoutCopy(model: String)
    /// An assignment to the name of a command.
    case assignmentToCommand(name: String)
    /// `=` after an expression that is not a name.
    case assignmentToExpression
    /// A block still open at the end of the cell; it opened at `line`:`column`.
    case unclosedBlock(line: Int, column: Int)
    /// A block after a command that takes none.
    case blockNotTaken(command: String)
    /// A command that needs a block, written without one.
    case blockRequired(command: String)
    /// A command with arguments written inside brackets, where only expressions go.
    case commandInExpression(name: String)
    /// Brackets, blocks and prefix operators nested deeper than `limit`.
    case tooDeeplyNested(limit: Int)
    /// An expression tree taller than `limit`.
    case expressionTooDeep(limit: Int)

    /// Always ``ErrorKind/syntax``.
    var kind: ErrorKind { .syntax }

    /// What is wrong with the source.
    var message: String {
        switch self {
        case .unexpectedCharacter(let character): "unexpected character '\(character)'"
        case .exponentWithoutDigits(let spelling), .malformedNumber(let spelling): "malformed number '\(spelling)'"
        case .unknownEscape(let spelling): "unknown escape sequence '\(spelling)'"
        case .unterminatedString: "unterminated string"
        case let .expected(expectation, found): "expected \(expectation.description), found \(found.description)"
        case .strayClosingBrace: "unexpected '}' with no open block"
        case .headWithoutCopy(let model): "a model with a new head is a copy: write 'copy \(model) head: …'"
        case .assignmentToCommand(let name): "cannot assign to '\(name)': it is a command"
        case .assignmentToExpression: "only names can be assigned to"
        case .unclosedBlock: "expected '}' to close the block"
        case .blockNotTaken(let command): "'\(command)' does not take a block"
        case .blockRequired(let command): "'\(command)' needs a block '{ … }'"
        case .commandInExpression(let name): "'\(name)' is a command: it starts a statement and cannot be part of an expression"
        case .tooDeeplyNested(let limit): "too deeply nested (more than \(limit) levels)"
        case .expressionTooDeep(let limit): "expression too deeply nested (more than \(limit) levels)"
        }
    }

    /// How to write it instead, where there is one thing to say.
    var note: String? {
        switch self {
        case .unexpectedCharacter(let character): character == "!" ? "use 'not' to negate" : nil
        case .exponentWithoutDigits: "an exponent needs digits, as in 1e-3"
        case .unknownEscape: "use \\n, \\t, \\\", \\\\ or \\u{…}"
        case .unterminatedString: "add a closing '\"'"
        case .headWithoutCopy(let model): "e.g. copy \(model) head: classify(classes: 2, pool: mean)"
        case let .unclosedBlock(line, column): "the block opened at \(line):\(column)"
        case .commandInExpression(let name): "give its value a name first: x = \(name) …"
        case .malformedNumber, .expected, .strayClosingBrace, .assignmentToCommand, .assignmentToExpression, .blockNotTaken,
             .blockRequired, .tooDeeplyNested, .expressionTooDeep: nil
        }
    }
}
