import FinchEngine

/// Text to token ids and back, over a fixed vocabulary of characters or words.
///
/// Ids 0…3 are the special tokens `<pad>`, `<unk>`, `<mask>` and `<bos>`; learned tokens follow
/// from id 4. Text outside the vocabulary encodes as `<unk>`.
public struct Tokenizer: Equatable, Sendable {
    /// What a token is.
    public enum Kind: String, Equatable, Sendable {
        /// One character (grapheme cluster) per token.
        case characters
        /// One word or punctuation mark per token; see `Tokenizer.words(from:limit:)`.
        case words
    }

    /// Id of `<pad>`, which fills sequences up to a fixed length.
    public static let pad: Int32 = 0
    /// Id of `<unk>`, which stands for text outside the vocabulary.
    public static let unknown: Int32 = 1
    /// Id of `<mask>`, which hides a token from a masked language model.
    public static let mask: Int32 = 2
    /// Id of `<bos>`, which may mark the beginning of a sequence.
    public static let bos: Int32 = 3
    /// The special tokens, in id order.
    public static let specialTokens = ["<pad>", "<unk>", "<mask>", "<bos>"]

    /// Whether tokens are characters or words.
    public let kind: Kind
    /// Every token, specials first; a token's id is its index.
    public let vocabulary: [String]
    private let ids: [String: Int32]

    /// A tokenizer of `kind` whose learned tokens (after the specials) are `tokens`, in id order;
    /// duplicates and special tokens in `tokens` are dropped.
    public init(kind: Kind, tokens: [String]) {
        var vocabulary = Self.specialTokens
        var ids: [String: Int32] = [:]
        for (id, token) in vocabulary.enumerated() { ids[token] = Int32(id) }
        for token in tokens where ids[token] == nil {
            ids[token] = Int32(vocabulary.count)
            vocabulary.append(token)
        }
        self.kind = kind
        self.vocabulary = vocabulary
        self.ids = ids
    }

    /// A character tokenizer whose vocabulary is every distinct character of `text`, sorted.
    /// Stops with ``DataError/cancelled`` when `cancellation` is requested (asked every
    /// ``charactersPerCheck`` characters).
    public static func chars(from text: String, cancellation: Cancellation = .never) throws(DataError) -> Tokenizer {
        var characters: Set<String> = []
        try forEachPiece(of: text, kind: .characters, cancellation: cancellation) { characters.insert($0) }
        return Tokenizer(kind: .characters, tokens: characters.sorted())
    }

    /// A word tokenizer whose vocabulary is the `limit` most frequent words of `text` (ties in
    /// alphabetical order). Words are split as described at `Tokenizer.pieces(of:)`. Stops with
    /// ``DataError/cancelled`` when `cancellation` is requested.
    public static func words(from text: String, limit: Int, cancellation: Cancellation = .never) throws(DataError) -> Tokenizer {
        var counts: [String: Int] = [:]
        try forEachPiece(of: text, kind: .words, cancellation: cancellation) { counts[$0, default: 0] += 1 }
        let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        return Tokenizer(kind: .words, tokens: ranked.prefix(max(0, limit)).map(\.key))
    }

    /// Characters split between two questions to a ``Cancellation``.
    static let charactersPerCheck = 1 << 14

    /// Calls `visit` with each piece of `text` in order, split as `kind` says; asks
    /// `cancellation` every ``charactersPerCheck`` characters.
    private static func forEachPiece(of text: String, kind: Kind, cancellation: Cancellation,
                                     _ visit: (String) -> Void) throws(DataError) {
        var splitter = WordSplitter()
        for (index, character) in text.enumerated() {
            if cancellation.isRequested(at: index, every: charactersPerCheck) { throw .cancelled }
            switch kind {
            case .characters: visit(String(character))
            case .words: splitter.take(character, visit)
            }
        }
        splitter.finish(visit)
    }

    /// Number of tokens, specials included: the vocabulary size a model needs.
    public var size: Int { vocabulary.count }

    /// The id of `token`, or nil when it is not in the vocabulary.
    public func id(of token: String) -> Int32? { ids[token] }

    /// The text split into tokens (before ids are looked up).
    public func pieces(of text: String) -> [String] {
        switch kind {
        case .characters: text.map(String.init)
        case .words: wordPieces(of: text)
        }
    }

    /// The ids of `text`'s tokens; unknown tokens become `<unk>`.
    public func encode(_ text: String) -> [Int32] {
        pieces(of: text).map { ids[$0] ?? Self.unknown }
    }

    /// The ids of a long `text` (a corpus) as ``encode(_:)`` gives them; stops with
    /// ``DataError/cancelled`` when `cancellation` is requested.
    public func encode(_ text: String, cancellation: Cancellation) throws(DataError) -> [Int32] {
        var encoded: [Int32] = []
        try Self.forEachPiece(of: text, kind: kind, cancellation: cancellation) { encoded.append(ids[$0] ?? Self.unknown) }
        return encoded
    }

    /// The text of `ids`: characters joined directly; words joined as described at
    /// `joinWords`. Ids outside the vocabulary show as `<unk>`.
    public func decode(_ ids: [Int32]) -> String {
        let tokens = self.tokens(of: ids)
        switch kind {
        case .characters: return tokens.joined()
        case .words: return joinWords(tokens)
        }
    }

    /// The text of `ids` as it continues `text` (a prompt): for words, with the space that
    /// `decode` would put between the prompt's last word and the first new one.
    public func decode(_ ids: [Int32], continuing text: String) -> String {
        guard kind == .words, let last = text.last, !last.isWhitespace, let previous = pieces(of: text).last else {
            return decode(ids)
        }
        return String(joinWords([previous] + tokens(of: ids)).dropFirst(previous.count))
    }

    private func tokens(of ids: [Int32]) -> [String] {
        ids.map { vocabulary.indices.contains(Int($0)) ? vocabulary[Int($0)] : Self.specialTokens[Int(Self.unknown)] }
    }
}
