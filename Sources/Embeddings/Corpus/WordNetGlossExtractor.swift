import Foundation

/// WordNet 3.0 glosses: in `data.noun`, `data.verb`, `data.adj` and `data.adv`, the text after ` | ` on each
/// synset line (definition plus quoted examples). Licence lines (starting with a space) are skipped; each gloss
/// becomes one corpus line.
enum WordNetGlossExtractor {
    static let files = ["data.noun", "data.verb", "data.adj", "data.adv"]

    static func segments(database directory: URL) throws(EmbeddingError) -> [String] {
        var out: [String] = []
        var found = 0
        for name in files {
            let url = directory.appendingPathComponent(name)
            guard CorpusFileReader.exists(url) else { continue }
            found += 1
            out += glosses(try CorpusFileReader.text(url))
        }
        guard found > 0 else {
            throw .malformed("\(directory.path): no WordNet data files (data.noun, data.verb, data.adj, data.adv)")
        }
        return out
    }

    static func glosses(_ text: String) -> [String] {
        var out: [String] = []
        for line in TextSegmenter.lines(text) {
            guard let first = line.utf8.first, first != 0x20 else { continue }
            if let bar = line.range(of: " | ") {
                out.append(String(line[bar.upperBound...]))
            }
        }
        return out
    }
}
