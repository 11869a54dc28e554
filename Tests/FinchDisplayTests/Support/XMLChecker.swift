/// A tiny XML well-formedness checker for the HTML and SVG the renderers write: one root
/// element, balanced tags, quoted attributes, `<` and `&` only as markup or known entities.
/// Returns nil when well-formed, else what is wrong and where.
func xmlProblem(_ xml: String) -> String? {
    let text = Array(xml.unicodeScalars)
    var index = 0
    var open: [String] = []
    var roots = 0

    func starts(_ prefix: String) -> Bool {
        let scalars = Array(prefix.unicodeScalars)
        return index + scalars.count <= text.count && Array(text[index..<index + scalars.count]) == scalars
    }
    func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_:.".unicodeScalars.contains(scalar)
    }
    func name() -> String {
        var result = ""
        while index < text.count, isNameScalar(text[index]) { result.unicodeScalars.append(text[index]); index += 1 }
        return result
    }
    func skipSpace() { while index < text.count, text[index].properties.isWhitespace { index += 1 } }
    func entity() -> Bool {
        var body = ""
        index += 1
        while index < text.count, text[index] != ";" {
            guard body.count < 10 else { return false }
            body.unicodeScalars.append(text[index]); index += 1
        }
        guard index < text.count else { return false }
        index += 1
        if ["amp", "lt", "gt", "quot", "apos"].contains(body) { return true }
        if body.hasPrefix("#x") { return body.count > 2 && body.dropFirst(2).allSatisfy(\.isHexDigit) }
        if body.hasPrefix("#") { return body.count > 1 && body.dropFirst().allSatisfy(\.isNumber) }
        return false
    }

    if starts("<?xml") {
        while index < text.count, !starts("?>") { index += 1 }
        index += 2
    }
    while index < text.count {
        if starts("<!--") {
            while index < text.count, !starts("-->") { index += 1 }
            guard index < text.count else { return "unclosed comment" }
            index += 3
        } else if starts("</") {
            index += 2
            let closing = name()
            skipSpace()
            guard index < text.count, text[index] == ">" else { return "bad closing tag </\(closing) at \(index)" }
            index += 1
            guard open.last == closing else { return "</\(closing)> closes <\(open.last ?? "nothing")> at \(index)" }
            open.removeLast()
        } else if text[index] == "<" {
            index += 1
            let element = name()
            guard !element.isEmpty else { return "bad tag at \(index)" }
            if open.isEmpty { roots += 1 }
            var attributes: Set<String> = []
            while true {
                skipSpace()
                guard index < text.count else { return "unclosed tag <\(element)>" }
                if starts("/>") { index += 2; break }
                if text[index] == ">" { index += 1; open.append(element); break }
                let attribute = name()
                guard !attribute.isEmpty, attributes.insert(attribute).inserted else {
                    return "bad or repeated attribute in <\(element)> at \(index)"
                }
                guard starts("=\"") else { return "unquoted attribute \(attribute) in <\(element)>" }
                index += 2
                while index < text.count, text[index] != "\"" {
                    if text[index] == "<" { return "< in attribute \(attribute)" }
                    if text[index] == "&" { guard entity() else { return "bad entity in attribute" }; continue }
                    index += 1
                }
                guard index < text.count else { return "unclosed attribute \(attribute)" }
                index += 1
            }
        } else if text[index] == "&" {
            let start = index
            guard entity() else { return "bad entity at \(start)" }
        } else {
            if open.isEmpty && !text[index].properties.isWhitespace { return "text outside the root at \(index)" }
            index += 1
        }
    }
    if let last = open.last { return "<\(last)> not closed" }
    return roots == 1 ? nil : "\(roots) root elements"
}
