import Foundation

/// The trained vocabulary of word2vec, built as gensim 4 builds it: words seen at least `minCount` times, sorted by
/// descending count (ties: the word seen later first, gensim's `lexsort((-index, -count))`), each with its
/// subsampling keep-probability.
public struct Word2VecVocabulary: Sendable {
    /// Words by row (most frequent first).
    public let words: [String]
    /// Corpus counts, parallel to ``words``.
    public let counts: [Int]
    /// Σ counts of the kept words (gensim's `retain_total`).
    public let retainedTotal: Int
    /// gensim's `sample_int`: `UInt32(p_keep · (2³² − 1))`; a word is dropped when this is below the next
    /// 32-bit random number.
    public let sampleThresholds: [UInt32]
    /// The subsampling threshold count t·T (see ``subsamplingThreshold(sample:retainedTotal:)``).
    public let threshold: Double
    /// Row of each ``TokenCorpus`` word id, −1 for dropped words.
    let rowOfCorpusWord: [Int32]

    /// - Parameters:
    ///   - sample: subsampling parameter (0 disables it; below 1 a proportion of the corpus, from 1 an absolute
    ///     count, as in gensim).
    public init(corpus: TokenCorpus, minCount: Int, sample: Double) {
        let kept = corpus.counts.indices.filter { corpus.counts[$0] >= minCount }
        let order = kept.sorted { a, b in
            corpus.counts[a] != corpus.counts[b] ? corpus.counts[a] > corpus.counts[b] : a > b
        }
        var rowOf = [Int32](repeating: -1, count: corpus.counts.count)
        for (row, id) in order.enumerated() { rowOf[id] = Int32(row) }
        let counts = order.map { corpus.counts[$0] }
        let total = counts.reduce(0, +)
        let t = Self.subsamplingThreshold(sample: sample, retainedTotal: total)
        self.words = order.map { corpus.words[$0] }
        self.counts = counts
        self.retainedTotal = total
        self.threshold = t
        self.sampleThresholds = counts.map { Self.sampleInt(keepProbability: Self.keepProbability(count: $0, threshold: t)) }
        self.rowOfCorpusWord = rowOf
    }

    public var count: Int { words.count }

    /// gensim's `threshold_count`: `sample · retainedTotal` for 0 < sample < 1, `⌊sample·(3 + √5)/2⌋` for
    /// sample ≥ 1, and `retainedTotal` (nothing dropped) for sample = 0.
    public static func subsamplingThreshold(sample: Double, retainedTotal: Int) -> Double {
        if sample <= 0 { return Double(retainedTotal) }
        if sample < 1 { return sample * Double(retainedTotal) }
        return Double(Int(sample * (3 + 5.0.squareRoot()) / 2))
    }

    /// `min(1, (√(c/t) + 1)·t/c)` — word2vec.c's and gensim's keep-probability (not the paper's 1 − √(t/c)).
    public static func keepProbability(count: Int, threshold: Double) -> Double {
        guard count > 0 else { return 1 }
        let c = Double(count)
        return min(1, ((c / threshold).squareRoot() + 1) * (threshold / c))
    }

    /// `UInt32(p · (2³² − 1))`, truncating like NumPy's conversion.
    public static func sampleInt(keepProbability p: Double) -> UInt32 {
        UInt32((min(1, max(0, p)) * 4_294_967_295.0).rounded(.towardZero))
    }

    /// Expected number of words kept per pass after subsampling (gensim's `downsample_total`).
    public var expectedRetainedAfterSampling: Double {
        counts.reduce(0.0) { $0 + Self.keepProbability(count: $1, threshold: threshold) * Double($1) }
    }
}
