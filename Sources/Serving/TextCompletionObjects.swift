/// The response object of `/v1/completions` (`text_completion`), whole or as one chunk of a stream.
struct TextCompletion: Encodable, Sendable {
    struct Choice: Encodable, Sendable {
        var text: String
        var index: Int
        var logprobs: LogprobFormatter.LegacyLogprobs?
        var finishReason: String?
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(text, forKey: .text)
            try c.encode(index, forKey: .index)
            try c.encode(logprobs, forKey: .logprobs)
            try c.encode(finishReason, forKey: .finishReason)
        }
        enum CodingKeys: String, CodingKey { case text, index, logprobs, finishReason = "finish_reason" }
    }

    var id: String
    var object = "text_completion"
    var created: Int
    var model: String
    var systemFingerprint: String
    var choices: [Choice]
    var usage: Usage?
    /// Whether `usage` is written even when nil (stream chunks with `include_usage`), or at all.
    var writesUsage = true

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(object, forKey: .object)
        try c.encode(created, forKey: .created)
        try c.encode(model, forKey: .model)
        try c.encode(systemFingerprint, forKey: .systemFingerprint)
        try c.encode(choices, forKey: .choices)
        if writesUsage { try c.encode(usage, forKey: .usage) }
    }

    enum CodingKeys: String, CodingKey {
        case id, object, created, model, systemFingerprint = "system_fingerprint", choices, usage
    }
}
