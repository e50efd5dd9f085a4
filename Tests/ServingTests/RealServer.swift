import Foundation
import ChatTemplates
import Inference
import Serving

/// Two servers on the real SmolLM2 model sharing one engine (context 512): one open, one that requires a bearer
/// key; both started once per test process. The openai-client observations are gathered once, on first use.
struct RealServer: Sendable {
    let open: RunningServer
    let locked: RunningServer
    let key: String
    let model: LanguageModel
    static let contextSize = 512

    static let shared = Task<RealServer, any Error> {
        let model = try TestModel.load()
        let engine = try ServeOptions.makeEngine(model: model, parallel: 16, threads: nil, context: contextSize)
        let open = try await RunningServer.start(
            configuration: ServerConfiguration(modelID: "smollm2", contextSize: engine.contextSize),
            generation: engine.service, embeddings: MiniLMEmbeddingService())
        let key = "vp-test-" + UUID().uuidString
        let locked = try await RunningServer.start(
            configuration: ServerConfiguration(modelID: "smollm2", contextSize: engine.contextSize, apiKey: key),
            generation: engine.service)
        return RealServer(open: open, locked: locked, key: key, model: model)
    }

    /// What the openai Python client saw (JSON), gathered once.
    static let clientObservations = Task<Data, any Error> {
        let s = try await shared.value
        let json = try await OpenAIClientScript.run(base: s.open.baseURL, protected: s.locked.baseURL, key: s.key)
        return try JSONSerialization.data(withJSONObject: json)
    }

    static func observations() async throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: try await clientObservations.value) as? [String: Any] ?? [:]
    }
}

/// Independent references: the single-sequence `Generator` on the same model and context.
enum Reference {
    static let question = "What is the capital of France? Answer in one sentence."

    static func chat(_ model: LanguageModel, _ content: String, parameters: SamplingParameters, maxTokens: Int,
                     topLogits: Int = 0) throws -> GenerationResult {
        try chat(model, [.init(role: "user", content: content)], parameters: parameters, maxTokens: maxTokens,
                 topLogits: topLogits)
    }

    /// The same for a whole conversation.
    static func chat(_ model: LanguageModel, _ messages: [ChatMessage], parameters: SamplingParameters, maxTokens: Int,
                     topLogits: Int = 0) throws -> GenerationResult {
        let generator = try Generator(model: model, contextSize: RealServer.contextSize)
        return try generator.chat(messages, parameters: parameters, maxTokens: maxTokens, topLogits: topLogits)
    }

    /// The server's defaults with `temperature` and `seed` set (what a client setting only those gets).
    static func sampling(temperature: Float, seed: UInt64) -> SamplingParameters {
        var p = SamplingParameters()
        p.temperature = temperature
        p.seed = seed
        return p
    }
}
