@testable import FinchData
import Testing

@Suite struct TokenizerTests {
    @Test func specialTokensComeFirst() throws {
        let tokenizer = try Tokenizer.chars(from: "ba")
        #expect(tokenizer.vocabulary == ["<pad>", "<unk>", "<mask>", "<bos>", "a", "b"])
        #expect(tokenizer.size == 6)
        #expect([Tokenizer.pad, Tokenizer.unknown, Tokenizer.mask, Tokenizer.bos] == [0, 1, 2, 3])
        #expect(tokenizer.id(of: "<mask>") == 2)
        #expect(tokenizer.id(of: "b") == 5)
        #expect(tokenizer.kind == .characters)
    }

    @Test func charactersRoundTripAndUnknownsBecomeUnk() throws {
        let text = "héllo, wörld!\n👋🏽"
        let tokenizer = try Tokenizer.chars(from: text)
        #expect(tokenizer.decode(tokenizer.encode(text)) == text)
        #expect(tokenizer.encode("hz") == [tokenizer.id(of: "h")!, Tokenizer.unknown])
        #expect(tokenizer.decode([Tokenizer.unknown, 999, -1]) == "<unk><unk><unk>")
        #expect(tokenizer.encode("👋🏽").count == 1)
    }

    @Test func wordsAreRankedByFrequencyThenAlphabetically() throws {
        let tokenizer = try Tokenizer.words(from: "b a c b a d b. c", limit: 4)
        #expect(tokenizer.vocabulary == ["<pad>", "<unk>", "<mask>", "<bos>", "b", "a", "c", "."])
        #expect(try Tokenizer.words(from: "x y", limit: 0).size == 4)
    }

    @Test func wordsSplitPunctuationAndLineBreaks() {
        #expect(wordPieces(of: "The cat's toy, (well-made)!\n  Next\tline.") ==
            ["The", "cat's", "toy", ",", "(", "well-made", ")", "!", "\n", "Next", "line", "."])
    }

    @Test func wordsRoundTripTextInTheirConventions() throws {
        let text = "the screen was superb. i loved it, (mostly) really!\nwe returned the lamp."
        let tokenizer = try Tokenizer.words(from: text, limit: 100)
        #expect(tokenizer.decode(tokenizer.encode(text)) == text)
        #expect(tokenizer.decode(tokenizer.encode("the lamp was purple.")) == "the lamp was <unk>.")
    }

    @Test func aContinuationJoinsItsPromptAsDecodingWould() throws {
        let words = try Tokenizer.words(from: "the film was great . ( really )", limit: 100)
        let ids = words.encode("was great.")
        #expect("the film" + words.decode(ids, continuing: "the film") == "the film was great.")
        #expect("the film " + words.decode(ids, continuing: "the film ") == "the film was great.")
        #expect("the film (" + words.decode(ids, continuing: "the film (") == "the film (was great.")
        #expect("the film" + words.decode(words.encode(". really"), continuing: "the film") == "the film. really")
        #expect(words.decode(ids, continuing: "") == "was great.")
        let characters = try Tokenizer.chars(from: "abc ")
        #expect(characters.decode(characters.encode(" cab"), continuing: "abc") == " cab")
    }

    @Test func aTokenizerCanBeRebuiltFromItsVocabulary() throws {
        let tokenizer = try Tokenizer.words(from: "one two two", limit: 10)
        let rebuilt = Tokenizer(kind: .words, tokens: Array(tokenizer.vocabulary.dropFirst(4)))
        #expect(rebuilt == tokenizer)
        #expect(Tokenizer(kind: .characters, tokens: ["<pad>", "x", "x"]).vocabulary == ["<pad>", "<unk>", "<mask>", "<bos>", "x"])
    }
}
