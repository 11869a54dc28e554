extension JSONValue {
    /// Nesting of arrays and objects deeper than this is refused, so a hostile message cannot exhaust the stack.
    public static let maximumDepth = 512

    /// Parses one JSON document (RFC 8259) from UTF-8 bytes; anything after it but white space is an error.
    @inlinable
    public static func parse<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws(JSONParseError) -> JSONValue {
        try parse(array: Array(bytes))
    }

    /// Parses one JSON document from text.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(array: Array(text.utf8))
    }

    /// Parses `bytes` as ``parse(_:)-(Bytes)`` does, asking `shouldStop` every
    /// ``JSONParser/valuesPerQuestion`` values; when it answers true, reading ends with
    /// ``JSONParseError/Reason/stopped`` (so a user can interrupt reading a header of millions of values).
    public static func parse(_ bytes: [UInt8], stoppingWhen shouldStop: () -> Bool) throws(JSONParseError) -> JSONValue {
        try withoutActuallyEscaping(shouldStop) { (shouldStop) throws(JSONParseError) in
            try parse(array: bytes, shouldStop: shouldStop)
        }
    }

    /// Parses the bytes of `array`; the one non-generic entry the others call.
    @usableFromInline
    static func parse(array: [UInt8], shouldStop: (() -> Bool)? = nil) throws(JSONParseError) -> JSONValue {
        try array.withUnsafeBufferPointer { buffer throws(JSONParseError) in
            var parser = JSONParser(bytes: buffer, shouldStop: shouldStop)
            return try parser.parseDocument()
        }
    }
}

/// A recursive-descent reader over UTF-8 bytes.
struct JSONParser {
    /// How many values are read between two questions to `shouldStop`.
    static let valuesPerQuestion = 16_384

    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    private let shouldStop: (() -> Bool)?
    private var valuesRead = 0

    init(bytes: UnsafeBufferPointer<UInt8>, shouldStop: (() -> Bool)? = nil) {
        self.bytes = bytes
        self.shouldStop = shouldStop
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        let value = try parseValue(depth: 0)
        skipWhitespace()
        guard position == bytes.count else { throw failure(.trailingData) }
        return value
    }

