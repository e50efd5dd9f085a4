import Foundation
import Inference
import Models
import Serving
import Synchronization
import Testing

/// Parameters and malformed input, through HTTP on a scripted engine: every bad body or value is a 4xx in OpenAI's
/// shape naming the field, never a crash or a hang; accepted parameters reach the engine as documented.
@Suite("request validation", .serialized)
struct RequestValidationTests {
    private static let shared = Task<(RunningServer, RecordingService), any Error> {
        let service = RecordingService(model: try TestModel.load())
        let server = try await RunningServer.start(
            configuration: ServerConfiguration(modelID: "smollm2", contextSize: 256, queue: 8), generation: service)
        return (server, service)
    }

    private func post(_ path: String, _ json: String) async throws -> HTTPResponse {
        let (server, _) = try await Self.shared.value
        return try await TestHTTP.send("POST", server.root.appendingPathComponent(path), json: json)
    }

    @Test("bad values: 400 with the parameter named", arguments: [
        (#"{"messages":[{"role":"user","content":"hi"}],"n":0}"#, "n"),
        (#"{"messages":[{"role":"user","content":"hi"}],"top_p":1.5}"#, "top_p"),
        (#"{"messages":[{"role":"user","content":"hi"}],"stop":[1]}"#, "stop"),
        (#"{"messages":[{"role":"user","content":"hi"}],"seed":"x"}"#, "seed"),
        (#"{"messages":[{"role":"user","content":"hi"}],"stream":"yes"}"#, "stream"),
        (#"{"messages":[{"role":"user","content":"hi"}],"stream_options":{"include_usage":true}}"#, "stream_options"),
        (#"{"messages":[{"role":"user","content":"hi"}],"top_logprobs":2}"#, "top_logprobs"),
        (#"{"messages":[{"role":"user","content":"hi"}],"logprobs":true,"top_logprobs":21}"#, "top_logprobs"),
        (#"{"messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function"}]}"#, "tools"),
        (#"{"messages":[{"role":"user","content":"hi"}],"response_format":{"type":"xml"}}"#, "response_format"),
        (#"{"messages":[{"role":"user","content":"hi"}],"response_format":"json"}"#, "response_format"),
        (#"{"messages":[{"role":"user","content":"hi"}],"response_format":{"type":"json_schema","json_schema":{"name":"x","schema":{"type":"string","pattern":"a+"}}}}"#, "response_format"),
        (#"{"messages":[{"role":"user","content":"hi"}],"max_completion_tokens":1.5}"#, "max_completion_tokens"),
        (#"{"messages":[{"role":"user","content":"hi"}, 3]}"#, "messages[1]"),
        (#"{"messages":[{"role":"user"}]}"#, "messages[0].content"),
        (#"{"messages":[{"role":"system","content":"be brief"},{"role":"user","content":null}]}"#, "messages[1].content"),
        (#"{"messages":[{"role":"wizard","content":"hi"}]}"#, "messages[0].role"),
        (#"{"messages":[{"role":"User","content":"hi"}]}"#, "messages[0].role"),
        (#"{"messages":[{"content":"hi"}]}"#, "messages[0].role"),
        (#"{"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"x"}}]}]}"#, "messages[0].content[0]"),
        (#"{"messages":"hi"}"#, "messages"),
        (#"{"model":7,"messages":[{"role":"user","content":"hi"}]}"#, "model"),
    ])
    func badChatValues(body: String, param: String) async throws {
        let response = try await post("v1/chat/completions", body)
        #expect(response.status == 400)
        let error = try #require(TestHTTP.error(response))
        #expect(error["param"] as? String == param)
        #expect(error["type"] as? String == "invalid_request_error")
        #expect((error["message"] as? String)?.contains("\n") == false)
    }

    @Test("messages: the index and the problem are named in one line")
    func messageErrorsNameIndex() async throws {
        let missing = try await post("v1/chat/completions", #"{"messages":[{"role":"user"}]}"#)
        #expect(missing.status == 400)
        #expect(TestHTTP.error(missing)?["message"] as? String == "'messages[0].content' is missing (or null): every message needs a string or a list of text parts")
        let wizard = try await post("v1/chat/completions", #"{"messages":[{"role":"user","content":"hi"},{"role":"wizard","content":"hi"}]}"#)
        #expect(wizard.status == 400)
        #expect(TestHTTP.error(wizard)?["message"] as? String == #"'messages[1].role' is "wizard"; it must be one of system, developer, user, assistant, tool"#)
    }

    @Test("every documented role reaches the chat template, as itself (developer as system)")
    func everyRoleAccepted() async throws {
        let (_, service) = try await Self.shared.value
        service.reset()
        let response = try await post("v1/chat/completions", #"""
            {"messages":[{"role":"system","content":"s"},{"role":"developer","content":"d"},{"role":"user","content":"u"},
                         {"role":"assistant","content":""},{"role":"tool","content":"t"}],"max_tokens":1}
            """#)
        #expect(response.status == 200)
        let model = try TestModel.load()
        let rendered = try model.renderChat([.init(role: "system", content: "s"), .init(role: "system", content: "d"),
                                             .init(role: "user", content: "u"), .init(role: "assistant", content: ""),
                                             .init(role: "tool", content: "t")])
        #expect(service.requests.first?.prompt == model.tokenize(prompt: rendered))
        // SmolLM2's template writes every role into its header, "tool" included.
        #expect(rendered.contains("<|im_start|>tool\nt<|im_end|>"))
        #expect(rendered.contains("<|im_start|>system\nd<|im_end|>"))
    }

    @Test("n: up to the server's slots + queue is served; beyond it a 400 that says why; beyond 128 always a 400")
    func nLimit() async throws {
        let (_, service) = try await Self.shared.value
        service.reset()
        // This server: 4 slots + a queue of 8.
        let most = try await post("v1/chat/completions", #"{"messages":[{"role":"user","content":"hi"}],"n":12,"max_tokens":1}"#)
        #expect(most.status == 200)
        #expect((TestHTTP.object(most)?["choices"] as? [Any])?.count == 12)
        #expect(service.requests.count == 12)
        let over = try await post("v1/chat/completions", #"{"messages":[{"role":"user","content":"hi"}],"n":13}"#)
        #expect(over.status == 400)
        let message = try #require(TestHTTP.error(over)?["message"] as? String)
        #expect(message.contains("asks for 13 sequences") && message.contains("at most 12 at once (4 slots + a queue of 8)"))
        let beyond = try await post("v1/chat/completions", #"{"messages":[{"role":"user","content":"hi"}],"n":129}"#)
        #expect(beyond.status == 400)
        #expect(TestHTTP.error(beyond)?["message"] as? String == "'n' must be between 1 and 128, got 129")
        let completions = try await post("v1/completions", #"{"prompt":["a","b"],"n":7}"#)
        #expect(completions.status == 400)
        #expect((TestHTTP.error(completions)?["message"] as? String)?.contains("asks for 14 sequences") == true)
    }

    @Test("completions: bad prompts and unsupported options", arguments: [
        (#"{"prompt":[]}"#, "prompt"),
        (#"{"prompt":[1,-2]}"#, "prompt"),
        (#"{"prompt":[1,99999999]}"#, "prompt"),
        (#"{"prompt":["a",1]}"#, "prompt"),
        (#"{"prompt":{"x":1}}"#, "prompt"),
        (#"{"prompt":"hi","logprobs":true}"#, "logprobs"),
        (#"{"prompt":"hi","echo":"yes"}"#, "echo"),
        (#"{"prompt":"hi","best_of":3}"#, "best_of"),
        (#"{"max_tokens":3}"#, "prompt"),
    ])
    func badCompletionValues(body: String, param: String) async throws {
        let response = try await post("v1/completions", body)
        #expect(response.status == 400)
        #expect(TestHTTP.error(response)?["param"] as? String == param)
    }

    @Test("malformed bodies never crash: each answer is a JSON error, and the server still serves")
    func malformedBodies() async throws {
        var generator = SystemRandomNumberGenerator()
        var bodies = ["", "null", "[]", "\"text\"", "{", "{\"messages\":", "{\"messages\":[{\"role\":\"user\",\"content\":\"\u{0}\"}]}",
                      String(repeating: "[", count: 10000), "{\"n\":1e400}", "{\"temperature\":NaN}", "\u{FEFF}{}"]
        for _ in 0 ..< 20 {
            bodies.append(String(decoding: (0 ..< Int.random(in: 1 ... 200, using: &generator)).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }, as: UTF8.self))
        }
        for body in bodies {
            for path in ["v1/chat/completions", "v1/completions", "v1/embeddings"] {
                let response = try await post(path, body)
                #expect((400 ..< 500).contains(response.status), "\(path): \(body.prefix(40))")
                #expect(TestHTTP.error(response)?["message"] is String)
            }
        }
        let (server, _) = try await Self.shared.value
        let health = try await TestHTTP.send("GET", server.root.appendingPathComponent("health"))
        #expect(health.status == 200)
    }

    @Test("a body over the limit is 413; the embeddings endpoint without an encoder is 404")
    func limits() async throws {
        let big = #"{"messages":[{"role":"user","content":""# + String(repeating: "a", count: 9 << 20) + #""}]}"#
        let response = try await post("v1/chat/completions", big)
        #expect(response.status == 413)
        #expect(TestHTTP.error(response)?["code"] as? String == "request_too_large")
        let embeddings = try await post("v1/embeddings", #"{"input":"x"}"#)
        #expect(embeddings.status == 404)
    }

    @Test("accepted parameters reach the engine: seeds s, s+1, …; stop; limits; penalties; top_p 0 is greedy-like")
    func parametersReachEngine() async throws {
        let (_, service) = try await Self.shared.value
        service.reset()
        let response = try await post("v1/chat/completions", #"""
            {"model":"SmolLM2","messages":[{"role":"developer","content":"be brief"},{"role":"user","content":[{"type":"text","text":"hi"}]}],
             "n":3,"seed":-1,"temperature":0.5,"top_p":0,"top_k":7,"min_p":0.1,"frequency_penalty":0.5,"presence_penalty":-0.5,
             "repeat_penalty":1.1,"stop":"\n\n","max_completion_tokens":5,"max_tokens":9,"logprobs":true,"top_logprobs":4}
            """#)
        #expect(response.status == 200)
        let requests = service.requests
        #expect(requests.count == 3)
        // The n sequences are submitted concurrently: their arrival order is not fixed, their seeds are.
        #expect(requests.compactMap(\.parameters.seed).sorted() == [0, 1, UInt64.max])
        #expect(Set(requests.map(\.prompt)).count == 1)
        let model = try TestModel.load()
        let expectedPrompt = model.tokenize(prompt: try model.renderChat([.init(role: "system", content: "be brief"), .init(role: "user", content: "hi")]))
        #expect(requests.first?.prompt == expectedPrompt)
        for r in requests {
            #expect(r.maxTokens == 5)
            #expect(r.stop == ["\n\n"])
            #expect(r.topLogprobs == 4)
            #expect(r.parameters.temperature == 0.5 && r.parameters.topK == 7 && r.parameters.minP == Float(0.1))
            #expect(r.parameters.topP > 0 && r.parameters.topP < 1e-3)
            #expect(r.parameters.frequencyPenalty == 0.5 && r.parameters.presencePenalty == -0.5)
            #expect(r.parameters.repeatPenalty == Float(1.1))
        }
        // Without max_tokens a sequence may fill the context.
        service.reset()
        _ = try await post("v1/completions", #"{"prompt":[1,2,3,4]}"#)
        #expect(service.requests.first?.maxTokens == 256 - 4)
        // Without a seed, the n sequences still get consecutive seeds.
        service.reset()
        _ = try await post("v1/completions", #"{"prompt":"a","n":2,"max_tokens":1}"#)
        let seeds = service.requests.compactMap(\.parameters.seed)
        #expect(seeds.count == 2 && seeds[1] == seeds[0] &+ 1)
    }
}

/// A scripted engine that records the requests it is given and answers each with one token at once.
final class RecordingService: GenerationService, Sendable {
    let model: LanguageModel
    var parallelism: Int { 4 }
    private let recorded = Mutex<[GenerationRequest]>([])
    private let inner: ScriptedGenerationService

    init(model: LanguageModel) {
        self.model = model
        inner = ScriptedGenerationService(model: model, parallelism: 4, interval: .milliseconds(1))
    }

    var requests: [GenerationRequest] { recorded.withLock { $0 } }
    func reset() { recorded.withLock { $0 = [] } }

    func stream(_ request: GenerationRequest) -> AsyncThrowingStream<GenerationEvent, any Error> {
        recorded.withLock { $0.append(request) }
        var short = request
        short.maxTokens = min(request.maxTokens, 1)
        return inner.stream(short)
    }
}
