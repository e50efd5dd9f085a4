import Foundation
import Testing

/// lm-evaluation-harness itself against `valueprobe serve`: its `local-completions` model runs a multiple-choice
/// task and a generation task from local JSONL files (echo + logprobs, the tokenizer read through the server's
/// /tokenize); every log-likelihood it reports equals ValueProbe's own scoring of the same tokens, and every greedy
/// generation equals the server's own completion of the same context (`scripts/peers/lm-eval-check`,
/// which installs lm_eval 0.4.13 in a virtual environment under the cache the first time; `scripts/test` does that
/// up front).
@Suite("lm-evaluation-harness against valueprobe serve", .serialized)
struct LMEvalHarnessTests {
    @Test("local-completions: 15 log-likelihoods equal valueprobe score within 1e-4; 3 generations equal the server's",
          .timeLimit(.minutes(20)))
    func multipleChoice() async throws {
        let root = OpenAIClientScript.repositoryRoot
        let binary = root.appendingPathComponent(".build/debug/valueprobe")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path),
                     "build the CLI first (swift build --build-tests): \(binary.path)")
        let script = root.appendingPathComponent("scripts/peers/lm-eval-check").path
        let (status, out, err) = try await ChildProcess.run("/bin/bash", [script, binary.path])
        let report = out + err
        #expect(status == 0, "lm-eval-check failed (\(status)): \(report.suffix(2000))")
        // The comparison line: every pair lm-eval scored was compared, none differed.
        let line = try #require(report.split(separator: "\n").first { $0.hasPrefix("lm-eval-compare: ") },
                                "no comparison line: \(report.suffix(2000))")
        #expect(line.contains("15 log-likelihoods"))
        #expect(line.contains(", 0 mismatches"))
        // Its greedy generations (generate_until through the server's tokenizer) equal the server's completions.
        let generations = try #require(report.split(separator: "\n").first { $0.contains(" generations, ") },
                                       "no generation line: \(report.suffix(2000))")
        #expect(generations.hasPrefix("lm-eval-compare: 3 generations, 0 differ"))
        // lm-eval's own accuracy table was printed, so the task ran through lm-eval and not around it.
        #expect(report.contains("valueprobe_mc"))
    }
}