    private func failure(_ reason: JSONParseError.Reason) -> JSONParseError {
        JSONParseError(reason, at: position)
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth < JSONValue.maximumDepth else { throw failure(.nestedTooDeeply) }
        valuesRead += 1
        if valuesRead % Self.valuesPerQuestion == 0, let shouldStop, shouldStop() { throw failure(.stopped) }
        skipWhitespace()
        guard position < bytes.count else { throw failure(.unexpectedEnd) }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw failure(.unexpectedCharacter)
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw failure(.unexpectedEnd) }
        for index in 0..<count where bytes[position + index] != literal.utf8Start[index] {
            throw failure(.invalidLiteral)
        }
        position += count
    }

    private mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
        position += 1
        var object = JSONObject.Builder()
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(object.finished)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw failure(.expectedKey)
            }
            let key = try parseString()
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw failure(.expectedColon) }
            position += 1
            do { object.set(key, try parseValue(depth: depth + 1)) } catch {
                if error.reason == .stopped { BackgroundRelease.drop(consume object) }
                throw error
            }
            if try endsContainer(UInt8(ascii: "}"), otherwise: .expectedCommaOrBrace) { return .object(object.finished) }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            do { elements.append(try parseValue(depth: depth + 1)) } catch {
                if error.reason == .stopped { BackgroundRelease.drop(consume elements) }
                throw error
            }
            if try endsContainer(UInt8(ascii: "]"), otherwise: .expectedCommaOrBracket) { return .array(elements) }
        }
    }

    /// After a member or element, consumes `,` (false: another follows) or `closing` (true: the container ends).
    private mutating func endsContainer(_ closing: UInt8, otherwise reason: JSONParseError.Reason) throws(JSONParseError) -> Bool {
        skipWhitespace()
        guard position < bytes.count else { throw failure(.unexpectedEnd) }
        switch bytes[position] {
        case UInt8(ascii: ","): position += 1; return false
        case closing: position += 1; return true
        default: throw failure(reason)
        }
    }

    private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = position
        var isInteger = true
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        if position < bytes.count, bytes[position] == UInt8(ascii: "0") {
            position += 1  // A leading zero stands alone: `01` is `0` followed by stray data.
        } else {
            guard consumeDigits() > 0 else { throw failure(.expectedDigit) }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard consumeDigits() > 0 else { throw failure(.expectedFractionDigit) }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard consumeDigits() > 0 else { throw failure(.expectedExponentDigit) }
        }
        let text = text(from: start, to: position)
        if isInteger, let integer = Int(text) { return .int(integer) }
        guard let number = Double(text) else { throw failure(.invalidNumber) }
        return .double(number)
    }

    private mutating func consumeDigits() -> Int {
        let start = position
        while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
            position += 1
        }
        return position - start
    }

    /// Reads a string after its opening quote. A string without escapes becomes a `String` straight
    /// from its bytes, one with escapes is decoded into a `String` of its escaped length: either
    /// way the work is linear in the string's length, whatever it holds.
    private mutating func parseString() throws(JSONParseError) -> String {
        position += 1
        let start = position
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\""):
                let value = text(from: start, to: position)
                position += 1
                return value
            case UInt8(ascii: "\\"):
                return try parseEscapedString(from: start)
            case 0..<0x20:
                throw failure(.controlCharacterInString)
            default:
                position += 1
            }
        }
        throw failure(.unterminatedString)
    }

    /// The rest of a string from its first escape (at `position`); `start` is its first byte.
    ///
    /// Decoding never lengthens a string (`\n` is 2 bytes for 1, `\u00e9` 6 for 2), so the text is
    /// decoded straight into a `String` of the escaped length: one allocation, no copy.
    private mutating func parseEscapedString(from start: Int) throws(JSONParseError) -> String {
        let end = closingQuote()
        var failure: JSONParseError?
        let text = String(unsafeUninitializedCapacity: end - start) { output in
            var count = position - start
            _ = output.initialize(fromContentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
            while position < end {
                let byte = bytes[position]
                if byte < 0x20 {
                    failure = self.failure(.controlCharacterInString)
                    return count
                }
                position += 1
                if byte != UInt8(ascii: "\\") {
                    output[count] = byte
                    count += 1
                    continue
                }
                let scalar: Unicode.Scalar
                do throws(JSONParseError) { scalar = try parseEscape() } catch {
                    failure = error
                    return count
                }
                UTF8.encode(scalar) { unit in
                    output[count] = unit
                    count += 1
                }
            }
            return count
        }
        if let failure { throw failure }
        guard end < bytes.count else { throw self.failure(.unterminatedString) }
        position = end + 1
        return text
    }

    /// The offset of the quote that ends the string being read, skipping escaped characters, or
    /// the end of the input when there is none.
    private func closingQuote() -> Int {
        var index = position
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""): return index
            case UInt8(ascii: "\\"): index += 2
            default: index += 1
            }
        }
        return bytes.count
    }

    /// The bytes `start..<end` as text; ill-formed UTF-8 reads as U+FFFD.
    private func text(from start: Int, to end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    private mutating func parseEscape() throws(JSONParseError) -> Unicode.Scalar {
        guard position < bytes.count else { throw failure(.unterminatedEscape) }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try parseHex4()
            if (0xD800..<0xDC00).contains(unit) {
                // A high surrogate must be followed by an escaped low surrogate (RFC 8259 §7).
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                      bytes[position + 1] == UInt8(ascii: "u") else { return "\u{FFFD}" }
                position += 2
                let low = try parseHex4()
                guard (0xDC00..<0xE000).contains(low) else { return "\u{FFFD}" }
                let combined = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                return Unicode.Scalar(combined) ?? "\u{FFFD}"
            }
            return Unicode.Scalar(unit) ?? "\u{FFFD}"
        default:
            throw failure(.invalidEscape)
        }
    }

    private mutating func parseHex4() throws(JSONParseError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw failure(.unterminatedUnicodeEscape) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure(.invalidHexDigit)
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }
}
