import Foundation

/// The shape of a BERT encoder and how sentence-transformers pools it, read from a model directory's
/// `config.json`, `sentence_bert_config.json`, `modules.json` and `1_Pooling/config.json`.
public struct BertConfiguration: Sendable, Equatable {
    public var hiddenSize: Int
    public var layerCount: Int
    public var headCount: Int
    public var intermediateSize: Int
    public var layerNormEpsilon: Float
    public var maxPositionEmbeddings: Int
    public var vocabularySize: Int
    public var typeVocabularySize: Int
    /// Longest input in tokens, [CLS] and [SEP] included (sentence-transformers' `max_seq_length`).
    public var maxSequenceLength: Int
    /// Whether the pooled vector is scaled to unit length (a `Normalize` module follows the pooling).
    public var normalize: Bool

    public var headDimension: Int { hiddenSize / headCount }

    /// all-MiniLM-L6-v2.
    public static let miniLM = BertConfiguration(
        hiddenSize: 384, layerCount: 6, headCount: 12, intermediateSize: 1536, layerNormEpsilon: 1e-12,
        maxPositionEmbeddings: 512, vocabularySize: 30522, typeVocabularySize: 2, maxSequenceLength: 256, normalize: true)

    public init(hiddenSize: Int, layerCount: Int, headCount: Int, intermediateSize: Int, layerNormEpsilon: Float,
                maxPositionEmbeddings: Int, vocabularySize: Int, typeVocabularySize: Int, maxSequenceLength: Int,
                normalize: Bool) {
        self.hiddenSize = hiddenSize
        self.layerCount = layerCount
        self.headCount = headCount
        self.intermediateSize = intermediateSize
        self.layerNormEpsilon = layerNormEpsilon
        self.maxPositionEmbeddings = maxPositionEmbeddings
        self.vocabularySize = vocabularySize
        self.typeVocabularySize = typeVocabularySize
        self.maxSequenceLength = maxSequenceLength
        self.normalize = normalize
    }

    /// Reads the configuration of the sentence-transformers model in `directory`. Only BERT with exact-erf GELU,
    /// absolute positions and mean pooling is supported; anything else is a one-line error naming the file.
    public init(directory: URL) throws(EmbeddingError) {
        let configURL = directory.appendingPathComponent("config.json")
        let config = try Self.object(configURL)
        func int(_ key: String) throws(EmbeddingError) -> Int {
            guard let v = config[key] as? NSNumber, let n = Int(exactly: v.doubleValue), n > 0 else {
                throw .malformed("\(configURL.path): '\(key)' must be a positive integer")
            }
            return n
        }
        if let type = config["model_type"] as? String, type != "bert" {
            throw .invalid("\(configURL.path): model_type '\(type)' is not supported (only bert)")
        }
        if let act = config["hidden_act"] as? String, act != "gelu" {
            throw .invalid("\(configURL.path): hidden_act '\(act)' is not supported (only gelu)")
        }
        if let pos = config["position_embedding_type"] as? String, pos != "absolute" {
            throw .invalid("\(configURL.path): position_embedding_type '\(pos)' is not supported (only absolute)")
        }
        hiddenSize = try int("hidden_size")
        layerCount = try int("num_hidden_layers")
        headCount = try int("num_attention_heads")
        intermediateSize = try int("intermediate_size")
        maxPositionEmbeddings = try int("max_position_embeddings")
        vocabularySize = try int("vocab_size")
        typeVocabularySize = (config["type_vocab_size"] as? NSNumber)?.intValue ?? 2
        guard hiddenSize % headCount == 0 else {
            throw .malformed("\(configURL.path): hidden_size \(hiddenSize) is not a multiple of num_attention_heads \(headCount)")
        }
        let eps = (config["layer_norm_eps"] as? NSNumber)?.doubleValue ?? 1e-12
        guard eps.isFinite, eps >= 0 else { throw .malformed("\(configURL.path): layer_norm_eps must be a non-negative number") }
        layerNormEpsilon = Float(eps)

        var maxLength = maxPositionEmbeddings
        let sbertURL = directory.appendingPathComponent("sentence_bert_config.json")
        if FileManager.default.fileExists(atPath: sbertURL.path) {
            let sbert = try Self.object(sbertURL)
            if let m = sbert["max_seq_length"] as? NSNumber {
                guard let v = Int(exactly: m.doubleValue), v >= 2 else {
                    throw .malformed("\(sbertURL.path): max_seq_length must be an integer of at least 2")
                }
                maxLength = min(v, maxPositionEmbeddings)
            }
        }
        maxSequenceLength = maxLength

        let poolingURL = directory.appendingPathComponent("1_Pooling/config.json")
        if FileManager.default.fileExists(atPath: poolingURL.path) {
            let pooling = try Self.object(poolingURL)
            for mode in ["pooling_mode_cls_token", "pooling_mode_max_tokens", "pooling_mode_mean_sqrt_len_tokens"]
            where (pooling[mode] as? Bool) == true {
                throw .invalid("\(poolingURL.path): \(mode) is not supported (only mean pooling)")
            }
            if let mean = pooling["pooling_mode_mean_tokens"] as? Bool, !mean {
                throw .invalid("\(poolingURL.path): pooling_mode_mean_tokens is false; only mean pooling is supported")
            }
        }
        var normalize = true
        let modulesURL = directory.appendingPathComponent("modules.json")
        if FileManager.default.fileExists(atPath: modulesURL.path) {
            guard let data = FileManager.default.contents(atPath: modulesURL.path),
                  let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
                throw .malformed("\(modulesURL.path): not a JSON list of modules")
            }
            normalize = list.contains { ($0["type"] as? String)?.hasSuffix(".Normalize") == true }
        }
        self.normalize = normalize
    }

    private static func object(_ url: URL) throws(EmbeddingError) -> [String: Any] {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw .io("\(url.path): cannot read the file") }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw .malformed("\(url.path): not a JSON object")
        }
        return object
    }
}
