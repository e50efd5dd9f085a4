/// Hyper-parameters of ``Word2VecTrainer``; defaults are gensim 4's `Word2Vec` defaults.
public struct Word2VecConfiguration: Sendable, Hashable, Codable {
    public enum Architecture: String, Sendable, Hashable, Codable, CaseIterable {
        /// Skip-gram: each context word's vector predicts the centre word.
        case skipGram = "sg"
        /// Continuous bag of words: the mean of the context vectors predicts the centre word.
        case cbow
    }

    public var architecture: Architecture = .cbow
    /// Vector dimension (`vector_size`).
    public var dimension = 100
    /// Maximum distance between centre and context word.
    public var window = 5
    /// Noise words per positive example (negative sampling; hierarchical softmax is not implemented).
    public var negative = 5
    /// Words seen fewer times are dropped.
    public var minCount = 5
    public var epochs = 5
    /// Subsampling of frequent words (0 disables).
    public var sample = 1e-3
    /// Initial and final learning rate (linear decay over all epochs).
    public var alpha = 0.025
    public var minAlpha = 0.0001
    /// Worker threads (gensim `workers`).
    public var threads = 3
    /// Seeds the weights and every thread's generator.
    public var seed: UInt64 = 1
    /// Longer lines are cut into pieces of this many tokens (gensim's `MAX_WORDS_IN_BATCH`).
    public var maxSentenceLength = 10_000
    /// Draw the effective window per centre word uniformly from 1…window.
    public var shrinkWindows = true
    /// CBOW: average (true) or sum the context vectors.
    public var cbowMean = true
    /// Exponent of the noise distribution.
    public var nsExponent = 0.75

    public init() {}

    /// One-line errors for values that cannot work.
    public func validate() throws(EmbeddingError) {
        func need(_ ok: Bool, _ what: String) throws(EmbeddingError) { if !ok { throw .invalid("word2vec: \(what)") } }
        try need(dimension >= 1 && dimension <= 100_000, "dimension must be 1…100000, got \(dimension)")
        try need(window >= 1 && window <= 1000, "window must be 1…1000, got \(window)")
        try need(negative >= 1 && negative <= 1000, "negative must be 1…1000, got \(negative)")
        try need(minCount >= 1, "min-count must be at least 1, got \(minCount)")
        try need(epochs >= 1 && epochs <= 100_000, "epochs must be 1…100000, got \(epochs)")
        try need(sample.isFinite && sample >= 0, "sample must be a finite number ≥ 0, got \(sample)")
        try need(alpha.isFinite && alpha > 0 && alpha < 10, "alpha must be in (0, 10), got \(alpha)")
        try need(minAlpha.isFinite && minAlpha >= 0 && minAlpha <= alpha, "min-alpha must be in [0, alpha], got \(minAlpha)")
        try need(threads >= 1 && threads <= 512, "threads must be 1…512, got \(threads)")
        try need(maxSentenceLength >= 1, "max sentence length must be positive, got \(maxSentenceLength)")
        try need(nsExponent.isFinite, "ns exponent must be finite, got \(nsExponent)")
    }
}
