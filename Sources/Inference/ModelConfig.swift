import GGUF

/// How a model rotates query/key pairs: ggml's NORMAL (adjacent pairs, GGUF llama files) or NEOX (halves).
public enum RopeStyle: String, Sendable, Codable {
    case normal, neox
}

/// The hyper-parameters of a Llama-family decoder, read from GGUF metadata.
public struct ModelConfig: Sendable, Equatable, Codable {
    public var architecture: String
    public var name: String?
    public var contextLength: Int
    public var embeddingLength: Int
    public var blockCount: Int
    public var feedForwardLength: Int
    public var headCount: Int
    public var headCountKV: Int
    public var headDimension: Int
    public var valueDimension: Int
    public var ropeDimension: Int
    public var ropeFreqBase: Float
    /// Linear position scaling (positions are divided by it); 1 when absent.
    public var ropeScale: Float
    public var ropeStyle: RopeStyle
    public var rmsEpsilon: Float
    public var vocabularySize: Int

    /// Architectures this engine runs, with their RoPE style (as llama.cpp assigns them).
    public static let supportedArchitectures: [String: RopeStyle] = ["llama": .normal, "qwen2": .neox]

    /// Reads the configuration; throws a one-line error naming the missing or bad key.
    public init(metadata m: GGUFMetadata) throws(InferenceError) {
        do {
            let arch = try m.string("general.architecture")
            guard let style = Self.supportedArchitectures[arch] else {
                let known = Self.supportedArchitectures.keys.sorted().joined(separator: ", ")
                throw InferenceError.unsupported("\(m.source): architecture '\(arch)' is not supported (supported: \(known))")
            }
            architecture = arch
            ropeStyle = style
            name = m.optionalString("general.name")
            contextLength = try m.int("\(arch).context_length")
            embeddingLength = try m.int("\(arch).embedding_length")
            blockCount = try m.int("\(arch).block_count")
            feedForwardLength = try m.int("\(arch).feed_forward_length")
            headCount = try m.int("\(arch).attention.head_count")
            headCountKV = try m.optionalInt("\(arch).attention.head_count_kv") ?? headCount
            rmsEpsilon = Float(try m.double("\(arch).attention.layer_norm_rms_epsilon"))
            for (value, key) in [(headCount, "attention.head_count"), (headCountKV, "attention.head_count_kv")]
            where value <= 0 {
                throw InferenceError.invalidModel("\(m.source): \(arch).\(key) must be positive, found \(value)")
            }
            guard headCount % headCountKV == 0 else {
                throw InferenceError.invalidModel("\(m.source): \(arch).attention.head_count \(headCount) is not a multiple of \(arch).attention.head_count_kv \(headCountKV)")
            }
            if let keyLength = try m.optionalInt("\(arch).attention.key_length") {
                headDimension = keyLength
            } else {
                // Without key_length the head size is the width split evenly over the heads (as llama.cpp derives
                // it); a width that does not split would silently truncate every head.
                guard embeddingLength <= 0 || embeddingLength % headCount == 0 else {
                    throw InferenceError.invalidModel("\(m.source): \(arch).embedding_length \(embeddingLength) is not a multiple of \(arch).attention.head_count \(headCount) (and \(arch).attention.key_length is absent)")
                }
                headDimension = embeddingLength / headCount
            }
            valueDimension = try m.optionalInt("\(arch).attention.value_length") ?? headDimension
            ropeDimension = try m.optionalInt("\(arch).rope.dimension_count") ?? headDimension
            ropeFreqBase = Float(try m.optionalDouble("\(arch).rope.freq_base") ?? 10000)
            var scale: Double = 1
            if let type = m.optionalString("\(arch).rope.scaling.type"), type == "linear",
               let factor = try m.optionalDouble("\(arch).rope.scaling.factor") {
                guard factor.isFinite, factor > 0 else {
                    throw InferenceError.invalidModel("\(m.source): \(arch).rope.scaling.factor must be a positive finite number, found \(factor)")
                }
                scale = factor
            } else if let legacy = try m.optionalDouble("\(arch).rope.scale_linear") {
                guard legacy.isFinite, legacy > 0 else {
                    throw InferenceError.invalidModel("\(m.source): \(arch).rope.scale_linear must be a positive finite number, found \(legacy)")
                }
                scale = legacy
            }
            ropeScale = Float(scale)
            let tokens = m["tokenizer.ggml.tokens"]?.arrayValue?.count
            vocabularySize = try m.optionalInt("\(arch).vocab_size") ?? tokens ?? 0
        } catch let e as GGUFError {
            throw .invalidModel(e.description)
        } catch let e as InferenceError {
            throw e
        } catch {
            throw .invalidModel("\(m.source): \(error)")
        }
        // Sizes: positive, and small enough that no product of them (a weight matrix, a cache) can overflow an Int.
        let sizes = [(embeddingLength, "\(architecture).embedding_length"), (blockCount, "\(architecture).block_count"),
                     (feedForwardLength, "\(architecture).feed_forward_length"),
                     (headDimension, "\(architecture).attention.key_length"),
                     (valueDimension, "\(architecture).attention.value_length"),
                     (contextLength, "\(architecture).context_length"), (vocabularySize, "vocabulary size")]
        for (value, what) in sizes where value <= 0 {
            throw .invalidModel("\(m.source): \(what) must be positive, found \(value)")
        }
        // The context length is left out: it is only read through min(context_length, 4096) or a smaller --context.
        for (value, what) in sizes + [(headCount, "\(architecture).attention.head_count")]
        where value > Self.maximumSize && what != "\(architecture).context_length" {
            throw .invalidModel("\(m.source): \(what) is \(value), more than any model this engine can hold (at most \(Self.maximumSize))")
        }
        for (size, what) in [(headDimension, "key_length"), (valueDimension, "value_length")]
        where headCount * size > Self.maximumSize {
            throw .invalidModel("\(m.source): \(architecture).attention.head_count \(headCount) × \(architecture).attention.\(what) \(size) is more than any model this engine can hold (at most \(Self.maximumSize))")
        }
        // Hyper-parameters that load but would make every forward pass garbage (NaN, or a division by zero).
        // llama.cpp reads both without checking them. An epsilon of 0 is refused too: RMS normalisation divides by
        // sqrt(mean(x²) + ε), so a row of zeros (a padding embedding, a dead channel) becomes 0/0 = NaN; real
        // models use 1e-6 … 1e-5.
        for (value, key) in [(rmsEpsilon, "attention.layer_norm_rms_epsilon"), (ropeFreqBase, "rope.freq_base")]
        where !(value.isFinite && value > 0) {
            throw .invalidModel("\(m.source): \(architecture).\(key) must be a positive finite number, found \(value)")
        }
        guard rmsEpsilon < 1 else {
            throw .invalidModel("\(m.source): \(architecture).attention.layer_norm_rms_epsilon must be below 1, found \(rmsEpsilon)")
        }
        guard ropeDimension > 0, ropeDimension <= headDimension, ropeDimension % 2 == 0 else {
            throw .invalidModel("\(m.source): \(architecture).rope.dimension_count \(ropeDimension) must be even and at most the head size \(headDimension)")
        }
    }

    /// The largest value a size hyper-parameter but the context length (and the width of all heads together) may
    /// have, 2^24: the product of two sizes (a weight matrix) stays far below `Int.max`, and real models are well
    /// inside it (the widest vocabularies hold about 2^18 tokens, the widest layers about 2^16).
    public static let maximumSize = 1 << 24

    /// Query heads that share one key/value head.
    public var groupSize: Int { headCount / headCountKV }
}
