import Assets
import Foundation
import Lexicon
import Statistics

/// Word-similarity evaluation of a space: Spearman ρ (and Pearson r) between cosine similarities and human
/// scores, after gensim's `evaluate_word_pairs`. Data sets come from Lexicon's ``SimilarityDatasets``.
///
/// OOV policy: a pair with a word missing from the space is dropped and counted; `pairsUsed`/`pairsTotal` are
/// always reported. With `caseInsensitive` (the default, as in gensim) words are matched ignoring case; when
/// several vocabulary entries differ only in case, the first row (usually the most frequent) wins.
/// `restrictVocabulary` (gensim's `restrict_vocab`, 300,000 there; none here by default) searches only the first
/// N rows.
public enum SimilarityBenchmark {
    /// The result on one data set.
    public struct Result: Sendable, Codable, Equatable {
        public let dataset: String
        public let spearman: Double?
        public let pearson: Double?
        public let pairsUsed: Int
        public let pairsTotal: Int
        public let caseInsensitive: Bool
        public let restrictVocabulary: Int?

        /// Share of pairs dropped as out of vocabulary.
        public var oovFraction: Double { pairsTotal == 0 ? 0 : Double(pairsTotal - pairsUsed) / Double(pairsTotal) }

        enum CodingKeys: String, CodingKey {
            case dataset, spearman, pearson, caseInsensitive = "case_insensitive", restrictVocabulary = "restrict_vocabulary"
            case pairsUsed = "pairs_used", pairsTotal = "pairs_total"
        }
    }

    /// The data sets `embed benchmark` runs by default: SimLex-999, WordSim-353 and MEN.
    public static let standard = ["simlex999", "wordsim353", "men"]

    /// Evaluates `space` on each data set.
    public static func evaluate(
        _ space: VectorSpace, on datasets: [SimilarityDataset], caseInsensitive: Bool = true, restrictVocabulary: Int? = nil
    ) throws(EmbeddingError) -> [Result] {
        let lookup = WordLookup(space: space, caseInsensitive: caseInsensitive, restrict: restrictVocabulary)
        var results: [Result] = []
        for dataset in datasets { results.append(try evaluate(lookup, dataset)) }
        return results
    }

    /// Evaluates `space` on one data set.
    public static func evaluate(
        _ space: VectorSpace, on dataset: SimilarityDataset, caseInsensitive: Bool = true, restrictVocabulary: Int? = nil
    ) throws(EmbeddingError) -> Result {
        try evaluate(WordLookup(space: space, caseInsensitive: caseInsensitive, restrict: restrictVocabulary), dataset)
    }

    private static func evaluate(_ lookup: WordLookup, _ dataset: SimilarityDataset) throws(EmbeddingError) -> Result {
        let space = lookup.space
        let unit = space.normalizedVectors
        let d = space.dimension
        var cosines: [Double] = []
        var human: [Double] = []
        unit.withUnsafeBufferPointer { u in
            for (first, second, score) in dataset.pairs {
                guard let a = lookup.row(first), let b = lookup.row(second) else { continue }
                var dot: Float = 0
                for j in 0 ..< d { dot += u[a * d + j] * u[b * d + j] }
                cosines.append(Double(dot))
                human.append(score)
            }
        }
        do {
            return Result(
                dataset: dataset.name, spearman: try spearmanCorrelation(cosines, human),
                pearson: try pearsonCorrelation(cosines, human), pairsUsed: cosines.count,
                pairsTotal: dataset.pairs.count, caseInsensitive: lookup.caseInsensitive, restrictVocabulary: lookup.restrict)
        } catch {
            throw .invalid("\(dataset.name): \(error)")
        }
    }
}

/// Word → row, optionally ignoring case (first row wins among case variants) and limited to the first rows.
struct WordLookup {
    let space: VectorSpace
    let caseInsensitive: Bool
    let restrict: Int?
    private let folded: [String: Int]

    init(space: VectorSpace, caseInsensitive: Bool, restrict: Int?) {
        self.space = space
        self.caseInsensitive = caseInsensitive
        self.restrict = restrict
        var map: [String: Int] = [:]
        if caseInsensitive {
            let n = min(space.count, max(0, restrict ?? space.count))
            map.reserveCapacity(n)
            for r in 0 ..< n {
                let key = space.words[r].lowercased()
                if map[key] == nil { map[key] = r }
            }
        }
        folded = map
    }

    func row(_ word: String) -> Int? {
        let r = caseInsensitive ? folded[word.lowercased()] : space.row(of: word)
        guard let r else { return nil }
        if let restrict, r >= restrict { return nil }
        return r
    }
}
