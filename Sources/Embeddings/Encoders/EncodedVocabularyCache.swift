import Foundation

/// Sentence-encoder vectors of a ``ReferenceVocabulary``, computed once and kept on disk (word2vec binary) under
/// `directory`, keyed by the model's content hash and the vocabulary's hash: a changed model or list gives a new
/// file, never a stale one.
public struct EncodedVocabularyCache: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// The cache under an asset cache root: `ROOT/spaces`.
    public init(root: URL) {
        directory = root.appendingPathComponent("spaces", isDirectory: true)
    }

    /// Where the vectors of `vocabulary` under `encoder` are kept (`name` prefixes the file name).
    public func file(for encoder: SentenceEncoder, vocabulary: ReferenceVocabulary, name: String) throws(EmbeddingError) -> URL {
        let safe = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
        return directory.appendingPathComponent("\(safe)-\(try encoder.fingerprint())-\(vocabulary.name)-\(vocabulary.hash).bin")
    }

    /// The vocabulary's vectors: read from the cache, or encoded now and written to it (atomically; a cache
    /// that cannot be written is not an error, the vectors are returned anyway). The space is named `name`.
    /// - Returns: the space and whether it came from the cache.
    public func space(encoder: SentenceEncoder, vocabulary: ReferenceVocabulary,
                      name: String) throws -> (space: VectorSpace, cached: Bool) {
        let url = try file(for: encoder, vocabulary: vocabulary, name: name)
        if FileManager.default.fileExists(atPath: url.path),
           let cached = try? Word2VecBinaryReader.read(url, name: name),
           cached.words == vocabulary.words, cached.dimension == encoder.dimension {
            return (cached, true)
        }
        let space = try encoder.space(words: vocabulary.words, name: name)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
            try Word2VecWriter.writeBinary(space, to: temporary)
            _ = try? FileManager.default.removeItem(at: url)
            try FileManager.default.moveItem(at: temporary, to: url)
        } catch {
            // A read-only cache only costs the encoding next time.
        }
        return (space, false)
    }
}
