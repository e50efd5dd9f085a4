import Foundation
import Testing
@testable import Models

@Suite(.serialized) struct ModelFactoryTests {
    private let env = ["OPENAI_API_KEY": fakeKey, "ANTHROPIC_API_KEY": fakeKey, "GEMINI_API_KEY": fakeKey]

    @Test func remoteSpecsBuildTheirBackends() throws {
        let options = BackendOptions(concurrency: 7)
        let specs: [(String, any ChatModel.Type)] = [
            ("openai:gpt-x", OpenAICompatibleModel.self),
            ("openai-compatible:http://127.0.0.1:8000/v1#qwen", OpenAICompatibleModel.self),
            ("anthropic:claude-x", AnthropicModel.self),
            ("gemini:gemini-x", GeminiModel.self),
            ("ollama:llama3", OllamaModel.self),
        ]
        for (text, type) in specs {
            let spec = try ModelSpec(parsing: text)
            let model = try ModelFactory.make(spec, environment: env, options: options)
            #expect(Swift.type(of: model) == type, "\(text)")
            #expect(model.spec == spec)
            #expect(model.maxConcurrency == 7)
        }
        #expect(try ModelFactory.make(.ollama(model: "m"), environment: [:]).maxConcurrency == 4)
    }

    @Test func officialEndpointsAreTheDefaults() throws {
        let openAI = try #require(try ModelFactory.make(.openAI(model: "m"), environment: env) as? OpenAICompatibleModel)
        #expect(openAI.baseURL.absoluteString == OpenAICompatibleModel.officialBaseURL)
        let claude = try #require(try ModelFactory.make(.anthropic(model: "m"), environment: env) as? AnthropicModel)
        #expect(claude.baseURL.absoluteString == AnthropicModel.officialBaseURL)
        let gemini = try #require(try ModelFactory.make(.gemini(model: "m"), environment: env) as? GeminiModel)
        #expect(gemini.baseURL.absoluteString == GeminiModel.officialBaseURL)
    }

    @Test(arguments: [
        (ModelSpec.openAI(model: "gpt-x"), "openai:gpt-x: no API key: set OPENAI_API_KEY in the environment"),
        (.anthropic(model: "claude-x"), "anthropic:claude-x: no API key: set ANTHROPIC_API_KEY in the environment"),
        (.gemini(model: "g"), "gemini:g: no API key: set GEMINI_API_KEY or GOOGLE_API_KEY in the environment"),
    ])
    func missingKeysNameTheVariable(_ spec: ModelSpec, _ message: String) {
        let error = #expect(throws: BackendError.self) {
            try ModelFactory.make(spec, environment: ["OPENAI_API_KEY": "  ", "UNRELATED": "x"])
        }
        #expect(error?.description == message)
    }

    @Test func badBaseURLIsAConfigurationError() {
        let error = #expect(throws: BackendError.self) {
            try ModelFactory.make(.anthropic(model: "c"), environment: ["ANTHROPIC_API_KEY": fakeKey,
                                                                        "ANTHROPIC_BASE_URL": "ftp://nowhere"])
        }
        #expect(error?.description == "anthropic:c: invalid configuration: ANTHROPIC_BASE_URL 'ftp://nowhere' is not an http(s) URL with a host")
    }

    @Test func localSpecsGoToTheInstalledFactory() throws {
        ModelFactory.localFactory = nil
        let error = #expect(throws: BackendError.self) { try ModelFactory.make(.defaultLocal, environment: [:]) }
        #expect(error == .localModelsNotConfigured(spec: "local:smollm2"))

        ModelFactory.localFactory = { spec in
            OllamaModel(model: spec.description, baseURL: URL(string: "http://127.0.0.1:1")!,
                        options: BackendOptions(concurrency: 1))
        }
        defer { ModelFactory.localFactory = nil }
        let model = try ModelFactory.make(.local("x.gguf"), environment: [:])
        #expect((model as? OllamaModel)?.model == "local:x.gguf")
    }

    @Test func passwordInACompatibleURLIsMaskedInTheLabel() throws {
        let spec = ModelSpec.openAICompatible(baseURL: "http://user:hunter2hunter2@127.0.0.1:1/v1", model: "m")
        #expect(Endpoint.label(for: spec) == "openai-compatible:http://user:***@127.0.0.1:1/v1#m")
    }
}
