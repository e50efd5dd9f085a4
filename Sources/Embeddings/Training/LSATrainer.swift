import Foundation

/// Latent semantic analysis word vectors: corpus → vocabulary (min count, optional stop words) → document-term
/// counts (documents = lines or fixed token windows) → TF-IDF (``TFIDFMatrix``, gensim's weighting) → randomized
/// truncated SVD (``RandomizedSVD``) → word vectors.
///
/// With the documents × terms matrix X ≈ U_k Σ_k V_kᵀ, a word's vector is its row of V_k·Σ_k^α (α =
/// ``LSAConfiguration/singularValueExponent``, default 1). This equals the rows of U_k Σ_k for gensim's
/// terms × documents orientation and scikit-learn's `components_.T * singular_values_`. Terms whose idf is 0
/// (present in every document) are left out of the space.
public struct LSATrainer: Sendable {
    public var configuration: LSAConfiguration

    public init(configuration: LSAConfiguration = LSAConfiguration()) {
        self.configuration = configuration
    }

    public func train(_ corpus: TokenCorpus, progress: ((TrainingProgress) -> Void)? = nil) throws(EmbeddingError) -> LSAResult {
        let config = configuration
        try config.validate()
        let clock = ContinuousClock()
        let started = clock.now
        let cpuStart = ProcessCPUTime.now()
        func elapsed() -> Double { Word2VecTrainer.seconds(clock.now - started) }

        // Vocabulary: kept words by descending count (ties: first seen first).
        let kept = corpus.counts.indices.filter {
            corpus.counts[$0] >= config.minCount && !config.stopWords.contains(corpus.words[$0])
        }
        let order = kept.sorted { corpus.counts[$0] != corpus.counts[$1] ? corpus.counts[$0] > corpus.counts[$1] : $0 < $1 }
        guard !order.isEmpty else {
            throw .invalid("lsa: no word occurs at least \(config.minCount) times in the corpus (\(corpus.tokenCount) tokens)")
        }
        var termOf = [Int32](repeating: -1, count: corpus.counts.count)
        for (t, id) in order.enumerated() { termOf[id] = Int32(t) }
        progress?(TrainingProgress(phase: "building the tf-idf matrix", fraction: 0, elapsed: elapsed()))

        var termIDs: [Int32] = []
        termIDs.reserveCapacity(corpus.tokenCount)
        var starts = [0]
        switch config.documents {
        case .lines:
            for line in 0 ..< corpus.lineCount {
                for p in corpus.lineStarts[line] ..< corpus.lineStarts[line + 1] {
                    let t = termOf[Int(corpus.tokens[p])]
                    if t >= 0 { termIDs.append(t) }
                }
                starts.append(termIDs.count)
            }
        case .windows(let size):
            var p = 0
            while p < corpus.tokenCount {
                for q in p ..< min(corpus.tokenCount, p + size) {
                    let t = termOf[Int(corpus.tokens[q])]
                    if t >= 0 { termIDs.append(t) }
                }
                starts.append(termIDs.count)
                p += size
            }
        }
        let tfidf = try TFIDFMatrix(termIDs: termIDs, documentStarts: starts, terms: order.count)
        termIDs = []
        // Drop terms without weight (idf 0 or no document) by remapping columns.
        var column = [Int32](repeating: -1, count: order.count)
        var words: [String] = []
        var counts: [Int] = []
        for t in 0 ..< order.count where tfidf.idf[t] > 0 {
            column[t] = Int32(words.count)
            words.append(corpus.words[order[t]])
            counts.append(corpus.counts[order[t]])
        }
        let x = tfidf.matrix
        let matrix = try SparseMatrix(rows: x.rows, columns: words.count, rowStarts: x.rowStarts,
                                      columnIndices: x.columnIndices.map { column[Int($0)] }, values: x.values)
        let smaller = min(matrix.rows, matrix.columns)
        guard config.dimension <= smaller else {
            throw .invalid("lsa: dimension \(config.dimension) exceeds the \(matrix.rows) documents × \(matrix.columns) terms matrix; use at most \(smaller)")
        }
        let matrixSeconds = elapsed()

        let svd = RandomizedSVD(rank: config.dimension, oversampling: config.oversampling,
                                powerIterations: config.powerIterations, seed: config.seed, threads: config.threads)
        let result = try svd.decompose(matrix) { done, all in
            let e = elapsed()
            let svdElapsed = e - matrixSeconds
            progress?(TrainingProgress(
                phase: "svd pass \(done)/\(all)", fraction: Double(done) / Double(all + 1), elapsed: e,
                remaining: done > 0 ? svdElapsed / Double(done) * Double(all + 1 - done) : nil))
        }
        let k = config.dimension
        var vectors = [Float](repeating: 0, count: words.count * k)
        let weights = result.singularValues.map { pow($0, config.singularValueExponent) }
        for w in 0 ..< words.count {
            for c in 0 ..< k { vectors[w * k + c] = Float(result.v[w, c] * weights[c]) }
        }
        let space = try VectorSpace(name: "lsa", words: words, vectors: vectors, dimension: k)
        let total = elapsed()
        progress?(TrainingProgress(phase: "done", fraction: 1, elapsed: total, remaining: 0))
        return LSAResult(space: space, singularValues: result.singularValues, counts: counts,
                         statistics: LSAStatistics(documents: matrix.rows, terms: matrix.columns, nonZeros: matrix.nonZeros,
                                                   matrixSeconds: matrixSeconds, svdSeconds: total - matrixSeconds,
                                                   cpuSeconds: ProcessCPUTime.now() - cpuStart,
                                                   threads: config.threads))
    }
}
