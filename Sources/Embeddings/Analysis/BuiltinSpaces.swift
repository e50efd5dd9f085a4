import Assets
import Foundation
import Inference

/// The default loaders for the spaces that embed on demand: the MiniLM sentence encoder and an LLM's token
/// embeddings. (Other loaders can replace them through `SpaceResolver.register(prefix:loader:)`.)
enum BuiltinSpaces {
    /// MiniLM vectors of a fixed reference vocabulary (GloVe's 20,000 most frequent plain words, see
    /// ``ReferenceVocabulary/gloveTop(_:store:progress:)``; encoded once and cached under the asset cache, see
    /// ``EncodedVocabularyCache``), plus the words the analysis looks up and the default value words: a sentence
    /// encoder has no vocabulary of its own, so neighbours are searched among these words.
    static func miniLM(_ context: SpaceResolver.Context) throws -> VectorSpace {
        let encoder = try SentenceEncoder.miniLM(store: context.store, progress: context.progress)
        let vocabulary = try ReferenceVocabulary.gloveTop(store: context.store, progress: context.progress)
        return try referenceSpace(encoder: encoder, vocabulary: vocabulary, extra: context.words,
                                  cache: EncodedVocabularyCache(root: context.store.root))
    }

    /// The cached vectors of `vocabulary` plus, encoded now, the words of `extra` and the default value words that
    /// it lacks.
    static func referenceSpace(encoder: SentenceEncoder, vocabulary: ReferenceVocabulary, extra: [String],
                               cache: EncodedVocabularyCache, name: String = "minilm") throws -> VectorSpace {
        let base = try cache.space(encoder: encoder, vocabulary: vocabulary, name: name).space
        var seen = Set(base.words)
        let missing = (extra + ValueWords.default.flatMap(\.spellings)).filter { seen.insert($0).inserted }
        guard !missing.isEmpty else { return base }
        let added = try encoder.space(words: missing, name: name)
        return try VectorSpace(name: name, words: base.words + added.words, vectors: base.vectors + added.vectors,
                               dimension: base.dimension)
    }

    /// The input embeddings of a GGUF model (`smollm2`, `local:smollm2`, or a `.gguf` path): every single-token
    /// alphabetic word of its vocabulary, plus the requested words (multi-token words averaged).
    static func tokens(_ model: String, _ context: SpaceResolver.Context) throws -> VectorSpace {
        let name = model.hasPrefix("local:") ? String(model.dropFirst(6)) : model
        let path = context.store.catalog.spec(named: name) != nil
            ? try context.store.primaryFile(name, progress: context.progress).path : name
        guard FileManager.default.fileExists(atPath: path) else {
            throw EmbeddingError.io("tokens:\(model): no such model file or built-in model")
        }
        let space = TokenEmbeddingSpace(model: try LanguageModel(path: path), modelName: name)
        let vocabulary = try space.vocabularySpace()
        let extra = context.words.filter { !vocabulary.contains($0) }
        guard !extra.isEmpty else { return vocabulary }
        let added = try space.space(words: extra)
        return try VectorSpace(name: vocabulary.name, words: vocabulary.words + added.words,
                               vectors: vocabulary.vectors + added.vectors, dimension: vocabulary.dimension)
    }
}
