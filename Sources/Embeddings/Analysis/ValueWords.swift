import Foundation

/// A value word with its accepted spellings, tried in order (e.g. "well-being", then "wellbeing").
public struct ValueWord: Sendable, Equatable, Codable {
    public let spellings: [String]

    public init(_ spellings: String...) { self.spellings = spellings }
    public init(spellings: [String]) { self.spellings = spellings }

    /// The first spelling.
    public var word: String { spellings.first ?? "" }

    /// The first spelling `space` contains, nil when none.
    public func spelling(in space: VectorSpace) -> String? { spellings.first(where: space.contains) }
}

/// Word lists of human values for the embedding analyses.
public enum ValueWords {
    /// The default list: the values Khamassi, Nahon & Chatila (2024) examined (dignity, fairness, well-being) and
    /// other values common in AI-ethics principles.
    public static let `default`: [ValueWord] = [
        ValueWord("dignity"), ValueWord("fairness"), ValueWord("well-being", "wellbeing"), ValueWord("autonomy"),
        ValueWord("privacy"), ValueWord("honesty"), ValueWord("safety"), ValueWord("justice"), ValueWord("care"),
        ValueWord("freedom"), ValueWord("respect"), ValueWord("responsibility"), ValueWord("equality"),
        ValueWord("compassion"), ValueWord("integrity"), ValueWord("trust"), ValueWord("liberty"),
        ValueWord("consent"), ValueWord("welfare"), ValueWord("loyalty"), ValueWord("transparency"),
        ValueWord("accountability"), ValueWord("kindness"), ValueWord("solidarity"), ValueWord("tolerance"),
    ]

    /// The words of `list` as spelled in `space` (first present spelling; entries with none are left out).
    public static func resolve(_ list: [ValueWord], in space: VectorSpace) -> [String] {
        list.compactMap { $0.spelling(in: space) }
    }

    /// The words of `list` as spelled in every space (the first spelling present in all; else the first spelling
    /// present in any; else the first spelling), so that missing words are still reported.
    public static func resolve(_ list: [ValueWord], in spaces: [VectorSpace]) -> [String] {
        list.map { entry in
            entry.spellings.first(where: { w in spaces.allSatisfy { $0.contains(w) } })
                ?? entry.spellings.first(where: { w in spaces.contains { $0.contains(w) } })
                ?? entry.word
        }
    }

    /// A word list from a file: one entry per line, alternative spellings separated by `|`
    /// (`well-being|wellbeing`), `#` starts a comment line, blank lines are skipped.
    public static func read(_ url: URL) throws(EmbeddingError) -> [ValueWord] {
        let text = String(decoding: try FileBytes.read(url), as: UTF8.self)
        var list: [ValueWord] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let spellings = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if !spellings.isEmpty { list.append(ValueWord(spellings: spellings)) }
        }
        guard !list.isEmpty else { throw .malformed("\(url.path): no words") }
        return list
    }
}
