import Foundation
import Statistics

/// llama.cpp's `llama-batched-bench`, run on the same file, thread count and workload when it is on PATH (or at
/// `$LLAMA_BATCHED_BENCH`), for side-by-side ratios of aggregate batched speed.
public struct LlamaBatchedBenchPeer: Sendable {
    public let executable: String

    /// The peer if `llama-batched-bench` is found.
    public static func find() -> LlamaBatchedBenchPeer? {
        PeerExecutable.find("llama-batched-bench", environmentVariable: "LLAMA_BATCHED_BENCH").map { LlamaBatchedBenchPeer(executable: $0) }
    }

    public struct Result: Codable, Sendable {
        /// Prompt tokens of all sequences per second (median over runs).
        public var promptTokensPerSecond: Double
        /// Generated tokens of all sequences per second (median over runs).
        public var decodeTokensPerSecond: Double
        public var promptSamples: [Double]
        public var decodeSamples: [Double]
    }

    /// Runs `llama-batched-bench -m model -t threads -npp P -ntg N -npl S -c S·(P+N) --output-format jsonl`
    /// `repetitions` times and reads its `speed_pp` and `speed_tg`.
    public func run(model: String, threads: Int, sequences: Int, promptTokens: Int, generatedTokens: Int,
                    repetitions: Int) throws -> Result {
        var pp: [Double] = [], tg: [Double] = []
        for _ in 0 ..< max(1, repetitions) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["-m", model, "-t", String(threads), "-tb", String(threads),
                                 "-c", String(sequences * (promptTokens + generatedTokens) + 16),
                                 "-npp", String(promptTokens), "-ntg", String(generatedTokens), "-npl", String(sequences),
                                 "--output-format", "jsonl"]
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            _ = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw PeerError("llama-batched-bench exited with status \(process.terminationStatus)")
            }
            var found = false
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.hasPrefix("{") {
                guard let row = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let speedPP = row["speed_pp"] as? Double, let speedTG = row["speed_tg"] as? Double else { continue }
                pp.append(speedPP)
                tg.append(speedTG)
                found = true
            }
            guard found else { throw PeerError("llama-batched-bench printed no result line") }
        }
        return Result(promptTokensPerSecond: median(pp) ?? 0, decodeTokensPerSecond: median(tg) ?? 0,
                      promptSamples: pp, decodeSamples: tg)
    }
}
