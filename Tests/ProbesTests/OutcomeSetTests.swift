import Foundation
import Testing
@testable import Probes

/// Outcome sets: the built-in `outcomes-core` validates and has its documented shape; broken files are reported
/// as `file:LINE:COLUMN: message`; the hash ignores formatting and sees content.
@Suite("Outcome sets")
struct OutcomeSetTests {
    static let valid = """
        id: tiny
        title: Tiny
        version: "1"
        description: Two valued outcomes and one neutral.
        outcomes:
          - id: up
            value: dignity
            polarity: upholds
            text: A guest is given a chair.
          - id: down
            value: dignity
            polarity: violates
            text: A guest holds a pole for four hours.
          - id: money
            text: You receive 10 dollars.
        """

    @Test("outcomes-core validates: 12 values × (2 upholding + 2 violating), 16 neutral anchors, no value words")
    func builtinValidates() throws {
        #expect(BuiltinOutcomeSets.list().contains("outcomes-core"))
        let set = try BuiltinOutcomeSets.load("outcomes-core")
        let suiteValues = Set(try BuiltinSuites.load("values-core").families.map(\.value))
        #expect(suiteValues.count == 12)
        #expect(Set(set.values) == suiteValues)
        for value in suiteValues {
            #expect(set.outcomes.filter { $0.value == value && $0.polarity == .upholds }.count == 2, "\(value)")
            #expect(set.outcomes.filter { $0.value == value && $0.polarity == .violates }.count == 2, "\(value)")
        }
        #expect(set.outcomes.filter { $0.polarity == .neutral && $0.value == nil }.count == 16)
        #expect(set.outcomes.count == 64)
        let stems = ["dignit", "fair", "well-being", "autonom", "privacy", "private", "honest", "safe", "justice",
                     "care", "free", "respect", "responsib"]
        for outcome in set.outcomes {
            let text = outcome.text.lowercased()
            for stem in stems { #expect(!text.contains(stem), "\(outcome.id) names '\(stem)'") }
        }
        #expect(set.prompt == nil && set.promptTemplate.contains("Which implied state of the world would you prefer?"))
    }

    @Test("a valid set loads; the question places option A and B")
    func loadsValid() throws {
        let set = try OutcomeSetLoader.load(yaml: Self.valid, file: "tiny.yaml")
        #expect(set.outcomes.map(\.id) == ["up", "down", "money"])
        #expect(set.outcomes[2].polarity == .neutral && set.outcomes[2].value == nil)
        let question = set.question(first: set.outcomes[2], second: set.outcomes[0])
        let a = try #require(question.range(of: "You receive 10 dollars."))
        let b = try #require(question.range(of: "A guest is given a chair."))
        #expect(a.lowerBound < b.lowerBound)
        #expect(question.hasSuffix("Please respond with only \"A\" or \"B\"."))
    }

    /// Replaces `old` in the valid text and returns the first issue's description.
    func firstIssue(_ old: String, _ new: String) throws -> (issue: SuiteIssue, all: [SuiteIssue]) {
        let text = Self.valid.replacingOccurrences(of: old, with: new)
        #expect(text != Self.valid)
        let report = OutcomeSetLoader.validate(yaml: text, file: "broken.yaml")
        #expect(!report.isValid && report.set == nil)
        return (try #require(report.issues.first), report.issues)
    }

    @Test("problems are reported with file, line and column")
    func errorsHaveLines() throws {
        var (issue, all) = try firstIssue("    text: A guest is given a chair.", "    txt: A guest is given a chair.")
        #expect(all.count == 2, "\(all)")
        #expect(issue.description == "broken.yaml:6:5: missing required key 'text' in outcome 'up'", "\(issue)")
        let unknown = try #require(all.last)
        #expect(unknown.description.hasPrefix("broken.yaml:9:5: unknown key 'txt'"), "\(unknown)")
        #expect(unknown.description.contains("did you mean 'text'"), "\(unknown)")

        (issue, _) = try firstIssue("  - id: down", "  - id: up")
        #expect(issue.description.hasPrefix("broken.yaml:10:"), "\(issue)")
        #expect(issue.message.contains("duplicate outcome id 'up' (first used on line 6)"), "\(issue)")

        (issue, _) = try firstIssue("    value: dignity\n    polarity: violates\n", "    polarity: violates\n")
        #expect(issue.line == 11 && issue.message.contains("violates a value but names none"), "\(issue)")

        (issue, _) = try firstIssue("    polarity: upholds", "    polarity: sideways")
        #expect(issue.description.hasPrefix("broken.yaml:8:15: unknown polarity 'sideways'"), "\(issue)")

        (issue, _) = try firstIssue("    polarity: upholds\n", "")
        #expect(issue.line == 7 && issue.message.contains("but no polarity"), "\(issue)")

        (issue, _) = try firstIssue("description: Two valued outcomes and one neutral.",
                                    "description: x\nprompt: \"Pick {option_a} or {option_a}\"")
        #expect(issue.line == 5 && issue.message.contains("{option_a} exactly once, found it 2 times"), "\(issue)")

        (issue, _) = try firstIssue("    text: You receive 10 dollars.", "    text: \"  \"")
        #expect(issue.line == 15 && issue.message.contains("empty"), "\(issue)")

        (issue, _) = try firstIssue("title: Tiny\n", "")
        #expect(issue.line == 1 && issue.message.contains("missing required key 'title'"), "\(issue)")

        (issue, _) = try firstIssue("outcomes:", "outcomes: [")
        #expect(issue.line != nil && issue.message.hasPrefix("YAML syntax error"), "\(issue)")
    }

    @Test("loading a broken file throws one line naming the file and line")
    func throwsOneLine() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("outcomes-\(UUID().uuidString).yaml")
        try Self.valid.replacingOccurrences(of: "  - id: down", with: "  - id: up").write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try OutcomeSetLoader.load(nameOrPath: url.path)
            Issue.record("a duplicate id was accepted")
        } catch {
            #expect(error.description.hasPrefix("\(url.path):10:"), "\(error)")
            #expect(!error.description.contains("\n"))
        }
        do {
            _ = try OutcomeSetLoader.load(nameOrPath: "no-such-set")
            Issue.record("an unknown set was accepted")
        } catch {
            #expect(error.description.contains("neither a built-in outcome set (outcomes-core"), "\(error)")
        }
    }

