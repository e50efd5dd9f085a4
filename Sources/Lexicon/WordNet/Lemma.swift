import Foundation

/// A word in one of its senses: a lemma name together with the synset it belongs to (NLTK's `Lemma`).
public struct Lemma: Hashable, Sendable, CustomStringConvertible {
    /// The lemma as written in the data file (case preserved, underscores for spaces).
    public let name: String
    /// The synset this sense belongs to.
    public let synset: SynsetID
    /// The 1-based position of the word in its synset.
    public let wordNumber: Int

    public init(name: String, synset: SynsetID, wordNumber: Int) {
        self.name = name
        self.synset = synset
        self.wordNumber = wordNumber
    }

    /// The name in lower case with spaces for underscores, as a text would spell it.
    public var text: String { name.lowercased().replacingOccurrences(of: "_", with: " ") }

    public var description: String { "\(name) (\(synset))" }
}
