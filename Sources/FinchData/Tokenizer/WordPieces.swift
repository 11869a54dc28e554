/// The words of `text`: runs of letters, digits, apostrophes and inner hyphens are words; every
/// other visible character is a token of its own; a line break is the token `"\n"`; other
/// spaces only separate. Case is kept.
func wordPieces(of text: String) -> [String] {
    var pieces: [String] = []
    var word = ""
    func flush() {
        if !word.isEmpty { pieces.append(word); word = "" }
    }
    for character in text {
        if character.isLetter || character.isNumber || character == "'" || (character == "-" && !word.isEmpty) {
            word.append(character)
        } else {
            flush()
            if character.isNewline {
                pieces.append("\n")
            } else if !character.isWhitespace {
                pieces.append(String(character))
            }
        }
    }
    flush()
    return pieces
}

/// Words back into text: a space between tokens, except before closing punctuation
/// (`. , ; : ! ? ) ]`), after opening brackets, and around line breaks. Undoes `wordPieces`
/// for text written with single spaces in these conventions.
func joinWords(_ tokens: [String]) -> String {
    var text = ""
    var previous: String?
    for token in tokens {
        if let previous, previous != "\n", token != "\n", !closing.contains(token), !opening.contains(previous) {
            text += " "
        }
        text += token
        previous = token
    }
    return text
}

private let closing: Set<String> = [".", ",", ";", ":", "!", "?", ")", "]"]
private let opening: Set<String> = ["(", "["]
