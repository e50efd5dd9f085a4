/// A synset as the data file describes it: its words, pointers and gloss. Obtained from ``WordNet/synset(_:)``;
/// equality and hashing use ``id`` only.
public struct Synset: Hashable, Sendable, Identifiable, CustomStringConvertible {
    public let id: SynsetID
    /// The part of speech (``PartOfSpeech/adjectiveSatellite`` for satellites).
    public let pos: PartOfSpeech
    /// The byte offset of the synset's line in its data file (the number WordNet uses to refer to it).
    public let offset: Int
    /// The lexicographer file number (`lex_filenum`).
    public let lexicographerFileNumber: Int
    /// The synset's words in file order.
    public let words: [SynsetWord]
    /// All pointers, semantic and lexical, in file order.
    public let pointers: [SynsetPointer]
    /// The gloss: definition and quoted examples, as in the file.
    public let gloss: String

    /// The lexicographer file name (`noun.attribute`, `verb.social` …).
    public var lexicographerFile: String { LexicographerFile.names[lexicographerFileNumber] }

    /// The words' lemmas as written (case preserved, underscores for spaces).
    public var lemmaNames: [String] { words.map(\.lemma) }

    /// The gloss without its quoted examples, trimmed of spaces and semicolons at both ends (as NLTK's
    /// `definition()`).
    public var definition: String {
        var out = ""
        var inQuote = false
        for c in gloss {
            if c == "\"" { inQuote.toggle(); continue }
            if !inQuote { out.append(c) }
        }
        return String(out.trimmingEnds(of: [" ", ";"]))
    }

    /// The quoted examples of the gloss (as NLTK's `examples()`).
    public var examples: [String] {
        var result: [String] = []
        var current = ""
        var inQuote = false
        for c in gloss {
            if c == "\"" {
                if inQuote { result.append(current) }
                current = ""
                inQuote.toggle()
            } else if inQuote {
                current.append(c)
            }
        }
        return result
    }

    public static func == (a: Synset, b: Synset) -> Bool { a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    public var description: String { "\(pos.rawValue) \(String(offset).leftPadded(to: 8)) \(lemmaNames.joined(separator: ", "))" }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}

extension StringProtocol {
    func trimmingEnds(of characters: Set<Character>) -> SubSequence {
        var start = startIndex
        var end = endIndex
        while start < end, characters.contains(self[start]) { start = index(after: start) }
        while end > start, characters.contains(self[index(before: end)]) { end = index(before: end) }
        return self[start ..< end]
    }
}
