import Foundation
@testable import Models

/// A fake key that is easy to spot if it ever leaks into text.
let fakeKey = "sk-test-LEAKCANARY-0123456789abcdef"

/// Options for fast tests: tiny backoff, seeded jitter, a short timeout.
func fastOptions(attempts: Int = 4, timeout: Double = 5) -> BackendOptions {
    BackendOptions(requestTimeout: timeout,
                   retry: RetryPolicy(maxAttempts: attempts, baseDelay: 0.01, maxDelay: 0.05, jitterSeed: 42))
}

/// One remote backend as the shared fault tests see it: how to build it against a test server, a recorded
/// successful answer, and a recorded error body with the message it carries.
struct BackendFixture: Sendable, CustomStringConvertible {
    var description: String
    /// The request path the backend must use.
    var path: String
    var make: @Sendable (_ serverURL: String, _ options: BackendOptions) throws -> any ChatModel
    /// A successful body whose answer text is `answer`.
    var successBody: String
    var answer: String
    /// A 4xx error body in the provider's shape, and the message inside it.
    var errorBody: String
    var errorMessage: String
    /// A 2xx JSON body lacking the answer, and the field the error must name.
    var incompleteBody: String
    var missingField: String

    static let all: [BackendFixture] = [openAI, anthropic, gemini, ollama]
    /// The backends that send an API key (Ollama takes none).
    static let keyed: [BackendFixture] = [openAI, anthropic, gemini]

    static let openAI = BackendFixture(
        description: "openai",
        path: "/v1/chat/completions",
        make: { url, options in
            try OpenAICompatibleModel.openAI(model: "gpt-test",
                                             environment: ["OPENAI_API_KEY": fakeKey, "OPENAI_BASE_URL": url + "/v1"],
                                             options: options)
        },
        successBody: """
        {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-test-0001",
         "choices":[{"index":0,"message":{"role":"assistant","content":"Fairness matters."},"finish_reason":"stop"}],
         "usage":{"prompt_tokens":21,"completion_tokens":3,"total_tokens":24}}
        """,
        answer: "Fairness matters.",
        errorBody: """
        {"error":{"message":"Invalid value for 'temperature': must be at most 2.","type":"invalid_request_error","param":"temperature","code":null}}
        """,
        errorMessage: "Invalid value for 'temperature': must be at most 2.",
        incompleteBody: #"{"id":"chatcmpl-2","object":"chat.completion","choices":[]}"#,
        missingField: "choices[0]")

    static let anthropic = BackendFixture(
        description: "anthropic",
        path: "/v1/messages",
        make: { url, options in
            try AnthropicModel(model: "claude-test",
                               environment: ["ANTHROPIC_API_KEY": fakeKey, "ANTHROPIC_BASE_URL": url],
                               options: options)
        },
        successBody: """
        {"id":"msg_1","type":"message","role":"assistant","model":"claude-test-20250101",
         "content":[{"type":"text","text":"Fairness "},{"type":"text","text":"matters."}],
         "stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":21,"output_tokens":3}}
        """,
        answer: "Fairness matters.",
        errorBody: """
        {"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: Field required"}}
        """,
        errorMessage: "max_tokens: Field required",
        incompleteBody: #"{"id":"msg_2","type":"message","role":"assistant","stop_reason":"end_turn"}"#,
        missingField: "content")

    static let gemini = BackendFixture(
        description: "gemini",
        path: "/v1beta/models/gemini-test:generateContent",
        make: { url, options in
            try GeminiModel(model: "gemini-test", environment: ["GEMINI_API_KEY": fakeKey, "GEMINI_BASE_URL": url],
                            options: options)
        },
        successBody: """
        {"candidates":[{"content":{"parts":[{"text":"Fairness matters."}],"role":"model"},"finishReason":"STOP","index":0}],
         "usageMetadata":{"promptTokenCount":21,"candidatesTokenCount":3,"totalTokenCount":24},
         "modelVersion":"gemini-test-001"}
        """,
        answer: "Fairness matters.",
        errorBody: """
        {"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT"}}
        """,
        errorMessage: "API key not valid. Please pass a valid API key.",
        incompleteBody: #"{"candidates":[{"content":{"role":"model"},"finishReason":"STOP"}],"modelVersion":"g"}"#,
        missingField: "candidates[0].content.parts")

    static let ollama = BackendFixture(
        description: "ollama",
        path: "/api/chat",
        make: { url, options in
            try OllamaModel(model: "llama-test", environment: ["OLLAMA_HOST": url], options: options)
        },
        successBody: """
        {"model":"llama-test","created_at":"2025-01-01T00:00:00Z","message":{"role":"assistant","content":"Fairness matters."},
         "done_reason":"stop","done":true,"total_duration":1000,"prompt_eval_count":21,"eval_count":3}
        """,
        answer: "Fairness matters.",
        errorBody: #"{"error":"model \"llama-test\" not found, try pulling it first"}"#,
        errorMessage: #"model "llama-test" not found, try pulling it first"#,
        incompleteBody: #"{"model":"llama-test","done":true,"done_reason":"stop"}"#,
        missingField: "message")
}

/// A small two-turn request with a system message.
let sampleRequest = ChatRequest(
    messages: [
        .init(role: "system", content: "Answer in one sentence."),
        .init(role: "user", content: "What matters?"),
        .init(role: "assistant", content: "Many things."),
        .init(role: "user", content: "Pick one."),
    ],
    temperature: 0.25, topP: 0.9, maxTokens: 64, seed: 7, stop: ["\n\n"])

/// Seconds between two instants.
func seconds(_ from: ContinuousClock.Instant, _ to: ContinuousClock.Instant) -> Double {
    let d = to - from
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}
