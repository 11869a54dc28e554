/// Why a JSON text could not be read, and the byte offset where reading stopped.
public struct JSONParseError: Error, Equatable, CustomStringConvertible {
    /// What was wrong at ``offset``.
    public enum Reason: Sendable, Equatable, CustomStringConvertible {
        /// The text ended inside a value (or held none).
        case unexpectedEnd
        /// Something other than white space follows the document.
        case trailingData
        /// Arrays and objects nest deeper than ``JSONValue/maximumDepth``.
        case nestedTooDeeply
        /// A character that cannot start a value.
        case unexpectedCharacter
        /// A word starting like `true`, `false` or `null` that is not one of them.
        case invalidLiteral
        /// An object member that does not start with a string key.
        case expectedKey
        /// An object key not followed by `:`.
        case expectedColon
        /// An object member not followed by `,` or `}`.
        case expectedCommaOrBrace
        /// An array element not followed by `,` or `]`.
        case expectedCommaOrBracket
        /// A number with no digit before its fraction or exponent (`-`, `-x`).
        case expectedDigit
        /// A number with no digit after its `.` (`1.`).
        case expectedFractionDigit
        /// A number with no digit in its exponent (`1e`, `1e+`).
        case expectedExponentDigit
        /// A number that does not fit a `Double`.
        case invalidNumber
        /// A raw control character (below U+0020) inside a string; JSON wants it escaped.
        case controlCharacterInString
        /// A string without its closing quote.
        case unterminatedString
        /// A backslash at the very end of the text.
        case unterminatedEscape
        /// A backslash followed by a character JSON does not know as an escape.
        case invalidEscape
        /// A `\u` escape with fewer than four characters left.
        case unterminatedUnicodeEscape
        /// A `\u` escape with a character that is not a hexadecimal digit.
        case invalidHexDigit
        /// The caller asked reading to stop (``JSONValue/parse(_:stoppingWhen:)``).
        case stopped

        /// The reason in words.
        public var description: String {
            switch self {
            case .unexpectedEnd: "unexpected end of input"
            case .trailingData: "unexpected data after the document"
            case .nestedTooDeeply: "nested too deeply"
            case .unexpectedCharacter: "unexpected character"
            case .invalidLiteral: "invalid literal"
            case .expectedKey: "expected a string key"
            case .expectedColon: "expected ':'"
            case .expectedCommaOrBrace: "expected ',' or '}'"
            case .expectedCommaOrBracket: "expected ',' or ']'"
            case .expectedDigit: "expected a digit"
            case .expectedFractionDigit: "expected a digit after '.'"
            case .expectedExponentDigit: "expected a digit in the exponent"
            case .invalidNumber: "invalid number"
            case .controlCharacterInString: "control character in string"
            case .unterminatedString: "unterminated string"
            case .unterminatedEscape: "unterminated escape"
            case .invalidEscape: "invalid escape"
            case .unterminatedUnicodeEscape: "unterminated \\u escape"
            case .invalidHexDigit: "invalid hex digit in \\u escape"
            case .stopped: "stopped on request"
            }
        }
    }

    /// What was wrong.
    public let reason: Reason
    /// The byte offset in the input (0-based) where reading stopped.
    public let offset: Int

    /// An error for `reason` at byte `offset`.
    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    /// `invalid JSON at byte N: reason`.
    public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}
