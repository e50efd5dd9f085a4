import Foundation
import Statistics

/// llama.cpp's `llama-bench`, run on the same file and thread count when it is on PATH, for side-by-side ratios.
public struct LlamaBenchPeer: Sendable {
    public let executable: String

    /// The peer if `llama-bench` is found on PATH (or at `$LLAMA_BENCH`).
    public static func find() -> LlamaBenchPeer? {
        PeerExecutable.find("llama-bench", environmentVariable: "LLAMA_BENCH").map { LlamaBenchPeer(executable: $0) }
    }

    public struct Result: Codable, Sendable {
        public var promptTokensPerSecond: Double?
        public var decodeTokensPerSecond: Double?
        public var version: String?
    }

    /// Runs `llama-bench -m model -t threads -p P -n N -r R -o json` and reads the median of its samples.
    public func run(model: String, threads: Int, promptTokens: Int, generatedTokens: Int, repetitions: Int) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-m", model, "-t", String(threads), "-p", String(promptTokens), "-n", String(generatedTokens),
                             "-r", String(repetitions), "-o", "json"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        _ = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PeerError("llama-bench exited with status \(process.terminationStatus)")
        }
        guard let rows = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw PeerError("llama-bench printed no JSON array")
        }
        var result = Result()
        for row in rows {
            let samples = (row["samples_ts"] as? [Double]) ?? []
            let value = samples.isEmpty ? row["avg_ts"] as? Double : median(samples)
            if let nPrompt = row["n_prompt"] as? Int, nPrompt > 0, (row["n_gen"] as? Int) == 0 { result.promptTokensPerSecond = value }
            if let nGen = row["n_gen"] as? Int, nGen > 0, (row["n_prompt"] as? Int) == 0 { result.decodeTokensPerSecond = value }
            result.version = (row["build_commit"] as? String) ?? result.version
        }
        return result
    }
}

/// A peer tool failed; one line.
public struct PeerError: Error, CustomStringConvertible {
    public var description: String
    public init(_ d: String) { description = d }
}
