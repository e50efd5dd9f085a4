import Foundation
import Testing

/// `scripts/fuzz`: both libFuzzer targets (the chat-template interpreter and the GGUF reader) build with
/// `-sanitize=fuzzer,address` and run on their seed corpus and a few seconds of fuzzing without a crash.
@Suite("scripts/fuzz: libFuzzer targets", .serialized)
struct FuzzScriptTests {
    @Test("every target builds and runs 3 s from its corpus with no crash", .timeLimit(.minutes(10)))
    func targets() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [root.appendingPathComponent("scripts/fuzz").path, "all", "--seconds", "3"]
        process.currentDirectoryURL = root
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(text.suffix(3000))")
        for target in ["chat-templates", "gguf"] {
            let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("scripts/fuzz: \(target): ") },
                                    "no line for \(target): \(text.suffix(2000))")
            #expect(line.hasSuffix(", 0 crash(es)"))
            // The fuzzer ran: thousands of inputs in 3 s (each target runs ~30,000–100,000 a second here).
            let executions = line.split(separator: " ").dropFirst(2).first.flatMap { Int($0) } ?? 0
            #expect(executions > 1000, "\(line)")
        }
    }
}
