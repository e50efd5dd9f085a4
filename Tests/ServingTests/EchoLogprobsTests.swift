import Foundation
import Inference
import Models
import Serving
import Testing

/// `/v1/completions` with `echo`: the prompt comes back before the completion, and with `logprobs` its tokens'
/// log-probabilities, which must be the engine's own scores of those tokens (checked against the single-sequence
/// `Generator.score` on the same model), laid out as lm-evaluation-harness's `local-completions` reads them.
@Suite("echo with prompt log-probabilities", .serialized)
struct EchoLogprobsTests {
    private static let prompt = "Honesty is the best policy, and kindness"

    private func post(_ path: String, _ body: [String: Any]) async throws -> HTTPResponse {
        let s = try await RealServer.shared.value
        let data = try JSONSerialization.data(withJSONObject: body)
        return try await TestHTTP.send("POST", s.open.root.appendingPathComponent(path), json: String(decoding: data, as: UTF8.self))
    }

    private func choices(_ response: HTTPResponse) throws -> [[String: Any]] {
        #expect(response.status == 200, "\(String(decoding: response.body, as: UTF8.self))")
        return try #require(TestHTTP.object(response)?["choices"] as? [[String: Any]])
    }

    private func logprobs(_ choice: [String: Any]) throws -> (tokens: [String], lps: [Any], top: [Any], offsets: [Int]) {
        let lp = try #require(choice["logprobs"] as? [String: Any])
        return (try #require(lp["tokens"] as? [String]), try #require(lp["token_logprobs"] as? [Any]),
                try #require(lp["top_logprobs"] as? [Any]), try #require(lp["text_offset"] as? [Int]))
    }

    /// The library's own scores of `tokens[1...]` after `tokens[0]`, on the single-sequence path.
    private func reference(_ tokens: [Int32], _ model: LanguageModel) throws -> ContinuationScore {
        let generator = try Generator(model: model, contextSize: RealServer.contextSize)
        return try #require(try generator.score(prompt: [tokens[0]], continuations: [Array(tokens.dropFirst())]).first)
    }

    @Test("max_tokens 0: the prompt alone, first token null, the rest equal to the engine's scoring")
    func promptOnly() async throws {
        let s = try await RealServer.shared.value
        let ids = s.model.tokenize(prompt: Self.prompt)
        let response = try await post("v1/completions", ["prompt": Self.prompt, "echo": true, "logprobs": 3, "max_tokens": 0])
        let choice = try #require(try choices(response).first)
        #expect(choice["text"] as? String == Self.prompt)
        #expect(choice["finish_reason"] as? String == "length")
        let (tokens, lps, top, offsets) = try logprobs(choice)
        #expect(tokens.count == ids.count)
        #expect(tokens == ids.map { String(decoding: s.model.tokenizer.tokenBytes($0), as: UTF8.self) })
        #expect(tokens.joined() == Self.prompt)
        #expect(lps.first is NSNull)
        #expect(top.first is NSNull)
        #expect(offsets.first == 0)
        #expect(offsets == tokens.indices.map { tokens[..<$0].joined().count })
        let expected = try reference(ids, s.model)
        #expect(lps.count == expected.tokenLogProbabilities.count + 1)
        for (i, want) in expected.tokenLogProbabilities.enumerated() {
            let got = try #require(lps[i + 1] as? Double, "token_logprobs[\(i + 1)]")
            #expect(abs(got - want) < 1e-4, "token \(i + 1): \(got) vs \(want)")
            let alternatives = try #require(top[i + 1] as? [String: Double], "top_logprobs[\(i + 1)]")
            #expect((1 ... 3).contains(alternatives.count))
            let best = try #require(alternatives.values.max())
            #expect(best >= got - 1e-6)
            #expect(alternatives.values.allSatisfy { $0 <= 0 })
            if let own = alternatives[tokens[i + 1]] { #expect(own == got) }
        }
        let usage = try #require(TestHTTP.object(response)?["usage"] as? [String: Any])
        #expect(usage["prompt_tokens"] as? Int == ids.count)
        #expect(usage["completion_tokens"] as? Int == 0)
    }

    @Test("max_tokens 1 as lm-eval asks: sum of token_logprobs[ctxlen:-1] is the continuation's log-likelihood")
    func lmEvalShape() async throws {
        let s = try await RealServer.shared.value
        let context = s.model.tokenizer.encode("Question: is lying wrong?\nAnswer:", parseSpecial: false)
        let continuations = [" Yes", " No, it is fine"].map { s.model.tokenizer.encode($0, parseSpecial: false) }
        let response = try await post("v1/completions", [
            "prompt": continuations.map { context + $0 }, "echo": true, "logprobs": 1, "max_tokens": 1, "temperature": 0, "seed": 1234,
        ])
        let got = try choices(response)
        #expect(got.count == 2)
        let generator = try Generator(model: s.model, contextSize: RealServer.contextSize)
        let expected = try generator.score(prompt: context, continuations: continuations)
        for (i, choice) in got.enumerated() {
            #expect(choice["index"] as? Int == i)
            let (tokens, lps, top, _) = try logprobs(choice)
            #expect(tokens.count == context.count + continuations[i].count + 1)
            let slice = lps[context.count ..< lps.count - 1].compactMap { $0 as? Double }
            #expect(slice.count == continuations[i].count)
            #expect(abs(slice.reduce(0, +) - expected[i].logProbability) < 1e-4)
            // lm-eval's greedy test: every continuation token equals its position's best alternative.
            let greedy = zip(slice, top[context.count ..< top.count - 1]).allSatisfy { lp, alt in
                (alt as? [String: Double])?.values.max() == lp
            }
            #expect(greedy == expected[i].isGreedy)
        }
    }

    @Test("echo with a completion: the prompt's entries, then exactly the plain completion's")
    func promptThenCompletion() async throws {
        let s = try await RealServer.shared.value
        let ids = s.model.tokenize(prompt: Self.prompt)
        let common: [String: Any] = ["prompt": Self.prompt, "logprobs": 2, "max_tokens": 5, "temperature": 0, "seed": 7]
        let plain = try #require(try choices(try await post("v1/completions", common)).first)
        var echoed = common
        echoed["echo"] = true
        let choice = try #require(try choices(try await post("v1/completions", echoed)).first)
        let plainText = try #require(plain["text"] as? String)
        #expect(choice["text"] as? String == Self.prompt + plainText)
        let (tokens, lps, _, offsets) = try logprobs(choice)
        let (plainTokens, plainLPs, _, plainOffsets) = try logprobs(plain)
        #expect(!plainTokens.isEmpty)
        #expect(Array(tokens.dropFirst(ids.count).prefix(plainTokens.count)) == plainTokens)
        #expect(Array(lps.dropFirst(ids.count).prefix(plainLPs.count)).compactMap { $0 as? Double }
            == plainLPs.compactMap { $0 as? Double })
        #expect(offsets[ids.count] == Self.prompt.count + plainOffsets[0])
    }

    @Test("token-id prompts, logprobs 0: one choice per prompt, null first entry, empty alternatives")
    func tokenPrompts() async throws {
        let s = try await RealServer.shared.value
        let a = s.model.tokenizer.encode("Fairness matters", parseSpecial: false)
        let b = s.model.tokenizer.encode("Care for others is a virtue", parseSpecial: false)
        let got = try choices(try await post("v1/completions", ["prompt": [a, b], "echo": true, "logprobs": 0, "max_tokens": 0]))
        #expect(got.count == 2)
        for (choice, ids) in zip(got, [a, b]) {
            let (tokens, lps, top, _) = try logprobs(choice)
            #expect(choice["text"] as? String == s.model.tokenizer.decode(ids))
            #expect(choice["text"] as? String == tokens.joined())
            #expect(tokens.count == ids.count)
            #expect(lps.first is NSNull && top.first is NSNull)
            #expect(top.dropFirst().allSatisfy { ($0 as? [String: Double])?.isEmpty == true })
            let expected = try reference(ids, s.model)
            let values = lps.dropFirst().compactMap { $0 as? Double }
            #expect(values.count == expected.tokenLogProbabilities.count)
            #expect(zip(values, expected.tokenLogProbabilities).allSatisfy { abs($0 - $1) < 1e-4 })
        }
    }

    @Test("echo without logprobs: the prompt's text, logprobs null")
    func echoOnly() async throws {
        let choice = try #require(try choices(try await post("v1/completions", ["prompt": Self.prompt, "echo": true, "max_tokens": 2])).first)
        #expect((choice["text"] as? String)?.hasPrefix(Self.prompt) == true)
        #expect(choice["logprobs"] is NSNull)
    }

    @Test("bad echo requests: 400 in OpenAI's shape with a one-line message", arguments: [
        ("v1/completions", #"{"prompt":"hi","echo":true,"logprobs":-1}"#, "logprobs"),
        ("v1/completions", #"{"prompt":"hi","echo":true,"logprobs":21}"#, "logprobs"),
        ("v1/completions", #"{"prompt":"hi","echo":true,"logprobs":true}"#, "logprobs"),
        ("v1/completions", #"{"prompt":"hi","echo":1}"#, "echo"),
        ("v1/completions", #"{"prompt":"hi","echo":true,"logprobs":1,"stream":true}"#, "echo"),
        ("v1/chat/completions", #"{"messages":[{"role":"user","content":"hi"}],"echo":true}"#, "echo"),
    ])
    func badRequests(path: String, body: String, param: String) async throws {
        let s = try await RealServer.shared.value
        let response = try await TestHTTP.send("POST", s.open.root.appendingPathComponent(path), json: body)
        #expect(response.status == 400)
        let error = try #require(TestHTTP.error(response))
        #expect(error["param"] as? String == param)
        let message = try #require(error["message"] as? String)
        #expect(!message.isEmpty && !message.contains("\n"))
    }

    @Test("tokenizer endpoints: /tokenize matches the model's tokens, /detokenize inverts it, /tokenizer_info names EOS")
    func tokenizerEndpoints() async throws {
        let s = try await RealServer.shared.value
        let tokenized = try #require(TestHTTP.object(try await post("tokenize", ["prompt": Self.prompt, "add_special_tokens": false])))
        let ids = try #require(tokenized["tokens"] as? [Int])
        #expect(ids == s.model.tokenizer.encode(Self.prompt, parseSpecial: true).map(Int.init))
        #expect(tokenized["count"] as? Int == ids.count)
        let text = try #require(TestHTTP.object(try await post("detokenize", ["tokens": ids])))
        #expect(text["prompt"] as? String == Self.prompt)
        let info = try #require(TestHTTP.object(try await TestHTTP.send("GET", s.open.root.appendingPathComponent("tokenizer_info"))))
        let eos = try #require(info["eos_token"] as? String)
        #expect(s.model.tokenizer.encode(eos, parseSpecial: true).count == 1)
        let bad = try await post("detokenize", ["tokens": [-1]])
        #expect(bad.status == 400)
    }
}
