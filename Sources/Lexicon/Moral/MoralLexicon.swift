/// A lexicon that scores words on moral foundations.
///
/// Lookups try the word as given, then in lower case. What a rating means depends on the lexicon:
/// ``MoralStrengthLexicon`` 1 (vice) … 9 (virtue); ``EMFDLexicon`` the probability (0…1) that annotators
/// highlighted the word for the foundation; ``MFDDictionary`` +1 for a virtue word, −1 for a vice word.
public protocol MoralLexicon: Sendable {
    /// A short name for reports.
    var name: String { get }
    /// The foundations the lexicon rates.
    var foundations: [MoralFoundation] { get }
    /// Every word with at least one rating, sorted.
    var words: [String] { get }
    /// The word's rating on a foundation; nil when the lexicon has none.
    func rating(of word: String, _ foundation: MoralFoundation) -> Double?
}

extension MoralLexicon {
    /// All of the word's ratings (foundations without a rating are left out).
    public func ratings(of word: String) -> [MoralFoundation: Double] {
        var out: [MoralFoundation: Double] = [:]
        for f in foundations { if let r = rating(of: word, f) { out[f] = r } }
        return out
    }

    /// True when the word has a rating on any foundation.
    public func contains(_ word: String) -> Bool { foundations.contains { rating(of: word, $0) != nil } }
}

/// Exact, then lower-case lookup in a dictionary.
func lookup<V>(_ table: [String: V], _ word: String) -> V? {
    if let v = table[word] { return v }
    let lower = word.lowercased()
    return lower == word ? nil : table[lower]
}
