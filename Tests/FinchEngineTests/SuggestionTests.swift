@testable import FinchEngine
import Testing

/// The one "did you mean" of every part of Finch.
@Suite struct SuggestionTests {
    @Test func aTypoFindsTheNameMeant() {
        #expect(Suggestion.closest(to: "prnt", in: ["print", "plot", "predict"]) == "print")
        #expect(Suggestion.closest(to: "lbael", in: ["label", "labels2"]) == "label")
        #expect(Suggestion.closest(to: "Label", in: ["label", "level"]) == "label")
        #expect(Suggestion.note(for: "digts", in: ["digits", "reviews"]) == "did you mean 'digits'?")
    }

    @Test func farNamesTheWordItselfAndTiesAreHandledTheSameEveryTime() {
        #expect(Suggestion.closest(to: "xyz", in: ["print", "plot"]) == nil)
        #expect(Suggestion.closest(to: "print", in: ["print"]) == nil)
        #expect(Suggestion.closest(to: "b", in: ["c", "a"]) == "a")
        // At most three edits, however long the word.
        #expect(Suggestion.closest(to: "aaaaaaaaaaaaaaaaaaaaaaaa", in: ["aaaaaaaaaaaaaaaaaaaabbbb"]) == nil)
        #expect(Suggestion.closest(to: "aaaaaaaaaaaaaaaaaaaaaaaa", in: ["aaaaaaaaaaaaaaaaaaaaabbb"]) == "aaaaaaaaaaaaaaaaaaaaabbb")
    }

    @Test func aSwapOfNeighboursIsOneEdit() {
        #expect(Suggestion.editDistance(Array("ab"), Array("ba")) == 1)
        #expect(Suggestion.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(Suggestion.editDistance([], Array("abc")) == 3)
    }
}
