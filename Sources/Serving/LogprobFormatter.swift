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

    /// The legacy shape. With `echo` the first prompt token has no log-probability and no alternatives (null).
    struct LegacyLogprobs: Encodable, Sendable {
        var tokens: [String] = []
        var tokenLogprobs: [Float?] = []
        var topLogprobs: [[String: Float]?] = []
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

    /// - Parameters:
    ///   - offset: characters of text before these tokens (for `text_offset`).
    ///   - keepStopTokens: whether end-of-turn tokens get entries too (with `echo`, so that every token of the
    ///     sequence has one).
    func legacy(_ tokens: [GeneratedToken], offset: Int = 0, keepStopTokens: Bool = false) -> LegacyLogprobs {
        var out = LegacyLogprobs()
        var position = offset
        for t in tokens where keepStopTokens || !stopTokens.contains(t.id) {
            out.append(piece(t.id).text, logprob: t.logProbability, top: alternatives(t.top), at: &position)
        }
        return out
    }

    /// The legacy shape for an echoed prompt followed by its completion: `prompt` scored by `score` (the log-
    /// probabilities of `prompt[1...]` after `prompt[0]`; nil for a one-token prompt), then every generated token.
    /// The first prompt token has null log-probability and alternatives; generated tokens' offsets start at
    /// `completionOffset`, the characters of the echoed prompt text.
    func echo(prompt: [Int32], score: ContinuationScore?, generated: [GeneratedToken], completionOffset: Int) -> LegacyLogprobs {
        var out = LegacyLogprobs()
        var position = 0
        for (i, id) in prompt.enumerated() {
            if i == 0 {
                out.append(piece(id).text, logprob: nil, top: nil, at: &position)
            } else {
                let top = score.flatMap { i - 1 < $0.topLogProbabilities.count ? $0.topLogProbabilities[i - 1] : nil } ?? []
                out.append(piece(id).text, logprob: score.map { Float($0.tokenLogProbabilities[i - 1]) },
                           top: alternatives(top), at: &position)
            }
        }
        let rest = legacy(generated, offset: completionOffset, keepStopTokens: true)
        out.tokens += rest.tokens
        out.tokenLogprobs += rest.tokenLogprobs
        out.topLogprobs += rest.topLogprobs
        out.textOffset += rest.textOffset
        return out
    }

    /// Alternatives keyed by their text (tokens with the same text keep the higher log-probability).
    private func alternatives(_ scores: [TokenScore]) -> [String: Float] {
        var top: [String: Float] = [:]
        for alt in scores {
            let text = piece(alt.id).text
            top[text] = max(top[text] ?? -.infinity, alt.value)
        }
        return top
    }
}

extension LogprobFormatter.LegacyLogprobs {
    mutating func append(_ token: String, logprob: Float?, top: [String: Float]?, at position: inout Int) {
        tokens.append(token)
        tokenLogprobs.append(logprob)
        topLogprobs.append(top)
        textOffset.append(position)
        position += token.count
    }
}
