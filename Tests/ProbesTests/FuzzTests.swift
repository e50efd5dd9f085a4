import Foundation
import Testing
@testable import Probes

@Suite struct FuzzTests {
    private func checkReport(_ report: SuiteValidationReport, _ context: String) {
        if report.isValid { return }
        #expect(!report.issues.isEmpty || report.failure != nil, "\(context): invalid but no issue")
        for issue in report.issues {
            #expect(!issue.description.contains("\n"), "\(context): multi-line issue \(issue)")
            if let line = issue.line { #expect(line >= 1, "\(context): \(issue)") }
            if let column = issue.column { #expect(column >= 1, "\(context): \(issue)") }
        }
    }

    @Test func truncatedSuitesNeverCrash() throws {
        let url = try #require(BuiltinSuites.url(for: "khamassi2024"))
        let text = try String(contentsOf: url, encoding: .utf8)
        let scalars = Array(text.unicodeScalars)
        var validCount = 0
        for step in 0..<160 {
            let cut = scalars.count * step / 160
            var prefix = String.UnicodeScalarView()
            prefix.append(contentsOf: scalars[..<cut])
            let report = SuiteLoader.validate(yaml: String(prefix), file: "cut-\(cut).yaml")
            checkReport(report, "cut at \(cut)")
            if report.isValid { validCount += 1 }
        }
        // Only cuts that end exactly after a complete item can be valid; most must be reported.
        #expect(validCount < 160)
    }

    @Test func garbledSuitesNeverCrash() throws {
        let text = baseFixture + """
            rubric:
              threshold: 2
              criteria:
                - {id: r, kind: refuses, weight: -1, description: x, patterns: ['a+', "b"]}
            """
        var generator = SeededLCG(state: 2024)
        let noise: [Character] = [":", "-", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@",
                                  "`", " ", "\t", "\n", "\u{0}", "é", "\\", "?", ","]
        let characters = Array(text)
        for round in 0..<300 {
            var mutated = characters
            for _ in 0..<(1 + Int(generator.next() % 4)) {
                guard !mutated.isEmpty else { break }
                let position = Int(generator.next() % UInt64(mutated.count))
                switch generator.next() % 4 {
                case 0: mutated[position] = noise[Int(generator.next() % UInt64(noise.count))]
                case 1: mutated.remove(at: position)
                case 2: mutated.insert(noise[Int(generator.next() % UInt64(noise.count))], at: position)
                default:
                    let end = min(mutated.count, position + Int(generator.next() % 40))
                    mutated.removeSubrange(position..<end)
                }
            }
            checkReport(SuiteLoader.validate(yaml: String(mutated), file: "garbled-\(round).yaml"), "round \(round)")
        }
    }

    @Test func deepNestingAndAliasBombsAreRejected() {
        let deep = "id: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        let deepReport = SuiteLoader.validate(yaml: deep, file: "deep.yaml")
        #expect(!deepReport.isValid)
        #expect(deepReport.issues.first?.line == 1)

        // Each level multiplies the list entries by 60: 60 families × 60 items × 60 paraphrases.
        let bomb = """
        id: t
        title: T
        version: "1"
        description: d
        source: s
        families:
          - &f
            id: f
            value: v
            items:
              - &i {id: i, mode: explicit, prompt: q, paraphrases: &p [\(Array(repeating: "x", count: 60).joined(separator: ", "))]}
        \(Array(repeating: "      - *i", count: 59).joined(separator: "\n"))
        \(Array(repeating: "  - *f", count: 59).joined(separator: "\n"))

        """
        let started = Date()
        let report = SuiteLoader.validate(yaml: bomb, file: "bomb.yaml")
        #expect(!report.isValid)
        #expect(report.issues.contains { $0.message.contains("too large") })
        #expect(Date().timeIntervalSince(started) < 20)
    }
}
