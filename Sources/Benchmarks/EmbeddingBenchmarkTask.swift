/// One measurement of `valueprobe bench embed`.
public enum EmbeddingBenchmarkTask: String, CaseIterable, Codable, Sendable {
    /// Top-10 cosine neighbours of 100 value words over GloVe 6B 50d's 400,000 words (peer: NumPy brute force).
    case neighbors
    /// word2vec CBOW training words/s on a slice of the built-in corpus (peer: gensim `Word2Vec`, `corpus_file`).
    case word2vec
    /// LSA with k = 300 on the same slice: TF-IDF and randomized SVD (peer: gensim `TfidfModel` + `LsiModel`).
    case lsa
    /// all-MiniLM-L6-v2 sentences/s on a fixed set of 1,000 sentences (peer: sentence-transformers on PyTorch CPU).
    case minilm

    /// The Python module the peer needs.
    var peerModule: String {
        switch self {
        case .neighbors: "numpy"
        case .word2vec, .lsa: "gensim"
        case .minilm: "sentence_transformers"
        }
    }

    /// Whether the figure is a rate (higher is better) rather than a time.
    var isRate: Bool { self == .word2vec || self == .minilm }
}
