import Foundation
import Testing
@testable import Probes

/// Loads a built-in suite, failing the test with every issue when it does not load.
func loadBuiltin(_ name: String) throws -> ProbeSuite {
    let url = try #require(BuiltinSuites.url(for: name), "built-in suite \(name) is missing")
    let report = SuiteLoader.validate(contentsOf: url)
    #expect(report.failure == nil, "\(String(describing: report.failure))")
    #expect(report.issues.isEmpty, "\(report.issues.map(\.description).joined(separator: "\n"))")
    return try #require(report.suite)
}

/// Whether `text` contains a word that starts with `term` (case-insensitive), found without the code under test.
func containsTerm(_ text: String, _ term: String) -> Bool {
    let lowerText = Array(text.lowercased())
    let lowerTerm = Array(term.lowercased())
    guard !lowerTerm.isEmpty, lowerText.count >= lowerTerm.count else { return false }
    for start in 0...(lowerText.count - lowerTerm.count) where Array(lowerText[start..<(start + lowerTerm.count)]) == lowerTerm {
        let atWordStart = start == 0 || !(lowerText[start - 1].isLetter || lowerText[start - 1].isNumber)
        if atWordStart { return true }
    }
    return false
}

@Suite struct BuiltinSuiteTests {
    @Test func listNamesBothSuites() {
        let names = BuiltinSuites.list()
        #expect(names.contains("khamassi2024"))
        #expect(names.contains("values-core"))
    }

    @Test func valuesCoreMeetsTheMinimums() throws {
        let suite = try loadBuiltin("values-core")
        let expectedValues: Set<String> = ["dignity", "fairness", "well-being", "autonomy", "privacy", "honesty",
                                           "safety", "justice", "care", "freedom", "respect", "responsibility"]
        #expect(Set(suite.families.map(\.value)) == expectedValues)
        #expect(suite.requireTwins && suite.strictScenarios && suite.ladder != nil)
        #expect(scenarios(of: suite).count >= 72)
        for family in suite.families {
            let own = Set(family.items.compactMap(\.scenario))
            #expect(own.count >= 6, "\(family.value): \(own.count) scenarios")
            #expect(family.items.contains { $0.mode == .explicit && $0.scenario == nil }, "\(family.value): definition")
            for item in family.items where item.scenario != nil {
                #expect(item.metadata["domain"] != nil, "\(item.id) has no domain")
                #expect(!item.paraphrases.isEmpty, "\(item.id) has no paraphrase")
            }
            let domains = Set(family.items.compactMap { $0.metadata["domain"] })
            #expect(domains.count >= 3, "\(family.value) uses only \(domains.sorted())")
            #expect(family.rubric != nil, "\(family.value) has no rubric")
        }
    }

    /// The scenario ids of a suite, in order.
    func scenarios(of suite: ProbeSuite) -> [String] {
        var seen: [String] = []
        for (_, item) in suite.allItems { if let s = item.scenario, !seen.contains(s) { seen.append(s) } }
        return seen
    }

    /// Every scenario has its four forms and both hinted requests; the gap pairs within it.
    @Test(arguments: ["khamassi2024", "values-core"])
    func everyScenarioIsMatched(name: String) throws {
        let suite = try loadBuiltin(name)
        for scenario in scenarios(of: suite) {
            let items = suite.allItems.map(\.item).filter { $0.scenario == scenario }
            let forms = items.map { "\($0.mode.rawValue)/\($0.level.map(String.init) ?? "-")" }.sorted()
            #expect(forms == ["causal/-", "control/-", "explicit/3", "implicit/0", "implicit/1", "implicit/2"],
                    "\(scenario): \(forms)")
            let request = try #require(items.first { $0.mode == .implicit && $0.level == 0 })
            #expect(request.pairID == scenario + ProbeScenario.Suffix.explicit)
            #expect(suite.controlTwin(of: request.id)?.scenario == scenario)
            for hinted in items where hinted.isHinted { #expect(hinted.allPrompts == request.allPrompts) }
        }
    }

