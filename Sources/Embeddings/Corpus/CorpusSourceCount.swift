/// Tokens and lines one source contributed to a corpus file.
public struct CorpusSourceCount: Sendable, Hashable, Codable {
    public var name: String
    public var tokens: Int
    public var lines: Int

    public init(name: String, tokens: Int, lines: Int) {
        self.name = name
        self.tokens = tokens
        self.lines = lines
    }
}
