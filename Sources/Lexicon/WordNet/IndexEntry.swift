/// One line of an `index.<pos>` file: a lemma, its part of speech and its senses in frequency order.
public struct IndexEntry: Hashable, Sendable {
    /// The lemma in lower case, underscores for spaces.
    public let lemma: String
    /// The part of speech of the index file (never ``PartOfSpeech/adjectiveSatellite``).
    public let pos: PartOfSpeech
    /// The lemma's synsets, most frequent sense first (sense 1 first).
    public let synsets: [SynsetID]
    /// The pointer symbols that occur in any of the lemma's synsets, as the index writes them (``PointerSymbol``
    /// raw values, except that domain pointers appear as the generic `;` and domain members as `-`).
    public let pointerSymbols: [String]
    /// How many senses were tagged in the semantic concordances.
    public let taggedSenseCount: Int

    public init(lemma: String, pos: PartOfSpeech, synsets: [SynsetID], pointerSymbols: [String], taggedSenseCount: Int) {
        self.lemma = lemma
        self.pos = pos
        self.synsets = synsets
        self.pointerSymbols = pointerSymbols
        self.taggedSenseCount = taggedSenseCount
    }
}
