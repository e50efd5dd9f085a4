import Foundation
import Testing

/// `valueprobe suites validate` on rubrics whose numbers used to trap (SIGILL and a backtrace) or validate a
/// threshold that recognises every answer: the real binary exits 1 with one `FILE:LINE:COLUMN: message` line.
@Suite("valueprobe suites validate: rubric numbers")
struct SuitesValidateTests {
    /// The `valueprobe` binary of this build.
    static var binary: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/valueprobe")
    }

    static func suite(weight: String, threshold: String) -> String {
        """
        id: t
        title: T
        version: "1"
        description: d
        source: s
        families:
          - id: fam
            value: dignity
            rubric:
              threshold: \(threshold)
              criteria:
                - id: r1
                  kind: custom
                  weight: \(weight)
                  description: x
                  patterns: [concern]
            items:
              - id: e1
                mode: explicit
                prompt: What is dignity?

        """
    }

    /// Runs `suites validate` on `text`; the exit status, stdout and stderr lines.
    static func validate(_ text: String) throws -> (status: Int32, out: String, errors: [String], file: String) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("vp-validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("suite.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["suites", "validate", file.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errors = String(decoding: errData, as: UTF8.self).split(separator: "\n").map(String.init)
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), errors, file.path)
    }

    @Test("weights and thresholds at the ends of Int: exit 1, one line naming file, line and the number",
          arguments: [
              ("-9223372036854775808", "1", 14, "weight of criterion 'r1'", "found -9223372036854775808"),
              ("9223372036854775807", "1", 14, "weight of criterion 'r1'", "found 9223372036854775807"),
              ("2", "0", 10, "threshold 0", "at least 1"),
              ("2", "-9223372036854775808", 10, "threshold -9223372036854775808", "at least 1"),
              ("2", "9223372036854775807", 10, "threshold 9223372036854775807", "can never be reached"),
          ])
    func extremeNumbers(_ weight: String, _ threshold: String, _ line: Int, _ what: String, _ detail: String) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path),
                     "build the CLI first (swift build --build-tests): \(Self.binary.path)")
        let result = try Self.validate(Self.suite(weight: weight, threshold: threshold))
        #expect(result.status == 1)
        #expect(result.out.isEmpty)
        #expect(result.errors.count == 1, "\(result.errors)")
        let message = result.errors.first ?? ""
        #expect(message.hasPrefix("\(result.file):\(line):"), "\(message)")
        #expect(message.contains(what) && message.contains(detail), "\(message)")
    }

    @Test("the same rubric with sane numbers validates (exit 0)")
    func saneNumbersValidate() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path))
        let result = try Self.validate(Self.suite(weight: "2", threshold: "2"))
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.out.contains(": valid — 1 items"))
    }
}
