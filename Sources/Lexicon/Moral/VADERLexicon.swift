import Assets
import Foundation

/// The VADER sentiment lexicon (Hutto & Gilbert 2014): valence from −4 (most negative) to +4 (most positive),
/// the mean of ten raters, with their standard deviation and the raw ratings.
///
/// File: `vader_lexicon.txt` (asset `vader`, CRLF), `token<TAB>mean<TAB>sd<TAB>[r1, …, r10]`, 7,520 lines. Valence
/// is not a moral foundation, so this lexicon does not conform to ``MoralLexicon``; ``rating(of:)`` is the mean.
/// A token listed twice keeps its last line, as vaderSentiment's dictionary does.
public struct VADERLexicon: Sendable {
    /// One token's ratings.
    public struct Entry: Sendable, Hashable {
        /// Mean valence (−4…4).
        public let mean: Double
        /// Standard deviation of the ratings as the file states it.
        public let standardDeviation: Double
        /// The individual ratings (integers −4…4).
        public let ratings: [Int]
    }

    public let name = "VADER"
    public let entries: [String: Entry]
    /// Tokens listed more than once (the last line wins).
    public let duplicates: [String]

    /// Every token, sorted.
    public var words: [String] { entries.keys.sorted() }

    /// Mean valence of a token (exact, then lower case); nil when absent.
    public func rating(of word: String) -> Double? { lookup(entries, word)?.mean }

    /// The token's full entry.
    public func entry(for word: String) -> Entry? { lookup(entries, word) }

    /// Loads `vader_lexicon.txt` through the asset store.
    public static func load(store: AssetStore = AssetStore()) throws -> VADERLexicon {
        try load(path: store.path("vader", file: "vader_lexicon.txt").path)
    }

    /// Reads a VADER lexicon file.
    public static func load(path: String) throws(LexiconError) -> VADERLexicon {
        let file = try TextLines(path: path)
        var entries: [String: Entry] = [:]
        var duplicates: [String] = []
        for (number, line) in file.lines {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4 else {
                throw file.error(number, "expected 4 TAB-separated fields (token, mean, SD, ratings), found \(fields.count)")
            }
            let token = String(fields[0])
            guard !token.isEmpty else { throw file.error(number, "the token is empty") }
            guard let mean = Double(fields[1]), (-4 ... 4).contains(mean) else {
                throw file.error(number, "mean \(quoted(fields[1])) is not a valence in −4…4")
            }
            guard let sd = Double(fields[2]), sd >= 0, sd.isFinite else {
                throw file.error(number, "standard deviation \(quoted(fields[2])) is not a non-negative number")
            }
            let list = fields[3].trimmingCharacters(in: .whitespaces)
            guard list.hasPrefix("["), list.hasSuffix("]") else {
                throw file.error(number, "ratings \(quoted(list)) are not a bracketed list")
            }
            var ratings: [Int] = []
            for item in list.dropFirst().dropLast().split(separator: ",") {
                guard let r = Int(item.trimmingCharacters(in: .whitespaces)), (-4 ... 4).contains(r) else {
                    throw file.error(number, "rating \(quoted(item.trimmingCharacters(in: .whitespaces))) is not an integer in −4…4")
                }
                ratings.append(r)
            }
            guard !ratings.isEmpty else { throw file.error(number, "the ratings list is empty") }
            if entries.updateValue(Entry(mean: mean, standardDeviation: sd, ratings: ratings), forKey: token) != nil {
                duplicates.append(token)
            }
        }
        guard !entries.isEmpty else { throw .malformed(file: path, line: 1, reason: "no entries in the file") }
        return VADERLexicon(entries: entries, duplicates: duplicates)
    }
}