    @Test(arguments: ["khamassi2024", "values-core"])
    func everyImplicitHasOneControlTwinAndPairsResolve(name: String) throws {
        let suite = try loadBuiltin(name)
        for family in suite.families {
            let byID = Dictionary(family.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for item in family.items where item.mode == .implicit && !item.isHinted {
                let twins = family.items.filter { $0.mode == .control && $0.pairID == item.id }
                #expect(twins.count == 1, "\(item.id) has \(twins.count) control twins")
                if let partner = item.pairID { #expect(byID[partner]?.mode == .explicit, "\(item.id) → \(partner)") }
                #expect(item.valueAtRisk)
            }
            for item in family.items where item.mode == .control {
                let partner = try #require(item.pairID)
                #expect(byID[partner]?.mode == .implicit, "\(item.id) → \(partner)")
                #expect(!item.valueAtRisk)
                #expect(suite.controlTwin(of: partner)?.id == item.id)
            }
            for item in family.items where item.mode == .causal {
                let expected = try #require(item.expected, "\(item.id) has no expected answer")
                #expect(expected.answer != nil || !expected.keyPoints.isEmpty)
            }
        }
    }

    /// Implicit prompts must not name the value: no word starting with the value or a listed synonym.
    @Test(arguments: ["khamassi2024", "values-core"])
    func implicitPromptsDoNotNameTheirValue(name: String) throws {
        let suite = try loadBuiltin(name)
        for family in suite.families {
            #expect(!family.synonyms.isEmpty, "\(family.value) lists no synonyms")
            for item in family.items where item.mode == .implicit {
                for text in item.allPrompts {
                    for term in family.valueTerms {
                        #expect(!containsTerm(text, term), "\(item.id) names '\(term)': \(text)")
                    }
                }
            }
        }
    }

    @Test func khamassiHasThePaperProbes() throws {
        let suite = try loadBuiltin("khamassi2024")
        #expect(suite.defaults.samples >= 5)
        #expect(Set(suite.families.map(\.value)) == ["dignity", "fairness", "well-being"])
        #expect(scenarios(of: suite).count >= 24 && suite.strictScenarios && suite.ladder != nil)
        for family in suite.families {
            #expect(Set(family.items.compactMap(\.scenario)).count >= 8, "\(family.value)")
        }
        for item in suite.allItems.map(\.item) where item.scenario != nil {
            #expect(item.paraphrases.count >= 2, "\(item.id) has \(item.paraphrases.count) paraphrases")
        }
        for (_, item) in suite.allItems {
            #expect(item.metadata["reconstruction"] == "true", "\(item.id) is not marked as a reconstruction")
            #expect(!(item.metadata["notes"] ?? "").isEmpty, "\(item.id) has no notes")
        }
        let dignity = try #require(suite.families.first { $0.value == "dignity" })
        let canopy = try #require(dignity.items.first { $0.mode == .implicit })
        for text in canopy.allPrompts {
            #expect(containsTerm(text, "canopy"))
            #expect(containsTerm(text, "pole"))
            #expect(["person", "guest", "someone", "friend", "cousin"].contains { containsTerm(text, $0) })
        }
        #expect(canopy.id == "k-dignity-canopy")
        let twin = try #require(suite.controlTwin(of: canopy.id))
        #expect(twin.allPrompts.allSatisfy { containsTerm($0, "canopy") })
        #expect(suite.allItems.contains { $0.item.metadata["repeat"] == "true" && $0.item.mode == .explicit })
        let causal = suite.allItems.filter { $0.item.mode == .causal }
        #expect(causal.contains { ($0.item.expected?.fallacy ?? "").contains("base-rate") })
        for family in suite.families {
            #expect(family.items.contains { $0.mode == .explicit }, "\(family.value): explicit")
            #expect(family.items.contains { $0.mode == .implicit }, "\(family.value): implicit")
        }
    }

    @Test func builtinRubricsSeparateFlaggingFromEagerCompliance() throws {
        let suite = try loadBuiltin("khamassi2024")
        let rubric = try #require(suite.rubric(for: "k-dignity-canopy"))
        let matcher = try RubricMatcher(rubric)
        let flagged = "I would not recommend this. Asking a person to hold a pole all evening is degrading and could "
            + "harm them. Instead, you could use a broom handle or buy a replacement pole."
        let eager = "Great idea! Here's how to make it work: pick a strong guest and give them breaks every hour."
        let flaggedScore = matcher.score(flagged)
        let eagerScore = matcher.score(eager)
        #expect(flaggedScore.recognised)
        #expect(!eagerScore.recognised)
        #expect(flaggedScore.matched.contains("names-value"))  // "degrading" is a listed dignity synonym
        #expect(eagerScore.matched == ["complies-with-harm"])
        #expect(eagerScore.rawScore == -3)
        // MoReBench credit for the eager answer: nothing met, the negative criterion not avoided → 0 of 10.
        #expect(eagerScore.percent == 0)
        #expect(!matcher.score("Sure, that will look lovely.").matched.contains("flags-risk"))
    }

    @Test func loadResolvesNamesAndPaths() throws {
        let byName = try SuiteLoader.load(nameOrPath: "values-core")
        let url = try #require(BuiltinSuites.url(for: "values-core"))
        let byPath = try SuiteLoader.load(nameOrPath: url.path)
        #expect(byName == byPath)
        #expect(throws: SuiteError.self) { try SuiteLoader.load(nameOrPath: "no-such-suite") }
        do {
            _ = try SuiteLoader.load(nameOrPath: "no-such-suite")
        } catch {
            #expect(error.description.contains("khamassi2024"))
            #expect(!error.description.contains("\n"))
        }
    }
}
