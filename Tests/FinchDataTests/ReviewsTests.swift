@testable import FinchData
import Testing

@Suite struct ReviewsTests {
    /// Polarity (0 negative, 1 positive) of each sentiment word.
    let polarityOf: [String: Int] = {
        var map: [String: Int] = [:]
        for word in ReviewsLexicon.negative.allWords { map[word] = 0 }
        for word in ReviewsLexicon.positive.allWords { map[word] = 1 }
        return map
    }()

    @Test func theLexiconsAreDisjoint() {
        let positive = Set(ReviewsLexicon.positive.allWords), negative = Set(ReviewsLexicon.negative.allWords)
        #expect(positive.count == 95 && negative.count == 95)
        #expect(positive.isDisjoint(with: negative))
        let neutral = Set(ReviewsLexicon.nouns + ReviewsLexicon.people + ReviewsLexicon.times.flatMap { $0.split(separator: " ").map(String.init) }
            + (ReviewsLexicon.sentimentTemplates + ReviewsLexicon.neutralTemplates).flatMap { $0.split(separator: " ").map(String.init) })
        #expect(neutral.isDisjoint(with: positive.union(negative)))
    }

    @Test func theDataSetIsBalancedAndEveryReviewHoldsOnlyItsOwnPolaritysWords() throws {
        let reviews = try BuiltinData.dataset(named: "reviews")
        #expect(reviews.count == 2000)
        #expect(reviews.classNames == ["negative", "positive"])
        #expect(reviews.classCounts == [1000, 1000])
        var seenWords: Set<String> = []
        for (text, label) in zip(reviews.texts!, reviews.labels!) {
            let words = wordPieces(of: text)
            let sentiment = words.compactMap { polarityOf[$0] }
            #expect(!sentiment.isEmpty)
            #expect(sentiment.allSatisfy { $0 == label })
            #expect((2...4).contains(words.filter { $0 == "." }.count))
            #expect(text == text.lowercased() && text.hasSuffix("."))
            seenWords.formUnion(words)
        }
        #expect(seenWords.isSuperset(of: polarityOf.keys))
    }

    @Test func theCorpusIsAFewHundredKilobytesOfOnePolarityPerLine() throws {
        let corpus = try BuiltinData.corpus(named: "reviews")
        #expect(corpus.name == "reviews")
        #expect((200_000...500_000).contains(corpus.text.utf8.count))
        let lines = corpus.text.split(separator: "\n")
        #expect(lines.count == 3500)
        var polarities = [0, 0]
        for line in lines {
            let sentiment = Set(wordPieces(of: String(line)).compactMap { polarityOf[$0] })
            #expect(sentiment.count == 1)
            polarities[sentiment.first!] += 1
        }
        #expect(polarities.allSatisfy { (1600...1900).contains($0) })
        #expect(!corpus.text.contains(" a e") && !corpus.text.contains(" a a") && !corpus.text.contains(" a o"))
    }

    @Test func reviewsAreDeterminedByTheSeed() throws {
        #expect(try BuiltinData.corpus(named: "reviews", seed: 3) == BuiltinData.corpus(named: "reviews", seed: 3))
        #expect(try BuiltinData.corpus(named: "reviews", seed: 3) != BuiltinData.corpus(named: "reviews", seed: 4))
        #expect(try BuiltinData.dataset(named: "reviews", seed: 3) == BuiltinData.dataset(named: "reviews", seed: 3))
        let corpus = try BuiltinData.corpus(named: "reviews"), data = try BuiltinData.dataset(named: "reviews")
        #expect(!corpus.text.hasPrefix(data.texts![0]))
        var generator = ReviewsGenerator(seed: 0)
        #expect(generator.review(positive: true) == "my cousin picked the seat. my boss recommended the staff. the staff was genuinely gentle.")
    }

    @Test func aWordTokenizerOfTheCorpusCoversTheDataSet() throws {
        let tokenizer = try Tokenizer.words(from: BuiltinData.corpus(named: "reviews").text, limit: 1000)
        #expect((300...400).contains(tokenizer.size))
        let data = try BuiltinData.dataset(named: "reviews")
        #expect(!data.texts!.contains { tokenizer.encode($0).contains(Tokenizer.unknown) })
    }
}
