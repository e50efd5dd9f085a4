import GGUF

/// Builds the tokenizer a GGUF file describes (`tokenizer.ggml.model`: `gpt2` → ``ByteLevelBPETokenizer``,
/// `llama` → ``SentencePieceBPETokenizer``). Missing or malformed keys throw a one-line ``TokenizerError``.
public func makeTokenizer(from file: GGUFFile) throws -> any Tokenizer {
    try makeTokenizer(from: file.metadata)
}

/// Builds the tokenizer described by GGUF metadata; see ``makeTokenizer(from:)-(GGUFFile)``.
public func makeTokenizer(from metadata: GGUFMetadata) throws -> any Tokenizer {
    let meta = try GGUFTokenizerMetadata(metadata)
    switch meta.model {
    case "gpt2":
        return try ByteLevelBPETokenizer(metadata: meta)
    case "llama":
        return try SentencePieceBPETokenizer(metadata: meta)
    default:
        throw TokenizerError.unsupportedModel(model: meta.model, source: meta.source)
    }
}

extension ByteLevelBPETokenizer {
    /// Builds the tokenizer from a GGUF file whose `tokenizer.ggml.model` is `gpt2`.
    public convenience init(gguf file: GGUFFile) throws {
        let meta = try GGUFTokenizerMetadata(file.metadata)
        guard meta.model == "gpt2" else { throw TokenizerError.unsupportedModel(model: meta.model, source: meta.source) }
        try self.init(metadata: meta)
    }

    convenience init(metadata meta: GGUFTokenizerMetadata) throws {
        guard let merges = meta.merges else {
            throw TokenizerError.missingKey(key: GGUFTokenizerMetadata.prefix + "merges", source: meta.source)
        }
        let preName = meta.pre ?? "(missing)"
        let pre = BPEPreTokenizer(ggufName: preName)
        let index = Dictionary(meta.tokens.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        let special = SpecialTokens(
            bos: meta.bos, eos: meta.eos, eot: meta.endOfTurn { index[$0] }, unk: meta.unk, pad: meta.pad,
            addBOS: meta.addBOS ?? (pre == .llama3), addEOS: meta.addEOS ?? false)
        try self.init(
            tokens: meta.tokens, tokenTypes: meta.types, merges: merges, preTokenizerName: preName,
            specialTokens: special)
    }
}

extension SentencePieceBPETokenizer {
    /// Builds the tokenizer from a GGUF file whose `tokenizer.ggml.model` is `llama`.
    public convenience init(gguf file: GGUFFile) throws {
        let meta = try GGUFTokenizerMetadata(file.metadata)
        guard meta.model == "llama" else { throw TokenizerError.unsupportedModel(model: meta.model, source: meta.source) }
        try self.init(metadata: meta)
    }

    convenience init(metadata meta: GGUFTokenizerMetadata) throws {
        let n = meta.tokens.count
        // llama.cpp's SentencePiece defaults: <unk> 0, <s> 1, </s> 2, BOS added, space prefix on.
        func defaultId(_ id: Int32) -> Int32? { Int(id) < n ? id : nil }
        let index = Dictionary(meta.tokens.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        let bos = meta.bos ?? defaultId(1)
        let eos = meta.eos ?? defaultId(2)
        let special = SpecialTokens(
            bos: bos, eos: eos, eot: meta.endOfTurn { index[$0] }, unk: meta.unk ?? defaultId(0), pad: meta.pad,
            addBOS: (meta.addBOS ?? true) && bos != nil, addEOS: (meta.addEOS ?? false) && eos != nil)
        try self.init(
            tokens: meta.tokens, scores: meta.scores, tokenTypes: meta.types, specialTokens: special,
            addSpacePrefix: meta.addSpacePrefix ?? true)
    }
}
