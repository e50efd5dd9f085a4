import Inference
import Tokenizers

/// Per-token log-probabilities in OpenAI's two shapes: the chat shape (`content: [{token, logprob, bytes,
/// top_logprobs}]`) and the legacy completions shape (`tokens`, `token_logprobs`, `top_logprobs`, `text_offset`).
/// End-of-turn tokens are left out, as their text is not part of the answer.
struct LogprobFormatter: Sendable {
    let tokenizer: any Tokenizer
    let stopTokens: Set<Int32>

    /// One entry of the chat shape.
    struct ChatEntry: Encodable, Sendable {
        var token: String
        var logprob: Float
        var bytes: [UInt8]
        var topLogprobs: [Alternative]
        enum CodingKeys: String, CodingKey { case token, logprob, bytes, topLogprobs = "top_logprobs" }
    }

    struct Alternative: Encodable, Sendable {
        var token: String
        var logprob: Float
        var bytes: [UInt8]
    }

    /// The chat shape's `logprobs` object.
    struct ChatLogprobs: Encodable, Sendable {
        var content: [ChatEntry]
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(content, forKey: .content)
            try c.encodeNil(forKey: .refusal)
        }
        enum CodingKeys: String, CodingKey { case content, refusal }
    }

    /// The legacy shape.
    struct LegacyLogprobs: Encodable, Sendable {
        var tokens: [String] = []
        var tokenLogprobs: [Float] = []
        var topLogprobs: [[String: Float]] = []
        var textOffset: [Int] = []
        enum CodingKeys: String, CodingKey {
            case tokens, tokenLogprobs = "token_logprobs", topLogprobs = "top_logprobs", textOffset = "text_offset"
        }
    }

    /// The token's bytes and its text (invalid UTF-8 replaced, as OpenAI does for partial characters).
    func piece(_ id: Int32) -> (text: String, bytes: [UInt8]) {
        let bytes = tokenizer.tokenBytes(id)
        return (String(decoding: bytes, as: UTF8.self), bytes)
    }

    func chat(_ tokens: [GeneratedToken]) -> ChatLogprobs {
        ChatLogprobs(content: tokens.filter { !stopTokens.contains($0.id) }.map { t in
            let p = piece(t.id)
            return ChatEntry(token: p.text, logprob: t.logProbability, bytes: p.bytes, topLogprobs: t.top.map { alt in
                let q = piece(alt.id)
                return Alternative(token: q.text, logprob: alt.value, bytes: q.bytes)
            })
        })
    }

    /// - Parameter offset: characters of text before these tokens (for `text_offset`).
    func legacy(_ tokens: [GeneratedToken], offset: Int = 0) -> LegacyLogprobs {
        var out = LegacyLogprobs()
        var position = offset
        for t in tokens where !stopTokens.contains(t.id) {
            let text = piece(t.id).text
            out.tokens.append(text)
            out.tokenLogprobs.append(t.logProbability)
            var top: [String: Float] = [:]
            for alt in t.top { top[piece(alt.id).text] = max(top[piece(alt.id).text] ?? -.infinity, alt.value) }
            out.topLogprobs.append(top)
            out.textOffset.append(position)
            position += text.count
        }
        return out
    }
}
