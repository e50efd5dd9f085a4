import ArgumentParser
import Benchmarks
import Foundation

struct BenchServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Completion tokens/s and latency of `serve` under concurrent clients (and llama-server's when on PATH)."
    )

    @Option(help: "Model: smollm2 (default) or a .gguf path.") var model = "smollm2"
    @Option(help: "Concurrent clients.") var clients = 16
    @Option(help: "Requests each client sends, one after another.") var requests = 4
    @Option(name: .customLong("max-tokens"), help: "max_tokens of every request.") var maxTokens = 64
    @Option(help: "Engine slots (and llama-server --parallel).") var parallel = 16
    @Option(help: "Threads of both servers (default: all cores).") var threads: Int?
    @Option(help: "Positions per slot, for both servers.") var context = 512
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard clients >= 1, requests >= 1, maxTokens >= 1, parallel >= 1, context >= 16 else {
            throw ValidationError("--clients, --requests, --max-tokens and --parallel must be ≥ 1, --context ≥ 16")
        }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
    }

    func run() async throws {
        var bench = ServeBenchmark()
        bench.load = ServeLoad(clients: clients, requestsPerClient: requests, maxTokens: maxTokens)
        bench.parallel = parallel
        bench.threads = threads
        bench.contextPerSlot = context
        let report = try await bench.run(model: model) { Terminal.error($0) }
        if json {
            try Terminal.printJSON(report)
            return
        }
        print("model: \(report.model)   clients: \(report.clients)   requests: \(report.requests)   max_tokens: \(report.maxTokens)   slots: \(report.parallel)   threads: \(report.threads)")
        print("server            completion t/s   median latency   p90 latency   per-request t/s   failures")
        func row(_ name: String, _ r: ServeLoad.Result) {
            print(name.padding(toLength: 16, withPad: " ", startingAt: 0)
                  + String(format: "  %14.1f  %13.2f s  %9.2f s  %15.1f  %8d", r.completionTokensPerSecond, r.medianLatency,
                           r.p90Latency, r.medianPerRequestTokensPerSecond, r.failures))
        }
        row("valueprobe", report.valueprobe)
        if let peer = report.llamaServer { row("llama-server", peer) }
        if let ratio = report.ratio { print(String(format: "ratio (valueprobe / llama-server): %.2fx", ratio)) }
        if let e = report.peerError { print("llama-server failed: \(e)") }
        if report.llamaServer == nil && report.peerError == nil { print("(llama-server not on PATH: no side-by-side figures)") }
        if let f = report.valueprobe.firstFailure { print("first failure: \(f)") }
    }
}
