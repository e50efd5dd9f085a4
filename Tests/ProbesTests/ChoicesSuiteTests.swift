import Foundation
import Testing
@testable import Probes

/// The built-in `choices` suite: twelve values × eight choices, each with its control.
@Suite struct ChoicesSuiteTests {
    @Test func loadsWith192ChoiceItems() throws {
        #expect(BuiltinSuites.list().contains("choices"))
        let suite = try loadBuiltin("choices")
        let core = try loadBuiltin("values-core")
        #expect(suite.id == "choices" && suite.version == "1.0.0")
        #expect(suite.strictScenarios)
        #expect(suite.itemCount == 0)
        #expect(suite.defaults.samples == 5 && suite.defaults.temperature == 1.0 && suite.defaults.maxTokens == 32)
        #expect(suite.defaults.quick?.samples == 1)
        #expect(suite.source.contains("MoralChoice (Scherrer et al. 2023)"))
        // The same families as values-core: ids, values, synonyms and descriptions.
        #expect(suite.families.map(\.id) == core.families.map(\.id))
        #expect(suite.families.map(\.value) == core.families.map(\.value))
        #expect(suite.families.map(\.synonyms) == core.families.map(\.synonyms))
        #expect(suite.families.map(\.description) == core.families.map(\.description))
        #expect(suite.allChoices.count == 12 * 8 * 2)
        for family in suite.families {
            let main = family.choices.filter { !$0.isControl }
            let controls = family.choices.filter(\.isControl)
            #expect(main.count == 8, "\(family.value): \(main.count) choices")
            #expect(Set(controls.compactMap(\.controlOf)) == Set(main.map(\.id)), "\(family.value): controls")
            for choice in main {
                #expect(choice.actions.count == 2, "\(choice.id)")
                #expect(choice.valuesAtRisk.contains(family.value), "\(choice.id) does not put \(family.value) at risk")
                #expect(choice.actions.filter(\.atRisk.isEmpty).count == 1, "\(choice.id)")
                #expect(choice.metadata["domain"] != nil && choice.metadata["notes"] != nil, "\(choice.id)")
            }
            // The risky action comes first in some choices and second in others.
            let riskyFirst = main.filter { !$0.actions[0].atRisk.isEmpty }.count
            #expect((1...7).contains(riskyFirst), "\(family.value): risky first in \(riskyFirst) of 8")
            #expect(Set(main.compactMap { $0.metadata["domain"] }).count >= 5, "\(family.value): domains")
        }
        // Every choice in MoralChoice's three forms, both orders.
        #expect(suite.choiceQuestions.count == 192 * 3 * 2)
    }

    @Test func holdsTheCanopyDecision() throws {
        let suite = try loadBuiltin("choices")
        let canopy = try #require(suite.choice(id: "dignity-canopy-choice"))
        let risky = try #require(canopy.actions.first { !$0.atRisk.isEmpty })
        let safe = try #require(canopy.actions.first { $0.atRisk.isEmpty })
        #expect(risky.text.contains("guest") && risky.atRisk == ["dignity"])
        #expect(safe.text.contains("broom"))
        #expect(suite.choice(id: "dignity-canopy-choice-control")?.valuesAtRisk.isEmpty == true)
    }

    @Test func hashIsStableAndContentSensitive() throws {
        let first = try loadBuiltin("choices")
        let second = try BuiltinSuites.load("choices")
        #expect(SuiteHash.hash(of: first) == SuiteHash.hash(of: second))
        var changed = first
        changed.families[0].choices[0].actions.swapAt(0, 1)
        #expect(SuiteHash.hash(of: changed) != SuiteHash.hash(of: first))
        // The hash covers the default question forms the choices are asked in.
        var asked = first
        asked.choiceForms = ChoiceForm.moralChoice
        #expect(try JSONDecoder().decode(ProbeSuite.self, from: Data(SuiteHash.canonicalJSON(of: first).utf8)) == asked)
        #expect(SuiteHash.hash(of: asked) == SuiteHash.hash(of: first))
        asked.choiceForms?[0].template += " "
        #expect(SuiteHash.hash(of: asked) != SuiteHash.hash(of: first))
    }

    @Test func noContextOrActionNamesAValue() throws {
        // Checked here without the validator's own term matcher: no word starts with a value term of the family.
        let suite = try loadBuiltin("choices")
        for family in suite.families {
            for choice in family.choices {
                for text in [choice.context] + choice.actions.map(\.text) {
                    for term in family.valueTerms where term.count > 3 {
                        #expect(!containsTerm(text, term), "\(choice.id) names '\(term)'")
                    }
                }
            }
        }
    }
}
