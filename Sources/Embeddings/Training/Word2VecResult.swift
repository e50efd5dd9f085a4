/// What ``Word2VecTrainer`` returns: the word vectors (`syn0`) and how the run went.
public struct Word2VecResult: Sendable {
    /// Rows in vocabulary order (most frequent first); named "word2vec-sg" or "word2vec-cbow".
    public let space: VectorSpace
    /// Corpus count of each word, parallel to `space.words`.
    public let counts: [Int]
    public let statistics: Word2VecStatistics
}

/// Throughput figures of one training run.
public struct Word2VecStatistics: Sendable, Codable, Hashable {
    /// Corpus tokens × epochs, out-of-vocabulary words included (gensim's "raw words").
    public var rawWords: Int
    /// In-vocabulary words read, before subsampling (word2vec.c's `word_count`).
    public var trainedWords: Int
    /// Words left after subsampling, the ones that were trained on (gensim's "effective words").
    public var effectiveWords: Int
    /// Wall time of the training loop (vocabulary and corpus encoding excluded, see ``preparationSeconds``).
    public var seconds: Double
    /// Vocabulary building, encoding and weight initialisation.
    public var preparationSeconds: Double
    /// Process CPU time (all threads) during the training loop.
    public var cpuSeconds: Double
    public var vocabularySize: Int
    public var threads: Int

    public var rawWordsPerSecond: Double { seconds > 0 ? Double(rawWords) / seconds : 0 }
    public var effectiveWordsPerSecond: Double { seconds > 0 ? Double(effectiveWords) / seconds : 0 }
    /// Raw words per CPU second (all threads together): comparable across runs on a busy machine.
    public var rawWordsPerCPUSecond: Double { cpuSeconds > 0 ? Double(rawWords) / cpuSeconds : 0 }
}
