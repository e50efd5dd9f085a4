import Foundation
import Testing
@testable import Probes

/// One broken fixture: the text, where the first problem must be reported, and words the message must contain.
struct BrokenFixture: CustomStringConvertible, Sendable {
    let name: String
    let text: String
    /// The marker text whose position the issue must point at, its occurrence, and a column offset.
    let marker: String
    let occurrence: Int
    let offset: Int
    let fragments: [String]
    var description: String { name }
}

let rubricBlock = """
    rubric:
      threshold: 1
      criteria:
        - id: r1
          kind: flags_risk
          weight: 2
          description: x
          patterns: [concern]

"""

let brokenFixtures: [BrokenFixture] = [
    BrokenFixture(name: "unknown key with suggestion",
                  text: replacing("pair_id: e1", with: "pairID: e1", in: baseFixture),
                  marker: "pairID", occurrence: 1, offset: 0,
                  fragments: ["unknown key 'pairID'", "did you mean 'pair_id'?"]),
    BrokenFixture(name: "unknown top-level key",
                  text: replacing("title: T", with: "titel: T", in: baseFixture),
                  marker: "titel", occurrence: 1, offset: 0,
                  fragments: ["unknown key 'titel'", "did you mean 'title'?"]),
    BrokenFixture(name: "wrong type",
                  text: replacing("prompt: What is dignity?", with: "prompt: [a, b]", in: baseFixture),
                  marker: "[a, b]", occurrence: 1, offset: 0,
                  fragments: ["'prompt'", "must be text", "a list"]),
    BrokenFixture(name: "wrong type for a boolean",
                  text: replacing("require_twins: true", with: "require_twins: maybe", in: baseFixture),
                  marker: "maybe", occurrence: 1, offset: 0,
                  fragments: ["require_twins", "true or false"]),
    BrokenFixture(name: "missing required field",
                  text: replacing("        prompt: What is dignity?\n", with: "", in: baseFixture),
                  marker: "id: e1", occurrence: 1, offset: 0,
                  fragments: ["missing required key 'prompt'", "item 'e1'"]),
    BrokenFixture(name: "duplicate item id",
                  text: replacing("- id: c1", with: "- id: i1", in: baseFixture),
                  marker: "- id: i1", occurrence: 2, offset: 6,
                  fragments: ["duplicate item id 'i1'"]),
    BrokenFixture(name: "unknown mode",
                  text: replacing("mode: implicit", with: "mode: implict", in: baseFixture),
                  marker: "implict", occurrence: 1, offset: 0,
                  fragments: ["unknown mode 'implict'", "did you mean 'implicit'?"]),
    BrokenFixture(name: "pair id pointing nowhere",
                  text: replacing("pair_id: e1", with: "pair_id: e9", in: baseFixture),
                  marker: "e9", occurrence: 1, offset: 0,
                  fragments: ["pair_id 'e9'", "points to no item"]),
    BrokenFixture(name: "implicit item without its twin",
                  text: replacing("""
                        - id: c1
                          mode: control
                          pair_id: i1
                          prompt: Hold the broom all night.

                  """, with: "", in: baseFixture),
                  marker: "- id: i1", occurrence: 1, offset: 6,
                  fragments: ["implicit item 'i1' has no control twin"]),
    BrokenFixture(name: "weight outside ±1…±3",
                  text: replacing("    items:\n", with: replacing("weight: 2", with: "weight: 5", in: rubricBlock)
                                  + "    items:\n", in: baseFixture),
                  marker: "weight: 5", occurrence: 1, offset: 8,
                  fragments: ["weight", "±1, ±2 or ±3", "found 5"]),
    BrokenFixture(name: "weight Int.min (no trap in the check)",
                  text: replacing("    items:\n", with: replacing("weight: 2", with: "weight: -9223372036854775808", in: rubricBlock)
                                  + "    items:\n", in: baseFixture),
                  marker: "weight: -9223372036854775808", occurrence: 1, offset: 8,
                  fragments: ["±1, ±2 or ±3", "found -9223372036854775808"]),
    BrokenFixture(name: "weight Int.max (no overflow in the maximum score)",
                  text: replacing("    items:\n", with: replacing("weight: 2", with: "weight: 9223372036854775807", in: rubricBlock)
                                  + "    items:\n", in: baseFixture),
                  marker: "weight: 9223372036854775807", occurrence: 1, offset: 8,
                  fragments: ["±1, ±2 or ±3", "found 9223372036854775807"]),
    BrokenFixture(name: "threshold 0 would recognise every answer",
                  text: replacing("    items:\n", with: replacing("threshold: 1", with: "threshold: 0", in: rubricBlock)
                                  + "    items:\n", in: baseFixture),
                  marker: "threshold: 0", occurrence: 1, offset: 11,
                  fragments: ["threshold 0", "at least 1", "even an empty one"]),
    BrokenFixture(name: "threshold Int.min",
                  text: replacing("    items:\n", with: replacing("threshold: 1", with: "threshold: -9223372036854775808", in: rubricBlock)
                                  + "    items:\n", in: baseFixture),
                  marker: "threshold: -9223372036854775808", occurrence: 1, offset: 11,
                  fragments: ["must be at least 1"]),
    BrokenFixture(name: "threshold Int.max can never be reached",
                  text: replacing("    items:\n", with: replacing("threshold: 1", with: "threshold: 9223372036854775807", in: rubricBlock)
                                  + "    items:\n", in: baseFixture),
                  marker: "threshold: 9223372036854775807", occurrence: 1, offset: 11,
                  fragments: ["threshold 9223372036854775807", "can never be reached", "add up to 2"]),
    BrokenFixture(name: "weight beyond Int (not read as a number, no trap)",
                  text: replacing("    items:\n", with: replacing("weight: 2", with: "weight: 9223372036854775808", in: rubricBlock)
                                  + "    items:\n", in: baseFixture),
                  marker: "9223372036854775808", occurrence: 1, offset: 0,
                  fragments: ["weight", "a whole number"]),
    BrokenFixture(name: "invalid regular expression",
                  text: replacing("    items:\n", with: replacing("[concern]", with: "['(unclosed']", in: rubricBlock)
                                  + "    items:\n", in: baseFixture),
                  marker: "'(unclosed'", occurrence: 1, offset: 0,
                  fragments: ["not a valid regular expression"]),
    BrokenFixture(name: "unknown criterion kind",
                  text: replacing("    items:\n", with: replacing("flags_risk", with: "flag_risk", in: rubricBlock)
                                  + "    items:\n", in: baseFixture),
                  marker: "flag_risk", occurrence: 1, offset: 0,
                  fragments: ["unknown kind 'flag_risk'", "did you mean 'flags_risk'?"]),
    BrokenFixture(name: "empty prompt",
                  text: replacing("prompt: What is dignity?", with: "prompt: \"  \"", in: baseFixture),
                  marker: "\"  \"", occurrence: 1, offset: 0,
                  fragments: ["prompt of item 'e1' is empty"]),
    BrokenFixture(name: "suite with no items",
                  text: String(baseFixture[..<baseFixture.range(of: "families:")!.lowerBound]) + "families: []\n",
                  marker: "[]", occurrence: 1, offset: 0,
                  fragments: ["has no items"]),
    BrokenFixture(name: "control that puts the value at risk",
                  text: replacing("mode: control", with: "mode: control\n        value_at_risk: true", in: baseFixture),
                  marker: "value_at_risk: true", occurrence: 1, offset: 15,
                  fragments: ["control item 'c1' cannot have value_at_risk: true"]),
    BrokenFixture(name: "YAML syntax error",
                  text: replacing("title: T", with: "title: T: U", in: baseFixture),
                  marker: ": U", occurrence: 1, offset: 0,
                  fragments: ["YAML syntax error"]),
    BrokenFixture(name: "duplicate YAML key",
                  text: replacing("title: T", with: "title: T\ntitle: U", in: baseFixture),
                  marker: "title:", occurrence: 1, offset: 0,
                  fragments: ["duplicate key 'title'"]),
]

