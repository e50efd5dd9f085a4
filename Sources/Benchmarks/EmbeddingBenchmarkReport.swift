import Foundation

/// What `valueprobe bench embed` measured: one row per task and thread count, ValueProbe and (when installed) the
/// peer, medians of the timed runs.
public struct EmbeddingBenchmarkReport: Codable, Sendable {
    /// One task at one thread count.
    public struct Row: Codable, Sendable {
        public var task: EmbeddingBenchmarkTask
        public var threads: Int
        /// What was measured, in words (e.g. "top-10 neighbours of 100 words over 400,000").
        public var workload: String
        /// "s" for times (lower is better) or the rate's unit, e.g. "words/s" (higher is better).
        public var unit: String
        /// ValueProbe: the median (a time or a rate, per `unit`) and every timed run in seconds.
        public var ours: Double
        public var oursSeconds: [Double]
        /// The peer's name and version, its median and runs, when it ran.
        public var peer: String?
        public var peerValue: Double?
        public var peerSeconds: [Double]?
        /// How many times faster ValueProbe is than the peer (above 1: faster).
        public var speedup: Double?
        /// A check of the outputs against each other, or why the peer is missing or failed.
        public var note: String?
    }

    public var date: Date
    public var cores: Int
    /// The 1-minute load average when the run started and ended (other work on the machine distorts figures).
    public var loadAverageStart: Double?
    public var loadAverageEnd: Double?
    public var repetitions: Int
    public var python: String?
    public var rows: [Row]

    /// The 1-minute load average, when the system reports one.
    public static func loadAverage() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8),
              let first = text.split(separator: " ").first else { return nil }
        return Double(first)
    }
}
