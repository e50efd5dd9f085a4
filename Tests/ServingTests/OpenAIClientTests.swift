import Foundation
import ChatTemplates
import Inference
import Embeddings
import Serving
import Testing

/// `serve` driven by the official openai Python client, each observation checked against an independent
/// computation (the single-sequence engine, the sentence encoder) or OpenAI's documented shapes.
@Suite("the openai Python client against serve", .serialized)
struct OpenAIClientTests {
    @Test("chat completion: greedy text equals the single-sequence engine's; shape and usage")
    func chat() async throws {
        let s = try await RealServer.shared.value
        let o = try #require(try await RealServer.observations()["chat"] as? [String: Any])
        let reference = try Reference.chat(s.model, Reference.question, parameters: .greedy, maxTokens: 24)
        #expect(o["text"] as? String == reference.text)
        #expect(o["role"] as? String == "assistant")
        #expect(o["object"] as? String == "chat.completion")
        #expect(o["model"] as? String == "smollm2")
        #expect((o["id"] as? String)?.hasPrefix("chatcmpl-") == true)
        #expect(o["finish"] as? String == (reference.finishReason == .length ? "length" : "stop"))
        let usage = try #require(o["usage"] as? [String: Any])
        #expect(usage["prompt_tokens"] as? Int == reference.promptTokens.count)
        #expect(usage["completion_tokens"] as? Int == reference.tokens.count)
        #expect(usage["total_tokens"] as? Int == reference.promptTokens.count + reference.tokens.count)
    }