@Suite struct LoaderErrorTests {
    @Test func baseFixtureIsValid() throws {
        let suite = try SuiteLoader.load(yaml: baseFixture, file: "base.yaml")
        #expect(suite.itemCount == 3)
        #expect(suite.controlTwin(of: "i1")?.id == "c1")
        #expect(suite.item(id: "c1")?.valueAtRisk == false)
        #expect(suite.item(id: "i1")?.valueAtRisk == true)
    }

    @Test(arguments: brokenFixtures)
    func reportsFileLineAndColumn(fixture: BrokenFixture) throws {
        let expected = try #require(locate(fixture.marker, in: fixture.text, occurrence: fixture.occurrence,
                                           offset: fixture.offset), "marker not in fixture")
        let url = try writeTemporarySuite(fixture.text, name: "broken")
        do {
            _ = try SuiteLoader.load(contentsOf: url)
            Issue.record("\(fixture.name): loaded without error")
        } catch {
            let issues = error.issues
            let first = try #require(issues.first, "\(fixture.name): \(error)")
            #expect(first.file == url.path)
            #expect(first.line == expected.line, "\(fixture.name): \(first)")
            #expect(first.column == expected.column, "\(fixture.name): \(first)")
            #expect(first.description.hasPrefix("\(url.path):\(expected.line):\(expected.column): "))
            for fragment in fixture.fragments {
                #expect(first.message.contains(fragment), "\(fixture.name): '\(first.message)' lacks '\(fragment)'")
            }
            #expect(!error.description.contains("\n"))
            #expect(error.description.hasPrefix(first.description))
        }
    }

    @Test func collectsSeveralProblemsAtOnce() {
        var text = replacing("pair_id: e1", with: "pairID: e1", in: baseFixture)
        text = replacing("mode: control", with: "mode: contrl", in: text)
        let report = SuiteLoader.validate(yaml: text, file: "two.yaml")
        #expect(report.issues.count == 2)
        #expect(report.suite == nil)
        #expect(report.issues.allSatisfy { $0.line != nil && $0.column != nil })
        let error = SuiteError.invalid(report.issues)
        #expect(error.description.hasSuffix("(and 1 more problem)"))
    }

    @Test func unreadableFilesAreReportedNotCrashed() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString).yaml")
        #expect(throws: SuiteError.self) { try SuiteLoader.load(contentsOf: missing) }
        let url = try writeTemporarySuite("", name: "empty")
        try Data([0x69, 0x64, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]).write(to: url)
        let report = SuiteLoader.validate(contentsOf: url)
        guard case .unreadable(_, let reason)? = report.failure else {
            Issue.record("expected an unreadable failure, got \(report)")
            return
        }
        #expect(reason.contains("offset 4"))
        let empty = SuiteLoader.validate(yaml: "", file: "empty.yaml")
        #expect(empty.issues.first?.message.contains("empty") == true)
    }

    @Test func suggestionsFollowEditDistance() {
        #expect(KeySuggestion.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(KeySuggestion.editDistance(Array("ca"), Array("abc")) == 3)  // OSA, not full Damerau (2)
        #expect(KeySuggestion.editDistance(Array("titel"), Array("title")) == 1)
        #expect(KeySuggestion.closest(to: "paraphrase", among: SuiteDecoder.itemKeys) == "paraphrases")
        #expect(KeySuggestion.closest(to: "valueAtRisk", among: SuiteDecoder.itemKeys) == "value_at_risk")
        #expect(KeySuggestion.closest(to: "zzzz", among: SuiteDecoder.itemKeys) == nil)
    }
}
