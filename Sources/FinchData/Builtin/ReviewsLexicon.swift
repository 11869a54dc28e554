/// The vocabulary of the `reviews` language. Sentiment words belong to exactly one polarity;
/// neutral words and the templates' own words appear in reviews of both.
enum ReviewsLexicon {
    /// Words of one polarity, by the slot they fill.
    struct Polarity: Sendable {
        /// Adjectives (`{a}`): "the screen was superb".
        let adjectives: [String]
        /// Past-tense verbs (`{v}`): "i adored the soup".
        let verbs: [String]
        /// Intensifiers (`{i}`): "the plot was truly superb".
        let intensifiers: [String]
        /// Verdict nouns (`{o}`): "it was a gem".
        let verdicts: [String]

        /// Every sentiment word of this polarity.
        var allWords: [String] { adjectives + verbs + intensifiers + verdicts }
    }

    static let positive = Polarity(
        adjectives: [
            "excellent", "superb", "brilliant", "wonderful", "delightful", "fantastic", "lovely", "charming",
            "gorgeous", "stunning", "flawless", "sturdy", "reliable", "elegant", "smooth", "crisp", "vibrant",
            "cozy", "friendly", "helpful", "generous", "thoughtful", "clever", "intuitive", "comfortable",
            "spotless", "fresh", "tasty", "delicious", "gentle", "pleasant", "splendid", "terrific", "marvelous",
            "outstanding", "impressive", "exceptional", "remarkable", "polished", "refined", "joyful", "uplifting",
            "soothing", "dazzling", "graceful", "snappy", "responsive", "durable", "handy", "neat", "tidy",
            "welcoming", "attentive", "affordable", "perfect", "superior", "sublime", "radiant", "nifty", "fabulous",
        ],
        verbs: [
            "loved", "adored", "enjoyed", "cherished", "admired", "treasured", "praised", "savored", "appreciated",
            "relished", "liked", "valued", "celebrated", "recommended", "applauded",
        ],
        intensifiers: [
            "truly", "wonderfully", "remarkably", "delightfully", "beautifully", "pleasantly", "genuinely",
            "gloriously", "splendidly", "marvelously",
        ],
        verdicts: ["gem", "treasure", "delight", "triumph", "bargain", "joy", "winner", "masterpiece", "pleasure", "keeper"]
    )

    static let negative = Polarity(
        adjectives: [
            "awful", "terrible", "dreadful", "horrible", "dismal", "flimsy", "shoddy", "broken", "faulty", "clumsy",
            "sluggish", "noisy", "greasy", "stale", "bland", "soggy", "rude", "careless", "unhelpful", "overpriced",
            "useless", "dull", "boring", "tedious", "confusing", "cramped", "dirty", "filthy", "grimy", "smelly",
            "fragile", "unreliable", "disappointing", "mediocre", "shabby", "tacky", "ugly", "harsh", "bitter", "sour",
            "gloomy", "dreary", "lousy", "pathetic", "abysmal", "atrocious", "dire", "wretched", "frustrating",
            "annoying", "irritating", "painful", "chaotic", "sloppy", "leaky", "wobbly", "lifeless", "inferior",
            "clunky", "defective",
        ],
        verbs: [
            "hated", "loathed", "despised", "regretted", "resented", "disliked", "returned", "dreaded", "detested",
            "abandoned", "cursed", "scorned", "rejected", "endured", "lamented",
        ],
        intensifiers: [
            "painfully", "dreadfully", "horribly", "awfully", "sadly", "miserably", "woefully", "terribly",
            "hopelessly", "annoyingly",
        ],
        verdicts: ["disaster", "mess", "letdown", "nightmare", "failure", "waste", "ripoff", "fiasco", "scam", "headache"]
    )

    /// Things reviewed (`{n}`).
    static let nouns = [
        "screen", "battery", "plot", "ending", "staff", "service", "delivery", "packaging", "soup", "pasta",
        "room", "bed", "kitchen", "camera", "keyboard", "sound", "seat", "music", "cover", "handle", "lid",
        "blender", "lamp", "jacket", "shoes", "chair", "desk", "menu", "waiter", "hotel", "book", "movie",
        "game", "song", "app", "phone", "laptop", "coffee", "bread", "garden",
    ]
    /// People (`{p}`).
    static let people = [
        "sister", "brother", "mother", "father", "friend", "wife", "husband", "son", "daughter", "neighbor", "boss", "cousin",
    ]
    /// Times (`{d}`).
    static let times = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "last week", "last month", "new year",
    ]

    /// Sentences that carry sentiment: each has at least one of `{a}`, `{v}`, `{i}`, `{o}`.
    static let sentimentTemplates = [
        "the {n} was {a}", "the {n} was {i} {a}", "i {v} the {n}", "we {v} the {n} and the {n}", "what a {a} {n}",
        "the {n} felt {a} and {a}", "it was a {o}", "honestly the {n} is {i} {a}", "the {n} looked {a}",
        "my {p} {v} the {n}", "the {n} is {a} for the price", "i found the {n} {i} {a}", "{a} {n} and {a} {n}",
        "i would call it a {o}", "this {n} is a {o}", "overall it was {i} {a}", "the {n} was a {a} {o}",
    ]
    /// Sentences without sentiment, shared by both polarities.
    static let neutralTemplates = [
        "i bought the {n} on {d}", "my {p} uses the {n} every day", "we ordered the {n} for the {n}",
        "the {n} came with a {n}", "it arrived on {d}", "i have had the {n} since {d}", "the {n} is next to the {n}",
        "my {p} picked the {n}", "we tried the {n} with my {p}", "the {n} and the {n} were in the box",
    ]
}
