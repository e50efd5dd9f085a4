import Assets
import Foundation
import Inference
import Models

/// Everything `valueprobe serve` is told, and the server built from it: the model loaded (a built-in name fetched
/// through the asset store, or a GGUF path), the engine, the embedding model, the API key read from the
/// environment. The CLI only parses flags into this.
public struct ServeOptions: Sendable {
    /// `smollm2`, `local:NAME`, or a `.gguf` path.
    public var model = "smollm2"
    public var host = "127.0.0.1"
    public var port = 8080
    /// Sequences decoded together (engine slots); nil = 16.
    public var parallel: Int?
    /// Engine threads; nil = all cores.
    public var threads: Int?
    /// The environment variable holding the bearer key clients must send; nil = no key.
    public var apiKeyEnvironmentVariable: String?
    /// Sequences that may wait for a slot before requests get 429.
    public var queue = 64
    /// Positions per sequence; nil = the model's context length, at most 4096.
    public var context: Int?
    /// Whether `/v1/embeddings` serves the MiniLM encoder.
    public var embeddings = true
    /// Seconds a request's headers may take from their first byte (then 408).
    public var headerTimeout: Double = 30
    /// Seconds a request's body may take once its headers are in (then 408).
    public var bodyTimeout: Double = 60
    /// Seconds a connection may wait with no request in progress before it is closed.
    public var idleTimeout: Double = 60

    public init() {}

    /// Problems a user can fix, one line each.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Checks ranges; the error names the flag.
    public func validate() throws(Problem) {
        if let parallel, parallel < 1 { throw Problem(description: "--parallel must be at least 1, got \(parallel)") }
        if let threads, threads < 1 { throw Problem(description: "--threads must be at least 1, got \(threads)") }
        if let context, context < 2 { throw Problem(description: "--context must be at least 2, got \(context)") }
        guard (0 ... 65535).contains(port) else { throw Problem(description: "--port must be in 0...65535, got \(port)") }
        guard queue >= 0 else { throw Problem(description: "--queue must be ≥ 0, got \(queue)") }
        guard !host.isEmpty else { throw Problem(description: "--host must not be empty") }
        for (flag, seconds) in [("--header-timeout", headerTimeout), ("--body-timeout", bodyTimeout), ("--idle-timeout", idleTimeout)] {
            guard seconds.isFinite, seconds > 0, seconds <= 86_400 else {
                throw Problem(description: "\(flag) must be a number of seconds in (0, 86400], got \(seconds)")
            }
        }
    }

    /// The model spec as ModelSpec understands it (a bare name is a built-in local model).
    public var modelSpec: ModelSpec {
        get throws {
            let s = model.trimmingCharacters(in: .whitespaces)
            if !s.contains(":") && !s.hasSuffix(".gguf") { return .local(s) }
            return try ModelSpec(parsing: s)
        }
    }

    /// The id clients use: the built-in name, or the file name without `.gguf`.
    public static func modelID(for spec: ModelSpec) -> String {
        guard case .local(let name) = spec else { return spec.description }
        if LocalModels.builtin[name.lowercased()] != nil { return name.lowercased() }
        let file = URL(fileURLWithPath: name).lastPathComponent
        return file.hasSuffix(".gguf") ? String(file.dropLast(5)) : file
    }

    /// The bearer key from the environment; an error when the variable is named but unset or empty.
    public func apiKey(environment: [String: String]) throws(Problem) -> String? {
        guard let variable = apiKeyEnvironmentVariable else { return nil }
        guard let key = environment[variable], !key.isEmpty else {
            throw Problem(description: "--api-key-env \(variable): the environment variable \(variable) is not set or empty")
        }
        return key
    }

    /// Loads the model and builds the server (not yet listening).
    /// - Parameters:
    ///   - progress: told about asset fetches (the built-in model on first use).
    ///   - log: where access-log lines go.
    public func makeServer(environment: [String: String] = ProcessInfo.processInfo.environment,
                           progress: AssetProgressHandler? = nil, log: AccessLog = .standardError) throws -> OpenAIServer {
        try validate()
        let key = try apiKey(environment: environment)
        let spec = try modelSpec
        guard case .local = spec else {
            throw Problem(description: "--model \(model): serve runs an embedded model (smollm2 or a .gguf path), not a remote one")
        }
        let languageModel = try LocalModels.load(spec, progress: progress)
        let engine = try Self.makeEngine(model: languageModel, parallel: parallel, threads: threads, context: context)
        var configuration = ServerConfiguration(modelID: Self.modelID(for: spec), contextSize: engine.contextSize,
                                                host: host, port: port, apiKey: key, queue: queue)
        configuration.modelAliases = Array(Set([model, spec.description, languageModel.displayName]))
        configuration.headerTimeout = .milliseconds(Int64((headerTimeout * 1000).rounded()))
        configuration.bodyTimeout = .milliseconds(Int64((bodyTimeout * 1000).rounded()))
        configuration.idleTimeout = .milliseconds(Int64((idleTimeout * 1000).rounded()))
        var embedder: MiniLMEmbeddingService?
        if embeddings {
            embedder = MiniLMEmbeddingService(threads: threads)
            embedder?.preloadInBackground()
        }
        return OpenAIServer(configuration: configuration, generation: engine.service, embeddings: embedder, log: log)
    }

    /// The engine's continuous batch for `model` (`parallel` slots, 16 by default), and the positions each of its
    /// sequences may fill.
    public static func makeEngine(model: LanguageModel, parallel: Int?, threads: Int?,
                                  context: Int?) throws -> (service: any GenerationService, contextSize: Int) {
        let engine = try BatchEngine(model: model, parallelism: parallel ?? 16, threads: threads, contextSize: context)
        return (engine, engine.contextSize)
    }
}
