/// Double-quoted string literals with backslash escapes, as JSON writes them and as Finch, whose
/// strings escape the same characters, does too.
///
/// The two differ only in how they spell a control character that has no short escape: JSON as
/// `\b`, `\f` or `\u00XX` (``jsonControl(_:)``), Finch as `\u{X}`. The caller says which.
public enum StringQuoting {
    /// `text` in double quotes with `"`, `\`, newline, tab and carriage return escaped, and every
    /// other control character (below U+0020) written as `control` says.
    public static func quoted(_ text: String, control: (Unicode.Scalar) -> String = jsonControl) -> String {
        var output = ""
        write(text, to: &output, control: control)
        return output
    }

    /// JSON's spelling of a control character: `\b`, `\f`, or `\u` and four lowercase hex digits.
    public static func jsonControl(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\u{08}": return "\\b"
        case "\u{0C}": return "\\f"
        default:
            let hex = String(scalar.value, radix: 16)
            return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }

    /// Appends ``quoted(_:control:)`` of `text` to `output`.
    static func write(_ text: String, to output: inout String, control: (Unicode.Scalar) -> String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            case let other where other.value < 0x20: output += control(other)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
