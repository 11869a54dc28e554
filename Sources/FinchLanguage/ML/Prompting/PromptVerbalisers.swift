import FinchData
import FinchEngine

/// The word (or words) that stands for each class in a prompt, e.g. positive → "great", in the
/// data set's class order, with their tokens.
struct PromptVerbalisers: Equatable, Sendable {
    /// The verbaliser of each class, in class order.
    let words: [String]
    /// Their token ids, each at least one token, none unknown to the tokenizer.
    let tokens: [[Int32]]

    /// Why a set of verbalisers was refused.
    enum Problem: Error, Equatable {
        /// The data set has classes the labels do not name.
        case missing([String])
        /// The labels name classes the data set does not have; with the nearest class if any.
        case extra(String, suggestion: String?)
        /// A verbaliser holds no token.
        case empty(String)
        /// A verbaliser piece the tokenizer does not know, with a known word close to it if any.
        case unknown(piece: String, in: String, suggestion: String?)
    }

    /// The verbalisers `verbaliserOf` gives for `classNames`, read by `tokenizer`.
    init(classNames: [String], verbaliserOf: [(label: String, verbaliser: String)], tokenizer: Tokenizer) throws(Problem) {
        let given = Dictionary(verbaliserOf, uniquingKeysWith: { first, _ in first })
        if let extra = verbaliserOf.first(where: { !classNames.contains($0.label) }) {
            throw .extra(extra.label, suggestion: Suggestion.closest(to: extra.label, in: classNames))
        }
        let missing = classNames.filter { given[$0] == nil }
        guard missing.isEmpty else { throw .missing(missing) }
        var words: [String] = [], tokens: [[Int32]] = []
        for name in classNames {
            let word = given[name] ?? ""
            let pieces = tokenizer.pieces(of: word)
            guard !pieces.isEmpty else { throw .empty(name) }
            var ids: [Int32] = []
            for piece in pieces {
                guard let id = tokenizer.id(of: piece), id >= Int32(Tokenizer.specialTokens.count) else {
                    let known = tokenizer.vocabulary.dropFirst(Tokenizer.specialTokens.count)
                    throw .unknown(piece: piece, in: word, suggestion: Suggestion.closest(to: piece, in: known))
                }
                ids.append(id)
            }
            words.append(word)
            tokens.append(ids)
        }
        self.words = words
        self.tokens = tokens
    }
}
