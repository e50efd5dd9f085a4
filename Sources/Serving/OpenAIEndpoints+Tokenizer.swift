import Hummingbird

extension OpenAIEndpoints {
    struct TokenizeReply: Encodable, Sendable {
        var tokens: [Int32]
        var count: Int
        var maxModelLen: Int
        enum CodingKeys: String, CodingKey { case tokens, count, maxModelLen = "max_model_len" }
    }

    struct DetokenizeReply: Encodable, Sendable {
        var prompt: String
        /// The same text under llama-server's name.
        var content: String
    }

    struct TokenizerInfo: Encodable, Sendable {
        var bosToken: String?
        var eosToken: String?
        var padToken: String?
        var addBOSToken: Bool
        var modelMaxLength: Int
        var vocabularySize: Int
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(bosToken, forKey: .bosToken)
            try c.encode(eosToken, forKey: .eosToken)
            try c.encode(padToken, forKey: .padToken)
            try c.encode(addBOSToken, forKey: .addBOSToken)
            try c.encode(modelMaxLength, forKey: .modelMaxLength)
            try c.encode(vocabularySize, forKey: .vocabularySize)
        }
        enum CodingKeys: String, CodingKey {
            case bosToken = "bos_token", eosToken = "eos_token", padToken = "pad_token", addBOSToken = "add_bos_token"
            case modelMaxLength = "model_max_length", vocabularySize = "vocab_size"
        }
    }

    /// `POST /tokenize` (vLLM's shape; llama-server's `content` is read too): the chat model's token ids of
    /// `prompt`, special-token text recognised, BOS added when `add_special_tokens` (default true) and the model
    /// asks for it. Clients such as lm-evaluation-harness use it to count a context's tokens.
    func tokenize(_ f: RequestFields) throws -> Response {
        try checkChatModel(f)
        guard let text = try f.string("prompt") ?? f.string("content") else { throw APIError.missing("prompt") }
        let addSpecial = try f.bool("add_special_tokens") ?? f.bool("add_special") ?? true
        let ids = model.tokenizer.encode(text, addSpecialTokens: addSpecial, parseSpecial: true)
        return try Self.json(TokenizeReply(tokens: ids, count: ids.count, maxModelLen: configuration.contextSize))
    }

    /// `POST /detokenize`: the text of `tokens` (control tokens contribute their text).
    func detokenize(_ f: RequestFields) throws -> Response {
        try checkChatModel(f)
        guard let value = f["tokens"] else { throw APIError.missing("tokens") }
        guard case .array(let items) = value else {
            throw APIError.invalid("tokens", "'tokens' must be an array of token ids, got \(value.typeName)")
        }
        let vocabulary = model.config.vocabularySize
        var ids: [Int32] = []
        for (i, item) in items.enumerated() {
            guard let id = item.integerValue, id >= 0, id < Int64(vocabulary) else {
                throw APIError.invalid("tokens", "'tokens[\(i)]' must be a token id in 0..<\(vocabulary)")
            }
            ids.append(Int32(id))
        }
        let text = String(decoding: ids.flatMap { model.tokenizer.tokenBytes($0) }, as: UTF8.self)
        return try Self.json(DetokenizeReply(prompt: text, content: text))
    }

    /// `GET /tokenizer_info`: the special tokens' text and the context size.
    func tokenizerInfo() throws -> Response {
        let tokenizer = model.tokenizer, special = tokenizer.specialTokens
        func text(_ id: Int32?) -> String? { id.map { String(decoding: tokenizer.tokenBytes($0), as: UTF8.self) } }
        return try Self.json(TokenizerInfo(bosToken: text(special.bos), eosToken: text(special.eos ?? special.eot),
                                           padToken: text(special.pad), addBOSToken: special.addBOS,
                                           modelMaxLength: configuration.contextSize,
                                           vocabularySize: model.config.vocabularySize))
    }
}
