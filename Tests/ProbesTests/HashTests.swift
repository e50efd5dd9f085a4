import Foundation
import Testing
@testable import Probes

@Suite struct HashTests {
    @Test func canonicalJSONFollowsTheSpec() {
        let value = CanonicalJSON.object([
            "b": .number("1"), "a": .string("x\n\"y\"\u{1}é"), "é": .array([.bool(true), .null]), "B": .number("0.7"),
        ])
        // Expected text written from the spec (sorted by code point: "B" < "a" < "b" < "é").
        #expect(value.text == "{\"B\":0.7,\"a\":\"x\\n\\\"y\\\"\\u0001é\",\"b\":1,\"é\":[true,null]}")
    }

    @Test func sameContentGivesTheSameHash() throws {
        let first = try SuiteLoader.load(yaml: baseFixture, file: "a.yaml")
        let second = try SuiteLoader.load(yaml: baseFixture, file: "b.yaml")
        #expect(SuiteHash.hash(of: first) == SuiteHash.hash(of: second))
        #expect(SuiteHash.hash(of: first).count == 64)
        #expect(SuiteHash.hash(of: first).allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test func reorderedKeysAndFormattingGiveTheSameHash() throws {
        let reordered = """
        # Same suite, keys in another order, flow style and comments.
        families:
          - items:
              - {prompt: "What is dignity?", mode: explicit, id: e1}
              - prompt: Hold the pole all night.
                pair_id: e1
                id: i1
                mode: implicit
              - {mode: control, prompt: 'Hold the broom all night.', pair_id: i1, id: c1}
            synonyms:
              - dignified
            value: dignity
            id: fam
        require_twins: yes
        source: s
        description: d
        version: '1'
        title: T
        id: t
        """
        let original = try SuiteLoader.load(yaml: baseFixture)
        let shuffled = try SuiteLoader.load(yaml: reordered)
        #expect(shuffled == original)
        #expect(SuiteHash.hash(of: shuffled) == SuiteHash.hash(of: original))
    }

    @Test func changedContentGivesAnotherHash() throws {
        let original = try SuiteLoader.load(yaml: baseFixture)
        let changedPrompt = try SuiteLoader.load(
            yaml: replacing("Hold the pole all night.", with: "Hold the pole all night!", in: baseFixture))
        let changedDefault = try SuiteLoader.load(yaml: baseFixture + "defaults: {samples: 11}\n")
        let hash = SuiteHash.hash(of: original)
        #expect(SuiteHash.hash(of: changedPrompt) != hash)
        #expect(SuiteHash.hash(of: changedDefault) != hash)
    }

    @Test func builtinHashesAreStableAcrossLoads() throws {
        for name in BuiltinSuites.list() {
            let first = try BuiltinSuites.load(name)
            let second = try BuiltinSuites.load(name)
            #expect(SuiteHash.hash(of: first) == SuiteHash.hash(of: second))
            // The canonical JSON decodes back to the same suite with the standard decoder (a suite with choices
            // gains the default question forms it is hashed with).
            let data = Data(SuiteHash.canonicalJSON(of: first).utf8)
            let decoded = try JSONDecoder().decode(ProbeSuite.self, from: data)
            var expected = first
            if !first.allChoices.isEmpty { expected.choiceForms = first.resolvedChoiceForms }
            #expect(decoded == expected)
        }
    }
}

/// The hashes of the suites shipped before forced-choice items existed: adding `choices` and `choice_forms` to the
/// format must not change them (a run recorded against them must still match). A deliberate content change of one
/// of these suites updates its pin here together with its version.
@Suite struct PinnedHashTests {
    @Test(arguments: [
        ("khamassi2024", "9555f8b77cc8bd3864070301c99a78d0a0e431637bb18f403caf587b78b0fd4f"),
        ("values-core", "b7fb7c76349c4f90c4ad5c74d5b43ed53965919563e2c6eac4e8c5f5ffd979db"),
    ])
    func builtinHashIsUnchanged(name: String, hash: String) throws {
        #expect(SuiteHash.hash(of: try BuiltinSuites.load(name)) == hash)
    }
}
