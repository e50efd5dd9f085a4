import Foundation
import Synchronization

/// Builds the `ChatModel` for a spec. Remote specs are built here; `local:` specs go to `localFactory`,
/// which the embedded engine's module installs.
public enum ModelFactory {
    private static let localStorage = Mutex<(@Sendable (ModelSpec) throws -> any ChatModel)?>(nil)

    /// Builds models for `.local` specs; nil until the embedded engine installs it.
    public static var localFactory: (@Sendable (ModelSpec) throws -> any ChatModel)? {
        get { localStorage.withLock { $0 } }
        set { localStorage.withLock { $0 = newValue } }
    }

    /// The model for `spec`. Keys and base URLs come from `environment` only; a missing key is a
    /// `BackendError.missingAPIKey` naming the variable to set.
    public static func make(_ spec: ModelSpec,
                            environment: [String: String] = ProcessInfo.processInfo.environment,
                            options: BackendOptions = BackendOptions()) throws -> any ChatModel {
        switch spec {
        case .local:
            guard let factory = localFactory else {
                throw BackendError.localModelsNotConfigured(spec: spec.description)
            }
            return try factory(spec)
        case .openAI(let model):
            return try OpenAICompatibleModel.openAI(model: model, environment: environment, options: options)
        case .openAICompatible(let baseURL, let model):
            return try OpenAICompatibleModel.compatible(baseURL: baseURL, model: model, environment: environment,
                                                        options: options)
        case .anthropic(let model):
            return try AnthropicModel(model: model, environment: environment, options: options)
        case .gemini(let model):
            return try GeminiModel(model: model, environment: environment, options: options)
        case .ollama(let model):
            return try OllamaModel(model: model, environment: environment, options: options)
        }
    }
}
