import ChatTemplates
import Foundation
import Inference

/// The in-process engine behind the `ChatModel` protocol. Requests run one at a time on one context, so a prompt
/// sampled many times in a row is processed once (its cache prefix is reused).
public actor EmbeddedChatModel: ChatModel {
    public nonisolated let spec: ModelSpec
    public nonisolated let maxConcurrency = 1
    public nonisolated let model: LanguageModel
    private let generator: Generator
    /// Sampling settings other than those a `ChatRequest` carries.
    public nonisolated let baseParameters: SamplingParameters

    public init(spec: ModelSpec, model: LanguageModel, threads: Int? = nil, contextSize: Int? = nil,
                baseParameters: SamplingParameters = SamplingParameters()) throws {
        self.spec = spec
        self.model = model
        self.baseParameters = baseParameters
        generator = try Generator(model: model, contextSize: contextSize, threads: threads)
    }

    public func complete(_ request: ChatRequest) async throws -> ChatResponse {
        var p = baseParameters
        if let t = request.temperature { p.temperature = Float(t) }
        if let tp = request.topP { p.topP = Float(tp) }
        p.seed = request.seed ?? p.seed
        let start = DispatchTime.now().uptimeNanoseconds
        let r = try generator.chat(request.messages, parameters: p, maxTokens: request.maxTokens, stop: request.stop)
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        let finish: String = switch r.finishReason {
        case .stop, .stopSequence: "stop"
        case .length, .contextFull: "length"
        case .cancelled: "cancelled"
        }
        return ChatResponse(text: r.text, finishReason: finish, promptTokens: r.promptTokens.count,
                            completionTokens: r.tokens.count, latencyMilliseconds: ms, reportedModel: model.displayName)
    }
}
