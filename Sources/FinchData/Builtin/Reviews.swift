import FinchEngine

/// The `reviews` language: short product reviews written by a small generative grammar, as an
/// unlabeled corpus and as a labeled sentiment data set.
///
/// Design: a review has one polarity (positive or negative) and 2–4 sentences separated by
/// ". ". Each sentence is, with probability 0.6, a *sentiment* sentence — a template with slots
/// for adjectives, verbs, intensifiers and verdict nouns that are filled only from the review's
/// polarity (about 95 words per polarity, each belonging to one polarity alone) — and otherwise
/// a *neutral* sentence about the same things, people and times in both polarities. At least one
/// sentence is a sentiment sentence. Words are drawn uniformly, so a review holds only 1–5
/// sentiment words out of 190.
///
/// Why pre-training helps: with 5–20 labeled reviews per class, a model trained from scratch
/// sees only a few dozen of the sentiment words, and a review made of unseen ones gives it
/// nothing to go on. A language model pre-trained on the corpus has learned that sentiment words
/// of one polarity fill the same slots next to each other in the same reviews, so their
/// representations cluster by polarity, and the few labels suffice to name the two clusters.
///
/// Everything is lower case with single spaces; each review ends with "." and the corpus puts
/// one review per line. Deterministic from the seed.
struct ReviewsGenerator {
    private var generator: Xoshiro

    /// A generator whose reviews are determined by `seed`.
    init(seed: UInt64) {
        generator = Xoshiro(seed: seed)
    }

    /// `count` reviews of random polarity, one per line.
    mutating func corpus(reviews count: Int) -> String {
        (0..<count).map { _ in review(positive: generator.nextInt(below: 2) == 1) }.joined(separator: "\n")
    }

    /// `count` reviews, half of each polarity in random order, with labels 0 (negative) and 1 (positive).
    mutating func labeled(reviews count: Int) -> (texts: [String], labels: [Int]) {
        var labels = (0..<count).map { $0 % 2 }
        generator.shuffle(&labels)
        return (labels.map { review(positive: $0 == 1) }, labels)
    }

    /// One review of the given polarity.
    mutating func review(positive: Bool) -> String {
        let count = 2 + generator.nextInt(below: 3)
        var sentiment = (0..<count).map { _ in generator.nextUniform() < 0.6 }
        if !sentiment.contains(true) { sentiment[generator.nextInt(below: count)] = true }
        let polarity = positive ? ReviewsLexicon.positive : ReviewsLexicon.negative
        return sentiment.map { sentence(from: pick($0 ? ReviewsLexicon.sentimentTemplates : ReviewsLexicon.neutralTemplates), polarity) }
            .joined(separator: ". ") + "."
    }

    /// `template` with every slot filled, and "a" turned into "an" before a vowel.
    private mutating func sentence(from template: String, _ polarity: ReviewsLexicon.Polarity) -> String {
        var words: [String] = []
        for slot in template.split(separator: " ") {
            let word: String = switch slot {
            case "{a}": pick(polarity.adjectives)
            case "{v}": pick(polarity.verbs)
            case "{i}": pick(polarity.intensifiers)
            case "{o}": pick(polarity.verdicts)
            case "{n}": pick(ReviewsLexicon.nouns)
            case "{p}": pick(ReviewsLexicon.people)
            case "{d}": pick(ReviewsLexicon.times)
            default: String(slot)
            }
            if words.last == "a", let first = word.first, "aeiou".contains(first) { words[words.count - 1] = "an" }
            words.append(word)
        }
        return words.joined(separator: " ")
    }

    /// A uniformly chosen element.
    private mutating func pick(_ choices: [String]) -> String {
        choices[generator.nextInt(below: choices.count)]
    }
}
