/// One word of a synset as the data file lists it.
public struct SynsetWord: Hashable, Sendable, Codable {
    /// The word as written in the file: case preserved, spaces as underscores (`Canis_familiaris`).
    public let lemma: String
    /// The `lex_id` that tells apart senses of the same word in one lexicographer file (0–15).
    public let lexID: Int
    /// For adjectives, the syntactic marker without parentheses: `p` (predicate), `a` (prenominal), `ip`
    /// (immediately postnominal); nil when the word has none.
    public let adjectivePosition: String?

    public init(lemma: String, lexID: Int, adjectivePosition: String? = nil) {
        self.lemma = lemma
        self.lexID = lexID
        self.adjectivePosition = adjectivePosition
    }
}
