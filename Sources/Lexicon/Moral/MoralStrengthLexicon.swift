import Assets
import Foundation

/// MoralStrength (Araque, Gatti & Kalimeri 2020): crowd ratings of how strongly a word expresses each moral
/// foundation, from 1 (the vice: harm, cheating, betrayal, subversion, degradation) to 9 (the virtue: care,
/// fairness, loyalty, authority, purity); 5 is neutral.
///
/// Two versions ship in the `moralstrength` asset: the original lemmas (`care.tsv` …, 487 lemmas, a few listed
/// twice in one file) and v1.1 (`v1.1/care.tsv` …, 2,845 word forms). A word listed twice in one file keeps its
/// first rating, as v1.1 (derived from the original) does. Files are `WORD<TAB>RATING` after a header line.
public struct MoralStrengthLexicon: MoralLexicon {
    /// Which release of the lexicon.
    public enum Version: String, Sendable, CaseIterable {
        /// The original annotated lemmas.
        case original = "1.0"
        /// The expanded word forms of v1.1.
        case v1_1 = "1.1"

        var directory: String { self == .original ? "" : "v1.1/" }
    }

    public let name: String
    public let version: Version
    /// Word → foundation → rating (1–9).
    public let entries: [String: [MoralFoundation: Double]]
    /// Words that appeared more than once in one foundation's file (the first rating is kept), with the file.
    public let duplicates: [(word: String, foundation: MoralFoundation)]

    public var foundations: [MoralFoundation] { MoralFoundation.allCases }
    public var words: [String] { entries.keys.sorted() }

    public func rating(of word: String, _ foundation: MoralFoundation) -> Double? {
        lookup(entries, word)?[foundation]
    }

    /// The file name of a foundation (`purity.tsv` for sanctity).
    static func fileName(_ f: MoralFoundation) -> String { (f == .sanctity ? "purity" : f.rawValue) + ".tsv" }

    /// Loads one version through the asset store.
    public static func load(_ version: Version = .v1_1, store: AssetStore = AssetStore()) throws -> MoralStrengthLexicon {
        let directory = try store.ensure("moralstrength")
        return try load(directory: directory.appendingPathComponent(version.directory), version: version)
    }

    /// Reads `care.tsv`, `fairness.tsv`, `loyalty.tsv`, `authority.tsv` and `purity.tsv` from a directory.
    public static func load(directory: URL, version: Version) throws(LexiconError) -> MoralStrengthLexicon {
        var entries: [String: [MoralFoundation: Double]] = [:]
        var duplicates: [(word: String, foundation: MoralFoundation)] = []
        for foundation in MoralFoundation.allCases {
            let path = directory.appendingPathComponent(fileName(foundation)).path
            let file = try TextLines(path: path)
            var header = true
            for (number, line) in file.lines {
                if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                if header {
                    header = false
                    guard fields.count == 2, fields[1] == "EXPRESSED_MORAL" else {
                        throw file.error(number, "expected the header 'WORD<TAB>EXPRESSED_MORAL', found \(quoted(line))")
                    }
                    continue
                }
                guard fields.count == 2 else {
                    throw file.error(number, "expected 2 TAB-separated fields (word, rating), found \(fields.count)")
                }
                let word = fields[0].trimmingCharacters(in: .whitespaces)
                guard !word.isEmpty else { throw file.error(number, "the word is empty") }
                guard let rating = Double(fields[1].trimmingCharacters(in: .whitespaces)), rating.isFinite else {
                    throw file.error(number, "rating \(quoted(fields[1])) is not a number")
                }
                guard (1 ... 9).contains(rating) else {
                    throw file.error(number, "rating \(rating) lies outside MoralStrength's 1–9 scale")
                }
                if entries[word]?[foundation] != nil {
                    duplicates.append((word, foundation))
                } else {
                    entries[word, default: [:]][foundation] = rating
                }
            }
            if header { throw .malformed(file: path, line: 1, reason: "the file is empty (no header line)") }
        }
        return MoralStrengthLexicon(
            name: "MoralStrength \(version.rawValue)", version: version, entries: entries, duplicates: duplicates)
    }
}
