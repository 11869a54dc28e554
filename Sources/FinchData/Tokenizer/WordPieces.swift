/// The words of `text`: runs of letters, digits, apostrophes and inner hyphens are words; every
/// other visible character is a token of its own; a line break is the token `"\n"`; other
/// spaces only separate. Case is kept.
func wordPieces(of text: String) -> [String] {
    var pieces: [String] = []
    var splitter = WordSplitter()
    for character in text { splitter.take(character) { pieces.append($0) } }
    splitter.finish { pieces.append($0) }
    return pieces
}

/// Splits text into words as ``wordPieces(of:)`` does, one character at a time, so that a long
/// text can be split in a loop that stops between characters.
struct WordSplitter {
    private var word = ""

    /// Takes the next character of the text; calls `emit` with each piece it completes.
    mutating func take(_ character: Character, _ emit: (String) -> Void) {
        if character.isLetter || character.isNumber || character == "'" || (character == "-" && !word.isEmpty) {
            word.append(character)
            return
        }
        finish(emit)
        if character.isNewline {
            emit("\n")
        } else if !character.isWhitespace {
            emit(String(character))
        }
    }

    /// Ends the text (or a word): emits the word being read, if any.
    mutating func finish(_ emit: (String) -> Void) {
        if !word.isEmpty { emit(word); word = "" }
    }
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
