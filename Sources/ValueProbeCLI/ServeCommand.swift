import ArgumentParser
import Foundation
import Serving

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the embedded model over an OpenAI-compatible HTTP API (chat, completions, embeddings).",
        discussion: "SIGTERM or Ctrl-C stops taking requests, finishes those in flight and exits 0. See docs/serve.md."
    )

    @Option(help: "Model: smollm2 (built-in, fetched on first use) or a .gguf path.") var model = "smollm2"
    @Option(help: "Address to bind (loopback by default).") var host = "127.0.0.1"
    @Option(help: "Port to bind (0 picks a free one).") var port = 8080
    @Option(help: "Sequences decoded together in the continuous batch (default: 16).") var parallel: Int?
    @Option(help: "Engine threads (default: all cores).") var threads: Int?
    @Option(name: .customLong("api-key-env"), help: "Require 'Authorization: Bearer KEY', KEY read from this environment variable.")
    var apiKeyEnv: String?
    @Option(help: "Sequences that may wait for a slot; beyond that requests get 429.") var queue = 64
    @Option(help: "Positions (prompt + completion) per sequence (default: the model's, at most 4096).") var context: Int?
    @Option(name: .customLong("header-timeout"), help: "Seconds a request's headers may take from their first byte; then 408 and the connection closes.")
    var headerTimeout: Double = 30
    @Option(name: .customLong("body-timeout"), help: "Seconds a request's body may take once its headers are in; then 408 and the connection closes.")
    var bodyTimeout: Double = 60
    @Option(name: .customLong("idle-timeout"), help: "Seconds a connection may stay open with no request in progress.")
    var idleTimeout: Double = 60
    @Flag(name: .customLong("no-embeddings"), help: "Do not serve /v1/embeddings (skips loading the MiniLM encoder).")
    var noEmbeddings = false

    var options: ServeOptions {
        var o = ServeOptions()
        o.model = model
        o.host = host
        o.port = port
        o.parallel = parallel
        o.threads = threads
        o.apiKeyEnvironmentVariable = apiKeyEnv
        o.queue = queue
        o.context = context
        o.embeddings = !noEmbeddings
        o.headerTimeout = headerTimeout
        o.bodyTimeout = bodyTimeout
        o.idleTimeout = idleTimeout
        return o
    }

    func validate() throws {
        do { try options.validate() } catch { throw ValidationError(error.description) }
    }

    func run() async throws {
        let server = try options.makeServer(progress: Terminal.assetProgress)
        let slots = server.generation.parallelism
        try await server.run { host, port in
            Terminal.error("valueprobe serve: \(server.configuration.modelID) on http://\(host):\(port)/v1 (\(slots) slots, context \(server.configuration.contextSize), queue \(server.configuration.queue)\(server.configuration.apiKey == nil ? "" : ", API key required"))")
        }
        Terminal.error("valueprobe serve: stopped")
    }
}
