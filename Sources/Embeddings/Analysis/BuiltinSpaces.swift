import Assets
import Foundation
import Inference

/// The default loaders for the spaces that embed on demand: the MiniLM sentence encoder and an LLM's token
/// embeddings. (Other loaders can replace them through `SpaceResolver.register(prefix:loader:)`.)
enum BuiltinSpaces {
    /// MiniLM vectors for the words the analysis looks up plus the default value words: a sentence encoder has no
    /// fixed vocabulary, so neighbours are searched among these words.
    static func miniLM(_ context: SpaceResolver.Context) throws -> VectorSpace {
        let encoder = try SentenceEncoder.miniLM(store: context.store, progress: context.progress)
        var seen = Set<String>()
        let words = (context.words + ValueWords.default.flatMap(\.spellings)).filter { seen.insert($0).inserted }
        return try encoder.space(words: words)
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
