/// The response objects of `/v1/chat/completions`: a whole `chat.completion`, and the `chat.completion.chunk`s
/// of a stream. Fields OpenAI sends as `null` are sent as `null`.
struct ChatCompletion: Encodable, Sendable {
    struct Message: Encodable, Sendable {
        var role = "assistant"
        var content: String
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(role, forKey: .role)
            try c.encode(content, forKey: .content)
            try c.encodeNil(forKey: .refusal)
        }
        enum CodingKeys: String, CodingKey { case role, content, refusal }
    }

    struct Choice: Encodable, Sendable {
        var index: Int
        var message: Message
        var logprobs: LogprobFormatter.ChatLogprobs?
        var finishReason: String
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(index, forKey: .index)
            try c.encode(message, forKey: .message)
            try c.encode(logprobs, forKey: .logprobs)
            try c.encode(finishReason, forKey: .finishReason)
        }
        enum CodingKeys: String, CodingKey { case index, message, logprobs, finishReason = "finish_reason" }
    }

    var id: String
    var object = "chat.completion"
    var created: Int
    var model: String
    var systemFingerprint: String
    var choices: [Choice]
    var usage: Usage

    enum CodingKeys: String, CodingKey {
        case id, object, created, model, systemFingerprint = "system_fingerprint", choices, usage
    }
}

/// One server-sent event of a streamed chat completion.
struct ChatCompletionChunk: Encodable, Sendable {
    struct Delta: Encodable, Sendable {
        var role: String?
        var content: String?
    }

    struct Choice: Encodable, Sendable {
        var index: Int
        var delta: Delta
        var logprobs: LogprobFormatter.ChatLogprobs?
        var finishReason: String?
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(index, forKey: .index)
            try c.encode(delta, forKey: .delta)
            try c.encode(logprobs, forKey: .logprobs)
            try c.encode(finishReason, forKey: .finishReason)
        }
        enum CodingKeys: String, CodingKey { case index, delta, logprobs, finishReason = "finish_reason" }
    }

    var id: String
    var object = "chat.completion.chunk"
    var created: Int
    var model: String
    var systemFingerprint: String
    var choices: [Choice]
    /// Present (null until the last chunk) only when the client asked for `stream_options.include_usage`.
    var usage: Usage?
    var includeUsage: Bool

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(object, forKey: .object)
        try c.encode(created, forKey: .created)
        try c.encode(model, forKey: .model)
        try c.encode(systemFingerprint, forKey: .systemFingerprint)
        try c.encode(choices, forKey: .choices)
        if includeUsage { try c.encode(usage, forKey: .usage) }
    }

    enum CodingKeys: String, CodingKey {
        case id, object, created, model, systemFingerprint = "system_fingerprint", choices, usage
    }
}
