import GGUF

/// The `tokenizer.ggml.*` keys of a GGUF file, read and checked once.
struct GGUFTokenizerMetadata {
    static let prefix = "tokenizer.ggml."

    let source: String
    let model: String
    let pre: String?
    let tokens: [String]
    let scores: [Float]?
    let types: [TokenType]?
    let merges: [String]?
    let bos: Int32?
    let eos: Int32?
    let eot: Int32?
    let unk: Int32?
    let pad: Int32?
    let addBOS: Bool?
    let addEOS: Bool?
    let addSpacePrefix: Bool?

    init(_ metadata: GGUFMetadata) throws {
        let reader = KeyReader(metadata: metadata)
        source = metadata.source
        model = try reader.string("model")
        pre = try reader.optionalString("pre")
        tokens = try reader.strings("tokens")
        guard !tokens.isEmpty else {
            throw TokenizerError.malformedKey(key: Self.prefix + "tokens", reason: "is empty", source: source)
        }
        let n = tokens.count
        scores = try reader.optionalFloats("scores", count: n)
        types = try reader.optionalInts("token_type", count: n)?.map { TokenType(gguf: $0) }
        merges = try reader.optionalStrings("merges")
        bos = try reader.optionalId("bos_token_id", count: n)
        eos = try reader.optionalId("eos_token_id", count: n)
        eot = try reader.optionalId("eot_token_id", count: n)
        unk = try reader.optionalId("unknown_token_id", count: n)
        pad = try reader.optionalId("padding_token_id", count: n)
        addBOS = try reader.optionalBool("add_bos_token")
        addEOS = try reader.optionalBool("add_eos_token")
        addSpacePrefix = try reader.optionalBool("add_space_prefix")
    }

    /// End-of-turn id: the `eot_token_id` key, else the first of the usual chat end markers in the vocabulary.
    func endOfTurn(_ ids: (String) -> Int32?) -> Int32? {
        if let eot { return eot }
        for marker in ["<|im_end|>", "<|eot_id|>", "<end_of_turn>", "<|end|>"] {
            if let id = ids(marker) { return id }
        }
        return nil
    }

    private struct KeyReader {
        let metadata: GGUFMetadata

        private func malformed(_ key: String, _ reason: String) -> TokenizerError {
            .malformedKey(key: GGUFTokenizerMetadata.prefix + key, reason: reason, source: metadata.source)
        }

        private func value(_ key: String) -> GGUFValue? { metadata[GGUFTokenizerMetadata.prefix + key] }

        private func typeName(_ value: GGUFValue) -> String {
            if case .array(let array) = value { return "an array of \(array.elementType)" }
            return "\(value.type)"
        }

        func string(_ key: String) throws -> String {
            guard let v = value(key) else {
                throw TokenizerError.missingKey(key: GGUFTokenizerMetadata.prefix + key, source: metadata.source)
            }
            guard let s = v.stringValue else { throw malformed(key, "should be a string, found \(typeName(v))") }
            return s
        }

        func optionalString(_ key: String) throws -> String? {
            guard value(key) != nil else { return nil }
            return try string(key)
        }

        func strings(_ key: String) throws -> [String] {
            guard let v = value(key) else {
                throw TokenizerError.missingKey(key: GGUFTokenizerMetadata.prefix + key, source: metadata.source)
            }
            guard case .array(.strings(let a)) = v else {
                throw malformed(key, "should be an array of strings, found \(typeName(v))")
            }
            return a
        }

        func optionalStrings(_ key: String) throws -> [String]? {
            guard value(key) != nil else { return nil }
            return try strings(key)
        }

        func optionalFloats(_ key: String, count: Int) throws -> [Float]? {
            guard let v = value(key) else { return nil }
            let floats: [Float]
            switch v {
            case .array(.floats(let a)): floats = a
            case .array(.doubles(let a)): floats = a.map(Float.init)
            case .array(.integers(_, let a)): floats = a.map(Float.init)
            default: throw malformed(key, "should be an array of numbers, found \(typeName(v))")
            }
            guard floats.count >= count else { throw malformed(key, "has \(floats.count) entries for \(count) tokens") }
            return floats
        }

        func optionalInts(_ key: String, count: Int) throws -> [Int]? {
            guard let v = value(key) else { return nil }
            guard case .array(.integers(_, let a)) = v else {
                throw malformed(key, "should be an array of integers, found \(typeName(v))")
            }
            guard a.count >= count else { throw malformed(key, "has \(a.count) entries for \(count) tokens") }
            return a.map { Int(clamping: $0) }
        }

        func optionalId(_ key: String, count: Int) throws -> Int32? {
            guard let v = value(key) else { return nil }
            guard let i = v.intValue else { throw malformed(key, "should be an integer, found \(typeName(v))") }
            guard i >= 0, i < count else { throw malformed(key, "is \(i), outside the vocabulary 0..<\(count)") }
            return Int32(i)
        }

        func optionalBool(_ key: String) throws -> Bool? {
            guard let v = value(key) else { return nil }
            if let b = v.boolValue { return b }
            if let i = v.intValue { return i != 0 }
            throw malformed(key, "should be a bool, found \(typeName(v))")
        }
    }
}