    @Test("structured output: response_format json_schema through the client equals the engine's constrained greedy output")
    func structuredOutput() async throws {
        let s = try await RealServer.shared.value
        let observations = try await RealServer.observations()
        let o = try #require(observations["structured"] as? [String: Any])
        let schema = try JSONDocument(parsing: #"{"type":"object","properties":{"city":{"type":"string","maxLength":30},"population":{"type":"integer"}},"required":["city","population"],"additionalProperties":false}"#)
        let constraint = try s.model.constraint(for: .jsonSchema(name: "city", schema: schema, strict: true))
        let generator = try Generator(model: s.model, contextSize: RealServer.contextSize)
        let reference = try generator.chat([.init(role: "user", content: "Describe Paris as JSON.")], parameters: .greedy,
                                           maxTokens: 80, constraint: constraint)
        let text = try #require(o["text"] as? String)
        #expect(text == reference.text)
        #expect(o["finish"] as? String == "stop")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
        #expect(Set(object.keys).isSubset(of: ["city", "population"]) && object["city"] is String, "\(text)")
        let error = try #require(o["unsupported"] as? [String: Any])
        #expect(error["status"] as? Int == 400)
        #expect(error["param"] as? String == "response_format")
        #expect(error["code"] as? String == "unsupported_schema")
        #expect((error["message"] as? String)?.contains("'pattern' at $") == true)
    }

    @Test("streaming: chunks join to the same text, one role chunk, one finish, usage last, then [DONE]")
    func streaming() async throws {
        let s = try await RealServer.shared.value
        let observations = try await RealServer.observations()
        let o = try #require(observations["stream"] as? [String: Any])
        let reference = try Reference.chat(s.model, Reference.question, parameters: .greedy, maxTokens: 24)
        #expect(o["text"] as? String == reference.text)
        #expect(o["roles"] as? [String] == ["assistant"])
        #expect((o["finish"] as? [String])?.count == 1)
        #expect(o["objects"] as? [String] == ["chat.completion.chunk"])
        #expect((o["chunks"] as? Int ?? 0) >= 3)
        let usage = try #require(o["usage"] as? [String: Any])
        #expect(usage["completion_tokens"] as? Int == reference.tokens.count)
    }

    @Test("Responses API: responses.create, plain and streamed, gives the chat template's greedy text; events in order")
    func responses() async throws {
        let s = try await RealServer.shared.value
        let observations = try await RealServer.observations()
        let messages = [ChatMessage(role: "system", content: "Answer briefly."),
                        ChatMessage(role: "user", content: Reference.question)]
        let reference = try Reference.chat(s.model, messages, parameters: .greedy, maxTokens: 24)
        let o = try #require(observations["responses"] as? [String: Any])
        #expect(o["text"] as? String == reference.text)
        #expect(o["object"] as? String == "response" && o["model"] as? String == "smollm2")
        #expect(o["status"] as? String == (reference.finishReason == .length ? "incomplete" : "completed"))
        #expect((o["id"] as? String)?.hasPrefix("resp_") == true)
        #expect(o["output_types"] as? [String] == ["message"])
        let usage = try #require(o["usage"] as? [String: Any])
        #expect(usage["input_tokens"] as? Int == reference.promptTokens.count)
        #expect(usage["output_tokens"] as? Int == reference.tokens.count)
        #expect(usage["total_tokens"] as? Int == reference.promptTokens.count + reference.tokens.count)

        let stream = try #require(observations["responses_stream"] as? [String: Any])
        #expect(stream["text"] as? String == reference.text && stream["final_text"] as? String == reference.text)
        let types = try #require(stream["types"] as? [String])
        #expect(Array(types.prefix(4)) == ["response.created", "response.in_progress", "response.output_item.added",
                                           "response.content_part.added"])
        #expect(Array(types.suffix(4)) == ["response.output_text.done", "response.content_part.done",
                                           "response.output_item.done",
                                           reference.finishReason == .length ? "response.incomplete" : "response.completed"])
        #expect(types.contains("response.output_text.delta"))
        #expect(stream["sequence"] as? [Int] == Array(0 ..< types.count))

        let limit = try #require(observations["responses_limit"] as? [String: Any])
        #expect(limit["status"] as? String == "incomplete" && limit["reason"] as? String == "max_output_tokens")
        #expect(limit["output_tokens"] as? Int == 4)

        let errors = try #require(observations["responses_errors"] as? [String: [String: Any]])
        // text.format with a JSON Schema is enforced: the answer parses and has exactly the required keys.
        let structured = try #require(observations["responses_schema"] as? [String: Any])
        #expect(structured["status"] as? String == "completed" && structured["format"] as? String == "json_schema")
        let json = try #require((structured["text"] as? String)?.data(using: .utf8))
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(Set(object.keys) == ["city", "country"])
        #expect(object.values.allSatisfy { ($0 as? String).map { $0.count <= 40 } ?? false })
        let schemaError = try #require(errors["schema"])
        #expect(schemaError["status"] as? Int == 400 && schemaError["param"] as? String == "text.format")
        #expect((schemaError["message"] as? String)?.contains("pattern") == true)
        for (name, param) in [("tools", "tools"), ("previous", "previous_response_id"), ("input", "input"),
                              ("item", "input[0].type"), ("temperature", "temperature")] {
            let e = try #require(errors[name], "\(name)")
            #expect(e["status"] as? Int == 400, "\(name)")
            #expect(e["param"] as? String == param, "\(name)")
            #expect(e["type"] as? String == "invalid_request_error", "\(name)")
        }
    }

    @Test("seeded sampling: reproducible, n=2 uses seeds s and s+1, and equals the engine with the same seed")
    func seeded() async throws {
        let s = try await RealServer.shared.value
        let o = try #require(try await RealServer.observations()["seeded"] as? [String: Any])
        let n2 = try #require(o["n2"] as? [String])
        #expect(n2.count == 2)
        #expect(o["seed7"] as? String == o["seed7_again"] as? String)
        #expect(n2.first == o["seed7"] as? String)
        #expect(n2.last == o["seed8"] as? String)
        let story = "Tell me a short story about a cat."
        let seven = try Reference.chat(s.model, story, parameters: Reference.sampling(temperature: 0.9, seed: 7), maxTokens: 16)
        let eight = try Reference.chat(s.model, story, parameters: Reference.sampling(temperature: 0.9, seed: 8), maxTokens: 16)
        #expect(o["seed7"] as? String == seven.text)
        #expect(o["seed8"] as? String == eight.text)
        #expect(seven.text != eight.text)
    }

    @Test("logprobs: OpenAI's shape; values and top alternatives equal the engine's log-softmax")
    func logprobs() async throws {
        let s = try await RealServer.shared.value
        let o = try #require(try await RealServer.observations()["logprobs"] as? [String: Any])
        let content = try #require(o["content"] as? [[String: Any]])
        let reference = try Reference.chat(s.model, Reference.question, parameters: .greedy, maxTokens: 8, topLogits: 3)
        let shown = reference.tokens.indices.filter { !s.model.stopTokens.contains(reference.tokens[$0]) }
        #expect(content.count == shown.count)
        for (entry, i) in zip(content, shown) {
            let id = reference.tokens[i]
            let bytes = s.model.tokenizer.tokenBytes(id).map(Int.init)
            #expect(entry["bytes"] as? [Int] == bytes)
            #expect(entry["token"] as? String == String(decoding: s.model.tokenizer.tokenBytes(id), as: UTF8.self))
            let lp = try #require(entry["logprob"] as? Double)
            #expect(abs(lp - Double(reference.tokenLogProbabilities[i])) < 1e-4)
            // Greedy: the chosen token is the top logit, so logsumexp = its logit − its log-probability.
            let top = reference.topLogits[i]
            let logZ = Double(top[0].value) - Double(reference.tokenLogProbabilities[i])
            let alternatives = try #require(entry["top"] as? [[String: Any]])
            #expect(alternatives.count == 3)
            for (alt, ref) in zip(alternatives, top) {
                #expect(alt["bytes"] as? [Int] == s.model.tokenizer.tokenBytes(ref.id).map(Int.init))
                #expect(abs((alt["logprob"] as? Double ?? 0) - (Double(ref.value) - logZ)) < 1e-4)
            }
        }
    }

    @Test("legacy completions: raw prompt text and logprobs equal the engine's; token-id prompts and choice indices")
    func completions() async throws {
        let s = try await RealServer.shared.value
        let observations = try await RealServer.observations()
        let o = try #require(observations["completion"] as? [String: Any])
        let generator = try Generator(model: s.model, contextSize: RealServer.contextSize)
        let prompt = s.model.tokenize(prompt: "The capital of France is")
        let reference = try generator.generate(prompt: prompt, parameters: .greedy, maxTokens: 8)
        #expect(o["text"] as? String == reference.text)
        #expect(o["object"] as? String == "text_completion")
        let lps = try #require(o["token_logprobs"] as? [Double])
        let shown = reference.tokens.indices.filter { !s.model.stopTokens.contains(reference.tokens[$0]) }
        #expect(lps.count == shown.count)
        for (lp, i) in zip(lps, shown) { #expect(abs(lp - Double(reference.tokenLogProbabilities[i])) < 1e-4) }
        #expect((o["top"] as? [[String: Double]])?.allSatisfy { $0.count >= 1 && $0.count <= 2 } == true)
        #expect((o["usage"] as? [String: Any])?["prompt_tokens"] as? Int == prompt.count)
        let ids = try #require(observations["completion_ids"] as? [String: Any])
        #expect(ids["indices"] as? [Int] == [0, 1, 2, 3])
        #expect(ids["prompt_tokens"] as? Int == 5)
    }

    @Test("embeddings: base64 (the client's default) and float vectors equal the MiniLM encoder's")
    func embeddings() async throws {
        let o = try #require(try await RealServer.observations()["embeddings"] as? [String: Any])
        let texts = ["A cat sat on the mat.", "Fairness matters to people."]
        let reference = try SentenceEncoder.miniLM().encode(texts)
        let vectors = try #require(o["default"] as? [[Double]])
        #expect(vectors.count == 2)
        func cosine(_ a: [Double], _ b: [Float]) -> Double {
            guard a.count == b.count else { return 0 }
            var dot = 0.0, na = 0.0, nb = 0.0
            for (x, y) in zip(a, b) { dot += x * Double(y); na += x * x; nb += Double(y) * Double(y) }
            return dot / (na.squareRoot() * nb.squareRoot())
        }
        for (v, r) in zip(vectors, reference) {
            #expect(v.count == 384)
            #expect(cosine(v, r) > 0.999999)
        }
        let float = try #require(o["float"] as? [Double])
        #expect(cosine(float, reference[0]) > 0.999999)
        #expect(o["model"] as? String == "all-minilm-l6-v2")
        let usage = try #require(o["usage"] as? [String: Any])
        #expect((usage["prompt_tokens"] as? Int ?? 0) > 0)
        #expect(try await RealServer.observations()["models"] as? [String] == ["smollm2", "all-minilm-l6-v2"])
    }

    @Test("errors: OpenAI's shape with the right status and the field named")
    func errors() async throws {
        let e = try #require(try await RealServer.observations()["errors"] as? [String: [String: Any]])
        func check(_ name: String, _ status: Int, param: String? = nil, code: String? = nil, type: String = "invalid_request_error") {
            let o = e[name] ?? [:]
            #expect(o["status"] as? Int == status, "\(name)")
            #expect(o["type"] as? String == type, "\(name)")
            if let param { #expect(o["param"] as? String == param, "\(name)") }
            if let code { #expect(o["code"] as? String == code, "\(name)") }
            #expect(((o["message"] as? String) ?? "").isEmpty == false, "\(name)")
        }
        check("temperature", 400, param: "temperature")
        #expect((e["temperature"]?["message"] as? String)?.contains("temperature") == true)
        check("messages", 400, param: "messages")
        check("max_tokens", 400, param: "max_tokens")
        check("model", 404, param: "model", code: "model_not_found")
        check("context", 413, code: "context_length_exceeded")
        check("embedding_model", 404, param: "model", code: "model_not_found")
        check("bad_json", 400, code: "invalid_json")
        check("path", 404)
        check("method", 405, code: "method_not_allowed")
    }

    @Test("API key: required and checked; never in responses or the access log")
    func apiKey() async throws {
        let s = try await RealServer.shared.value
        let a = try #require(try await RealServer.observations()["auth"] as? [String: Any])
        #expect(((a["ok"] as? String) ?? "").isEmpty == false)
        let wrong = try #require(a["wrong"] as? [String: Any]), missing = try #require(a["missing"] as? [String: Any])
        #expect(wrong["status"] as? Int == 401 && missing["status"] as? Int == 401)
        #expect(wrong["type"] as? String == "authentication_error")
        #expect(a["health"] as? Int == 200)
        for message in [wrong["message"], missing["message"]] { #expect((message as? String)?.contains(s.key) == false) }
        let lines = s.locked.logLines + s.open.logLines
        #expect(lines.contains { $0.contains(" 401 ") })
        #expect(lines.allSatisfy { !$0.contains(s.key) && !$0.contains("vp-test-") })
    }
}
