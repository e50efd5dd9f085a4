import Foundation
import Statistics

/// A fixed load on an OpenAI-compatible server: `clients` concurrent clients, each sending `requestsPerClient`
/// chat completions one after another (non-streamed, `max_tokens` fixed, seeded sampling). The same load is used
/// for ValueProbe's server and for llama-server.
public struct ServeLoad: Sendable {
    public var clients = 16
    public var requestsPerClient = 4
    public var maxTokens = 64
    public var temperature = 0.8
    /// Prompts cycled through by the requests (request k asks prompts[k % count]).
    public var prompts = ServeLoad.defaultPrompts

    public init(clients: Int = 16, requestsPerClient: Int = 4, maxTokens: Int = 64) {
        self.clients = clients
        self.requestsPerClient = requestsPerClient
        self.maxTokens = maxTokens
    }

    /// Open questions that make a small model write on (so most answers reach `max_tokens`).
    public static let defaultPrompts = [
        "Write a long story about a lighthouse keeper who finds a message in a bottle.",
        "Explain in detail how a bicycle works, part by part.",
        "Describe a busy market in a coastal town at dawn, with as much detail as you can.",
        "Write a detailed guide to growing tomatoes in a small garden.",
        "Tell me everything you know about the history of writing.",
        "Write a letter to a friend describing your last holiday in the mountains.",
        "Explain why people keep promises, with examples from everyday life.",
        "Describe how bread is made, from the field to the table.",
    ]

    /// What one run of the load measured.
    public struct Result: Codable, Sendable {
        public var requests: Int
        public var failures: Int
        public var completionTokens: Int
        public var wallSeconds: Double
        /// Completion tokens of all requests per second of wall time.
        public var completionTokensPerSecond: Double
        /// Median request latency, seconds.
        public var medianLatency: Double
        /// 90th-percentile request latency, seconds.
        public var p90Latency: Double
        /// Median completion tokens per second within one request.
        public var medianPerRequestTokensPerSecond: Double
        /// The first failure's one-line reason, if any.
        public var firstFailure: String?
    }

    /// Runs the load against the server on 127.0.0.1:`port` (paths under `/v1`) asking for `model`. Each client
    /// is a thread of its own with a blocking connection per request.
    public func run(port: Int, model: String, apiKey: String? = nil) async throws -> Result {
        let client = BlockingHTTPClient(port: port, timeoutSeconds: 600)
        let prompts = prompts
        let maxTokens = maxTokens, temperature = temperature, perClient = requestsPerClient
        var headers: [String: String] = [:]
        if let apiKey { headers["Authorization"] = "Bearer \(apiKey)" }
        let requestHeaders = headers
        let start = ContinuousClock.now
        let samples = await withTaskGroup(of: [Sample].self) { group in
            for c in 0 ..< clients {
                group.addTask {
                    await Self.onThread {
                        var out: [Sample] = []
                        for r in 0 ..< perClient {
                            let k = c * perClient + r
                            let body: [String: Any] = [
                                "model": model, "max_tokens": maxTokens, "temperature": temperature, "seed": k,
                                "messages": [["role": "user", "content": prompts[k % prompts.count]]],
                            ]
                            let t0 = ContinuousClock.now
                            do {
                                let data = try JSONSerialization.data(withJSONObject: body)
                                let response = try client.post("/v1/chat/completions", body: data, headers: requestHeaders)
                                let seconds = Self.seconds(t0.duration(to: .now))
                                guard response.status == 200,
                                      let json = try JSONSerialization.jsonObject(with: response.body) as? [String: Any],
                                      let usage = json["usage"] as? [String: Any],
                                      let tokens = usage["completion_tokens"] as? Int
                                else {
                                    let text = String(decoding: response.body.prefix(200), as: UTF8.self)
                                    out.append(Sample(seconds: seconds, tokens: 0, failure: "HTTP \(response.status): \(text)"))
                                    continue
                                }
                                out.append(Sample(seconds: seconds, tokens: tokens))
                            } catch {
                                out.append(Sample(seconds: Self.seconds(t0.duration(to: .now)), tokens: 0, failure: "\(error)"))
                            }
                        }
                        return out
                    }
                }
            }
            var all: [Sample] = []
            for await s in group { all += s }
            return all
        }
        let wall = Self.seconds(start.duration(to: .now))
        let ok = samples.filter { $0.failure == nil }
        let tokens = ok.reduce(0) { $0 + $1.tokens }
        let latencies = ok.map(\.seconds).sorted()
        return Result(requests: samples.count, failures: samples.count - ok.count, completionTokens: tokens,
                      wallSeconds: wall, completionTokensPerSecond: Double(tokens) / max(wall, 1e-9),
                      medianLatency: median(latencies) ?? 0,
                      p90Latency: latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * 0.9))],
                      medianPerRequestTokensPerSecond: median(ok.map { Double($0.tokens) / max($0.seconds, 1e-9) }) ?? 0,
                      firstFailure: samples.first { $0.failure != nil }?.failure)
    }

    private struct Sample: Sendable {
        var seconds: Double
        var tokens: Int
        var failure: String?
    }

    /// Runs blocking `work` on a new thread and awaits its result.
    private static func onThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: work()) }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
