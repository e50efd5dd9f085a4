import Foundation

/// Settings of ``LSATrainer``. Defaults follow gensim's `LsiModel` where it has one (two power iterations, 100
/// extra samples) and its `TfidfModel` weighting.
public struct LSAConfiguration: Sendable, Hashable, Codable {
    /// What one document (one row of the document-term matrix) is.
    public enum Documents: Sendable, Hashable, Codable {
        /// Each corpus line.
        case lines
        /// Consecutive windows of this many tokens over the whole corpus (line ends ignored).
        case windows(Int)
    }

    /// Number of singular vectors kept (the vector dimension).
    public var dimension = 300
    /// Words seen fewer times are dropped.
    public var minCount = 5
    public var documents: Documents = .lines
    /// Words left out of the vocabulary (e.g. ``LSAConfiguration/englishStopWords``).
    public var stopWords: Set<String> = []
    /// Extra random directions beyond `dimension` (gensim `extra_samples`).
    public var oversampling = 100
    /// Power iterations of the range finder (gensim `power_iters`).
    public var powerIterations = 2
    /// Word vectors are V_k·Σ_k^α: 1 (default) scales by the singular values, 0 gives the bare singular vectors,
    /// 0.5 the symmetric split (Bullinaria & Levy's "eigenvalue weighting").
    public var singularValueExponent = 1.0
    public var seed: UInt64 = 1
    public var threads = ProcessInfo.processInfo.activeProcessorCount

    public init() {}

    public func validate() throws(EmbeddingError) {
        func need(_ ok: Bool, _ what: String) throws(EmbeddingError) { if !ok { throw .invalid("lsa: \(what)") } }
        try need(dimension >= 1 && dimension <= 100_000, "dimension must be 1…100000, got \(dimension)")
        try need(minCount >= 1, "min-count must be at least 1, got \(minCount)")
        if case .windows(let n) = documents { try need(n >= 1, "document window must be at least 1 token, got \(n)") }
        try need(oversampling >= 0 && oversampling <= 100_000, "oversampling must be 0…100000, got \(oversampling)")
        try need(powerIterations >= 0 && powerIterations <= 100, "power iterations must be 0…100, got \(powerIterations)")
        try need(singularValueExponent.isFinite, "singular value exponent must be finite, got \(singularValueExponent)")
        try need(threads >= 1 && threads <= 512, "threads must be 1…512, got \(threads)")
    }

    /// A short English function-word list (articles, pronouns, auxiliaries, prepositions, conjunctions) for
    /// optional removal; value words are not in it.
    public static let englishStopWords: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
        "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has",
        "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in",
        "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not",
        "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
        "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
        "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until",
        "up", "upon", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why",
        "will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "thee", "thou", "thy", "ye",
        "unto", "shall", "hath", "doth",
    ]
}
