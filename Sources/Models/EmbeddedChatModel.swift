import ChatTemplates
import Foundation
import Inference

/// The in-process engine behind the `ChatModel` protocol: requests share one `BatchEngine`, up to `parallel` of
/// them generated together in its continuous batch. Samples of one prompt share its evaluation, and each request's
/// answer depends only on the request and its seed, never on what else is in the batch.
public final class EmbeddedChatModel: ChatModel {
    public let spec: ModelSpec
    /// The engine's parallelism: a run keeps this many requests in flight.
    public let maxConcurrency: Int
    public let model: LanguageModel
    /// The continuous batch every request goes through.
    public let engine: BatchEngine
    /// Sampling settings other than those a `ChatRequest` carries.
    public let baseParameters: SamplingParameters

    /// - Parameters:
    ///   - threads: worker threads of the engine (nil = every core).
    ///   - contextSize: positions per sequence (nil = the model's, at most 4096).
    ///   - parallel: sequences generated together (at least 1).
    public init(spec: ModelSpec, model: LanguageModel, threads: Int? = nil, contextSize: Int? = nil, parallel: Int = 1,
                baseParameters: SamplingParameters = SamplingParameters()) throws {
        self.spec = spec
        self.model = model
        self.baseParameters = baseParameters
        engine = try BatchEngine(model: model, parallelism: parallel, threads: threads, contextSize: contextSize)
        maxConcurrency = engine.parallelism
    }

    /// The engine enforces `responseFormat` by constrained decoding (an unsupported schema throws
    /// `JSONSchemaError` naming the keyword).
    public var honoursResponseFormat: Bool { true }

    public func complete(_ request: ChatRequest) async throws -> ChatResponse {
        var p = baseParameters
        if let t = request.temperature { p.temperature = Float(t) }
        if let tp = request.topP { p.topP = Float(tp) }
        p.seed = request.seed ?? p.seed
        let start = DispatchTime.now().uptimeNanoseconds
        let prompt = model.tokenize(prompt: try model.renderChat(request.messages))
        let constraint = try request.responseFormat.flatMap { (format: ResponseFormat) throws(JSONSchemaError) in
            try model.constraint(for: format)
        }
        let r = try await engine.generate(GenerationRequest(prompt: prompt, parameters: p, maxTokens: request.maxTokens,
                                                            stop: request.stop,
                                                            stopOnRepetition: request.stopOnRepetition,
                                                            constraint: constraint))
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        let finish: String = switch r.finishReason {
        case .stop, .stopSequence: "stop"
        case .length, .contextFull: "length"
        case .cancelled: "cancelled"
        case .repetition: "repetition"
        }
        return ChatResponse(text: r.text, finishReason: finish, promptTokens: r.promptTokens.count,
                            completionTokens: r.tokens.count, latencyMilliseconds: ms, reportedModel: model.displayName)
    }
}