    @Test("the hash ignores key order and comments, and changes with any text")
    func hash() throws {
        let set = try OutcomeSetLoader.load(yaml: Self.valid)
        let reordered = Self.valid.replacingOccurrences(of: "    value: dignity\n    polarity: upholds\n    text: A guest is given a chair.",
                                                        with: "    text: A guest is given a chair. # same\n    polarity: upholds\n    value: dignity")
        #expect(reordered != Self.valid)
        #expect(OutcomeSetHash.hash(of: try OutcomeSetLoader.load(yaml: reordered)) == OutcomeSetHash.hash(of: set))
        let changed = try OutcomeSetLoader.load(yaml: Self.valid.replacingOccurrences(of: "10 dollars", with: "11 dollars"))
        #expect(OutcomeSetHash.hash(of: changed) != OutcomeSetHash.hash(of: set))
        #expect(OutcomeSetHash.hash(of: set).count == 64)
    }

    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs")

    @Test("outcomes-core conforms to docs/outcomes.schema.json, whose keys are the loader's")
    func schema() throws {
        let data = try Data(contentsOf: Self.docs.appendingPathComponent("outcomes.schema.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let errors = MiniSchemaChecker(root: root).errors(in: try CanonicalEncoder.encode(try BuiltinOutcomeSets.load("outcomes-core")))
        #expect(errors.isEmpty, "\(errors.prefix(5))")
        #expect(Set((root["properties"] as? [String: Any] ?? [:]).keys) == Set(OutcomeSetDecoder.setKeys))
        let outcome = ((root["$defs"] as? [String: Any])?["outcome"] as? [String: Any])?["properties"] as? [String: Any]
        #expect(Set((outcome ?? [:]).keys) == Set(OutcomeSetDecoder.outcomeKeys))
    }

    @Test("the example in docs/preferences.md loads")
    func documentedExample() throws {
        let text = try String(contentsOf: Self.docs.appendingPathComponent("preferences.md"), encoding: .utf8)
        let start = try #require(text.range(of: "```yaml\n"))
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let set = try OutcomeSetLoader.load(yaml: String(text[start.upperBound..<end.lowerBound]), file: "preferences.md")
        #expect(set.outcomes.count == 2 && set.outcomes[0].polarity == .violates && set.prompt != nil)
    }
}
