/// A pointer from a synset (or from one of its words) to another synset (or one of its words).
public struct SynsetPointer: Hashable, Sendable {
    /// The relation.
    public let symbol: PointerSymbol
    /// The synset pointed to.
    public let target: SynsetID
    /// The part of speech of the target as the pointer states it (`s` for satellites).
    public let targetPOS: PartOfSpeech
    /// For a lexical pointer, the 1-based number of the source word in this synset; 0 for a semantic pointer
    /// (one that relates the whole synsets).
    public let sourceWord: Int
    /// For a lexical pointer, the 1-based number of the target word in the target synset; 0 for a semantic pointer.
    public let targetWord: Int

    public init(symbol: PointerSymbol, target: SynsetID, targetPOS: PartOfSpeech, sourceWord: Int, targetWord: Int) {
        self.symbol = symbol
        self.target = target
        self.targetPOS = targetPOS
        self.sourceWord = sourceWord
        self.targetWord = targetWord
    }

    /// True for a pointer between words (`source/target` not `0000`), false for one between synsets.
    public var isLexical: Bool { sourceWord != 0 || targetWord != 0 }
}
