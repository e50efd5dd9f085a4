import Foundation
import Testing

/// Inspect (inspect_ai) with its default `openai` provider — OpenAI's Responses API — against `valueprobe serve`:
/// a two-question task runs to the end and every answer Inspect logged equals the server's own greedy chat
/// completion of the same messages (`scripts/peers/inspect-check`, which installs inspect_ai in a virtual
/// environment under the cache the first time; `scripts/test` does that up front).
@Suite("Inspect against valueprobe serve", .serialized)
struct InspectTests {
    @Test("inspect eval --model openai/smollm2: both samples finish, answers equal the chat completions",
          .timeLimit(.minutes(20)))
    func defaultProvider() async throws {
        let root = OpenAIClientScript.repositoryRoot
        let binary = root.appendingPathComponent(".build/debug/valueprobe")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path),
                     "build the CLI first (swift build --build-tests): \(binary.path)")
        let script = root.appendingPathComponent("scripts/peers/inspect-check").path
        let (status, out, err) = try await ChildProcess.run("/bin/bash", [script, binary.path])
        let report = out + err
        #expect(status == 0, "inspect-check failed (\(status)): \(report.suffix(2000))")
        let line = try #require(report.split(separator: "\n").first { $0.hasPrefix("inspect-check: 2 samples") },
                                "no summary line: \(report.suffix(2000))")
        #expect(line.contains("status success"))
        #expect(line.contains(", 0 answers differ"))
    }
}
