/// Identifies a synset within one loaded ``WordNet``: its position in the database (noun synsets first, then verb,
/// adjective and adverb, each in file order). Use ``WordNet/synset(_:)`` for its content and
/// ``WordNet/synset(pos:offset:)`` to find one by the file's byte offset.
public struct SynsetID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Position in the loaded database.
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    var index: Int { Int(rawValue) }

    public static func < (a: SynsetID, b: SynsetID) -> Bool { a.rawValue < b.rawValue }

    public var description: String { "synset #\(rawValue)" }
}
