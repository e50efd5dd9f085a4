/// Identifies a synset within one loaded ``WordNet``: its position in the database (noun synsets first, then verb,
/// adjective and adverb, each in file order). Use ``WordNet/synset(_:)`` for its content and
/// ``WordNet/synset(pos:offset:)`` to find one by the file's byte offset. Ids are made only by a ``WordNet``; use
/// one only with the instance that made it (or one loaded from the same files). To store a synset, keep its part
/// of speech and offset, or its NLTK name (``WordNet/name(of:)``).
public struct SynsetID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Position in the loaded database.
    public let rawValue: Int32

    init(rawValue: Int32) { self.rawValue = rawValue }

    var index: Int { Int(rawValue) }

    public static func < (a: SynsetID, b: SynsetID) -> Bool { a.rawValue < b.rawValue }

    public var description: String { "synset #\(rawValue)" }
}
