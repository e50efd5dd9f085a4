import ChatTemplates
import Inference

/// One chat completion request, the same for every backend.
public struct ChatRequest: Sendable, Codable, Equatable {
    public var messages: [ChatMessage]
    /// Sampling temperature; nil = the backend's default.
    public var temperature: Double?
    public var topP: Double?
    public var maxTokens: Int
    /// Seed for backends that honour one (the embedded engine always does).
    public var seed: UInt64?
    public var stop: [String]
    /// Ask the backend to stop an answer that has fallen into a loop (finish reason `repetition`). Only the
    /// embedded engine can (``Inference/RepetitionGuard``); remote APIs ignore it.
    public var stopOnRepetition: Bool
    /// Ask for the `n` most likely first tokens of the answer with their log-probabilities
    /// (``ChatResponse/firstTokenLogprobs``). Only OpenAI-compatible backends can; others ignore it.
    public var topLogprobs: Int?
    /// The shape the answer must have (JSON object or JSON Schema), for backends that honour it
    /// (``ChatModel/honoursResponseFormat``); nil = free text.
    public var responseFormat: ResponseFormat?

    public init(messages: [ChatMessage], temperature: Double? = nil, topP: Double? = nil, maxTokens: Int = 256,
                seed: UInt64? = nil, stop: [String] = [], stopOnRepetition: Bool = false, topLogprobs: Int? = nil,
                responseFormat: ResponseFormat? = nil) {
        self.responseFormat = responseFormat
        self.stopOnRepetition = stopOnRepetition
        self.topLogprobs = topLogprobs
        self.messages = messages
        self.temperature = temperature
        self.topP = topP
        self.maxTokens = maxTokens
        self.seed = seed
        self.stop = stop
    }
}

/// A backend's answer.
public struct ChatResponse: Sendable, Codable, Equatable {
    public var text: String
    /// Normalised: "stop", "length", "content_filter", "error" or the backend's own word.
    public var finishReason: String
    public var promptTokens: Int?
    public var completionTokens: Int?
    /// Wall time of the successful attempt, milliseconds.
    public var latencyMilliseconds: Double
    /// The model name the backend reports, when it reports one.
    public var reportedModel: String?
    /// The backend configuration fingerprint the server reports (OpenAI's `system_fingerprint`), when it reports one.
    public var systemFingerprint: String?
    /// When asked for (``ChatRequest/topLogprobs``) and the server reports them: the most likely first tokens of the
    /// answer and their natural-log probabilities, in the server's order.
    public var firstTokenLogprobs: [TokenLogprob]?

    public init(text: String, finishReason: String, promptTokens: Int? = nil, completionTokens: Int? = nil,
                latencyMilliseconds: Double, reportedModel: String? = nil, systemFingerprint: String? = nil) {
        self.systemFingerprint = systemFingerprint
        self.text = text
        self.finishReason = finishReason
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.latencyMilliseconds = latencyMilliseconds
        self.reportedModel = reportedModel
    }
}

/// One token the server considered, with its natural-log probability.
public struct TokenLogprob: Sendable, Codable, Equatable, Hashable {
    public var token: String
    public var logprob: Double

    public init(token: String, logprob: Double) {
        self.token = token
        self.logprob = logprob
    }
}

/// A chat model a run can ask: the embedded engine or a remote API.
public protocol ChatModel: Sendable {
    /// The spec this model was created from.
    var spec: ModelSpec { get }
    /// How many requests may be in flight at once (the runner's per-backend bound).
    var maxConcurrency: Int { get }
    /// Sends one request. Retries of transient failures happen inside; errors that reach the caller are final.
    func complete(_ request: ChatRequest) async throws -> ChatResponse
    /// Whether the backend constrains its answer to ``ChatRequest/responseFormat`` (the embedded engine does; so do
    /// OpenAI-compatible servers, which are sent it). Backends that do not ignore the field.
    var honoursResponseFormat: Bool { get }
}

extension ChatModel {
    /// By default a backend does not honour `responseFormat`.
    public var honoursResponseFormat: Bool { false }
}
