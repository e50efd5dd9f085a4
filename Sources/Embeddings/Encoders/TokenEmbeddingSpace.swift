import Foundation
import Inference
import Tokenizers

/// The input token-embedding matrix of a GGUF language model seen as a word-embedding space
/// (named `tokens:<model>`).
///
/// A word is looked up through the model's own tokenizer in two spellings, with a leading space (" dignity",
/// as it appears mid-sentence) and without; the spelling with fewer tokens wins, the leading-space one on a
/// tie. A word that needs several tokens gets the mean of their (dequantised) rows and is reported in
/// ``WordVectors/multiTokenWords``.
public final class TokenEmbeddingSpace: Sendable {
    public let model: LanguageModel
    /// `tokens:<model>`.
    public let name: String

    /// How one word was mapped to tokens.
    public struct WordTokens: Sendable, Equatable {
        public let word: String
        /// The token ids whose rows were averaged.
        public let ids: [Int32]
        /// Whether the leading-space spelling was used.
        public let leadingSpace: Bool
        public var isMultiToken: Bool { ids.count > 1 }
    }

    /// The vectors of a word list.
    public struct WordVectors: Sendable {
        public let space: VectorSpace
        /// Words that took more than one token (their vector is the mean of the tokens' rows), in input order.
        public let multiTokenWords: [String]
        /// How each word was tokenised, in input order.
        public let tokens: [WordTokens]
    }

    /// A space over `model`'s token embeddings; `modelName` (default: the file name without extension) goes
    /// into the space's name.
    public init(model: LanguageModel, modelName: String? = nil) {
        self.model = model
        let base = modelName ?? URL(fileURLWithPath: model.file.path).deletingPathExtension().lastPathComponent
        name = "tokens:\(base)"
    }

    /// Loads the GGUF model at `path`.
    public convenience init(path: String, modelName: String? = nil) throws {
        try self.init(model: LanguageModel(path: path), modelName: modelName)
    }

    /// Width of the token embeddings.
    public var dimension: Int { model.weights.tokenEmbedding.columns }

    /// The tokens chosen for `word` (see the type's description). Empty ids for an empty word.
    public func tokens(for word: String) -> WordTokens {
        let tokenizer = model.tokenizer
        let spaced = tokenizer.encode(" " + word, parseSpecial: false)
        let bare = tokenizer.encode(word, parseSpecial: false)
        if !bare.isEmpty, bare.count < spaced.count || spaced.isEmpty {
            return WordTokens(word: word, ids: bare, leadingSpace: false)
        }
        return WordTokens(word: word, ids: spaced, leadingSpace: true)
    }

    /// The dequantised embedding row of token `id`.
    public func row(_ id: Int32) throws(EmbeddingError) -> [Float] {
        let m = model.weights.tokenEmbedding
        guard id >= 0, Int(id) < m.rows else { throw .invalid("\(name): token id \(id) is outside 0..<\(m.rows)") }
        return [Float](unsafeUninitializedCapacity: m.columns) { buf, n in
            m.dequantizedRow(Int(id), into: buf.baseAddress!)
            n = m.columns
        }
    }

    /// Vectors of `words` (mean of their tokens' rows), with the multi-token words flagged. Empty words and
    /// words that produce no token are an error.
    public func vectors(words: [String]) throws(EmbeddingError) -> WordVectors {
        let d = dimension
        var all: [Float] = []
        all.reserveCapacity(words.count * d)
        var chosen: [WordTokens] = []
        for word in words {
            let t = tokens(for: word)
            guard !word.isEmpty, !t.ids.isEmpty else { throw .invalid("\(name): the word '\(word)' gives no tokens") }
            var mean = [Float](repeating: 0, count: d)
            for id in t.ids {
                let r = try row(id)
                for j in 0 ..< d { mean[j] += r[j] }
            }
            let k = Float(t.ids.count)
            all.append(contentsOf: mean.map { $0 / k })
            chosen.append(t)
        }
        let space = try VectorSpace(name: name, words: words, vectors: all, dimension: d)
        return WordVectors(space: space, multiTokenWords: chosen.filter(\.isMultiToken).map(\.word), tokens: chosen)
    }

    /// A space of `words` (see ``vectors(words:)`` for the multi-token report).
    public func space(words: [String]) throws(EmbeddingError) -> VectorSpace {
        try vectors(words: words).space
    }

    /// A space of every token that decodes to an alphabetic word (letters only, after stripping one leading
    /// space), for neighbour queries. Words are deduplicated: a leading-space token wins over its bare twin.
    public func vocabularySpace() throws(EmbeddingError) -> VectorSpace {
        let tokenizer = model.tokenizer
        let m = model.weights.tokenEmbedding
        var chosen: [String: (id: Int32, spaced: Bool)] = [:]
        var order: [String] = []
        for id in 0 ..< Int32(min(tokenizer.vocabularySize, m.rows)) where !tokenizer.isControl(id) {
            guard var text = String(validating: tokenizer.tokenBytes(id), as: UTF8.self) else { continue }
            let spaced = text.hasPrefix(" ")
            if spaced { text.removeFirst() }
            guard !text.isEmpty, text.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) else { continue }
            if let existing = chosen[text] {
                if spaced && !existing.spaced { chosen[text] = (id, true) }
            } else {
                chosen[text] = (id, spaced)
                order.append(text)
            }
        }
        let d = m.columns
        var all = [Float](repeating: 0, count: order.count * d)
        all.withUnsafeMutableBufferPointer { buf in
            for (k, word) in order.enumerated() {
                if let id = chosen[word]?.id { m.dequantizedRow(Int(id), into: buf.baseAddress! + k * d) }
            }
        }
        return try VectorSpace(name: name, words: order, vectors: all, dimension: d)
    }
}
