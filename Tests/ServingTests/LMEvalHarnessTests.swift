import Foundation
import Testing

/// lm-evaluation-harness itself against `valueprobe serve`: its `local-completions` model runs a multiple-choice
/// task from a local JSONL file (echo + logprobs, the tokenizer read through the server's /tokenize), and every
/// log-likelihood it reports equals ValueProbe's own scoring of the same tokens (`scripts/peers/lm-eval-check`,
/// which installs lm_eval 0.4.13 in a virtual environment under the cache the first time; `scripts/test` does that
/// up front).
@Suite("lm-evaluation-harness against valueprobe serve", .serialized)
struct LMEvalHarnessTests {
    @Test("a local-completions multiple-choice task: 15 log-likelihoods equal valueprobe score within 1e-4",
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
        // lm-eval's own accuracy table was printed, so the task ran through lm-eval and not around it.
        #expect(report.contains("valueprobe_mc"))
    }
}
