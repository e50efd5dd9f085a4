import Assets
import Foundation

/// A fixed list of words that a space without a vocabulary of its own (a sentence encoder) embeds, so that its
/// neighbour tables search real English words rather than only the words asked about.
public struct ReferenceVocabulary: Sendable, Equatable {
    /// Names the list in cache keys and reports, e.g. `glove-top20000`.
    public let name: String
    public let words: [String]

    public init(name: String, words: [String]) {
        self.name = name
        self.words = words
    }

    /// The default size: GloVe's 20,000 most frequent plain words.
    public static let defaultCount = 20_000

    /// The `count` most frequent plain words of GloVe 6B's vocabulary (which is ordered by corpus frequency):
    /// lowercase letters with inner hyphens or apostrophes, at least two letters; numbers, punctuation and
    /// fragments such as `'s` are skipped. Reads only the vocabulary file of the `glove-6b-50d` asset.
    public static func gloveTop(_ count: Int = defaultCount, store: AssetStore = AssetStore(),
                                progress: AssetProgressHandler? = nil) throws -> ReferenceVocabulary {
        let file = try store.path("glove-6b-50d", file: "glove_6B_index.parquet", progress: progress)
        let words = try ParquetReader.readStringColumn(file, column: "index")
        return ReferenceVocabulary(name: "glove-top\(count)", words: plainWords(words, limit: count))
    }

    /// The first `limit` words of `words` that are plain: `[a-z]`, then `[a-z'-]*`, ending in `[a-z]`.
    public static func plainWords(_ words: [String], limit: Int) -> [String] {
        var out: [String] = []
        out.reserveCapacity(min(limit, words.count))
        for w in words where out.count < limit {
            let bytes = Array(w.utf8)
            guard bytes.count >= 2, let first = bytes.first, let last = bytes.last,
                  (0x61 ... 0x7A).contains(first), (0x61 ... 0x7A).contains(last),
                  bytes.allSatisfy({ (0x61 ... 0x7A).contains($0) || $0 == 0x2D || $0 == 0x27 }) else { continue }
            out.append(w)
        }
        return out
    }

    /// A hash of the words and their order (16 hex digits), part of the cache key of encoded vocabularies.
    public var hash: String {
        var h = ContentHash()
        for w in words {
            h.add(w)
            h.add("\n")
        }
        return h.hex
    }
}
