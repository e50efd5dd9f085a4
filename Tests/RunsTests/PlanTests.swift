import Assets
import Foundation
import Models
import Probes
import Statistics
import Testing
@testable import Runs

@Suite("Run planning")
struct PlanTests {
    let suite = fixtureSuite()
    let configuration = RunConfiguration(suite: "fixture", models: ["ollama:a", "openai:b"], samples: 3, seed: 7,
                                         judge: "rubric")

    @Test("plans items × variants × models × samples, in that order")
    func countsAndOrder() throws {
        let plan = try RunPlanner.plan(suite: suite, configuration: configuration)
        // 3 + 2 + 1 + 2 prompt variants in the fixture.
        #expect(variantCount(suite) == 8)
        #expect(plan.count == 8 * 2 * 3)
        var expected: [(String, Int, String, Int)] = []
        for family in suite.families {
            for item in family.items {
                for variant in 0...item.paraphrases.count {
                    for model in ["ollama:a", "openai:b"] {
                        for index in 0..<3 { expected.append((item.id, variant, model, index)) }
                    }
                }
            }
        }
        #expect(plan.map(\.itemID) == expected.map(\.0))
        #expect(plan.map(\.variant) == expected.map(\.1))
        #expect(plan.map(\.model) == expected.map(\.2))
        #expect(plan.map(\.sampleIndex) == expected.map(\.3))
        let implicit = try #require(plan.first { $0.itemID == "d-implicit" })
        #expect(implicit.familyID == "fam-dignity" && implicit.value == "dignity" && implicit.mode == .implicit)
        #expect(implicit.pairID == "d-explicit")

        var mainOnly = configuration
        mainOnly.includeParaphrases = false
        let short = try RunPlanner.plan(suite: suite, configuration: mainOnly)
        #expect(short.count == 4 * 2 * 3)
        #expect(short.allSatisfy { $0.variant == 0 })
    }

    @Test("planning is deterministic and keys are SHA-256 of run, model, item, variant and index")
    func keys() throws {
        let a = try RunPlanner.plan(suite: suite, configuration: configuration)
        let b = try RunPlanner.plan(suite: fixtureSuite(), configuration: configuration)
        #expect(a == b)
        #expect(Set(a.map(\.key)).count == a.count)
        let runID = RunIdentity.runID(configuration: configuration, suite: suite)
        for sample in a {
            #expect(sample.key.count == 24)
            let text = "\(runID)\u{1F}\(sample.model)\u{1F}\(sample.itemID)\u{1F}\(sample.variant)\u{1F}\(sample.sampleIndex)"
            #expect(sample.key == String(SHA256.hash(Array(text.utf8)).prefix(24)))
        }
    }

    @Test("every repeat gets its own seed, derived from the run seed")
    func seeds() throws {
        let plan = try RunPlanner.plan(suite: suite, configuration: configuration)
        let modelA = plan.filter { $0.model == "ollama:a" }
        #expect(Set(modelA.map(\.seed)).count == modelA.count)
        for sample in plan {
            var hasher = SHA256()
            hasher.update(Array(sample.itemID.utf8))
            let bytes = hasher.finalize()
            var itemHash: UInt64 = 0
            for byte in bytes[0..<8] { itemHash = itemHash << 8 | UInt64(byte) }
            let expected = SeededGenerator.derivedSeed(7, components: [itemHash, UInt64(sample.variant),
                                                                       UInt64(sample.sampleIndex)])
            #expect(sample.seed == expected)
        }
        var other = configuration
        other.seed = 8
        let reseeded = try RunPlanner.plan(suite: suite, configuration: other)
        #expect(zip(plan, reseeded).allSatisfy { $0.seed != $1.seed })
    }

    @Test("the run id changes with what affects results, not with concurrency or suite location")
    func runIdentity() throws {
        let base = RunIdentity.runID(configuration: configuration, suite: suite)
        #expect(base.count == 16 && base.allSatisfy(\.isHexDigit))
        var same = configuration
        same.concurrency = 17
        same.suite = "/elsewhere/fixture.yaml"
        #expect(RunIdentity.runID(configuration: same, suite: suite) == base)
        // Giving the suite's defaults explicitly is the same run as leaving them out.
        var explicitDefaults = configuration
        explicitDefaults.temperature = suite.defaults.temperature
        explicitDefaults.maxTokens = suite.defaults.maxTokens
        #expect(RunIdentity.runID(configuration: explicitDefaults, suite: suite) == base)

        var changes: [RunConfiguration] = []
        for change in 0..<8 {
            var c = configuration
            switch change {
            case 0: c.samples = 4
            case 1: c.temperature = 0.5
            case 2: c.topP = 0.9
            case 3: c.maxTokens = 10
            case 4: c.seed = 1
            case 5: c.judge = "llm:openai:gpt-4o-mini"
            case 6: c.models = ["ollama:a"]
            default: c.includeParaphrases = false
            }
            changes.append(c)
        }
        let ids = changes.map { RunIdentity.runID(configuration: $0, suite: suite) }
        #expect(Set(ids + [base]).count == changes.count + 1)

        var edited = suite
        edited.families[0].items[0].prompt += " "
        #expect(RunIdentity.runID(configuration: configuration, suite: edited) != base)
    }

    @Test("unset sampling fields come from the suite's defaults")
    func defaults() throws {
        let resolved = RunConfiguration(suite: "fixture", models: ["ollama:a"]).resolved(for: suite)
        #expect(resolved.samples == suite.defaults.samples)
        #expect(resolved.temperature == suite.defaults.temperature)
        #expect(resolved.maxTokens == suite.defaults.maxTokens)
        #expect(resolved.topP == nil)
        let plan = try RunPlanner.plan(suite: suite, configuration: RunConfiguration(suite: "f", models: ["ollama:a"]))
        #expect(plan.count == variantCount(suite) * suite.defaults.samples)
    }

    @Test("bad configurations are refused with the option's name")
    func validation() {
        let bad: [(RunConfiguration, String)] = [
            (RunConfiguration(models: []), "model"),
            (RunConfiguration(models: ["nonsense"]), "model"),
            (RunConfiguration(models: ["ollama:a", "ollama:a"]), "model"),
            (RunConfiguration(samples: 0), "samples"),
            (RunConfiguration(temperature: .nan), "temperature"),
            (RunConfiguration(topP: 0), "top-p"),
            (RunConfiguration(maxTokens: -1), "max-tokens"),
            (RunConfiguration(judge: " "), "judge"),
            (RunConfiguration(concurrency: 0), "concurrency"),
        ]
        for (configuration, field) in bad {
            #expect(throws: RunConfigurationError.self) { try configuration.validate() }
            do {
                try configuration.validate()
            } catch {
                #expect(error.field == field)
                #expect(!error.description.contains("\n"))
            }
        }
        #expect(throws: Never.self) { try RunConfiguration().validate() }
    }

    @Test("a manifest survives a JSON round trip and names every model")
    func manifest() throws {
        let identities = [ModelIdentity(spec: "ollama:a", provider: "ollama", name: "a"),
                          ModelIdentity(spec: "openai:b", provider: "openai", name: "b")]
        let manifest = RunManifest(configuration: configuration, suite: suite, models: identities, plannedSamples: 48)
        let decoded = try RunManifest.decode(jsonText: try manifest.jsonText())
        #expect(decoded == manifest)
        #expect(decoded.configuration.samples == 3 && decoded.configuration.maxTokens == suite.defaults.maxTokens)
        #expect(decoded.runID == RunIdentity.runID(configuration: configuration, suite: suite))
        #expect(decoded.host.cores == ProcessInfo.processInfo.activeProcessorCount)
    }
}

@Suite("Run planning: suite locator")
struct PlanLocatorTests {
    @Test("a suite file is recorded by its absolute path, a built-in suite by its name")
    func locator() throws {
        let directory = try temporaryDirectory("locator")
        let file = directory.appendingPathComponent("suite.yaml")
        try "id: x\n".write(to: file, atomically: true, encoding: .utf8)
        let roundabout = directory.path + "/../" + directory.lastPathComponent + "/suite.yaml"
        let identity = SuiteIdentity(suite: fixtureSuite(), locator: roundabout)
        #expect(identity.locator == file.standardizedFileURL.path)
        #expect(!identity.locator.contains(".."))
        #expect(SuiteIdentity(suite: fixtureSuite(), locator: "khamassi2024").locator == "khamassi2024")
        #expect(SuiteIdentity(suite: fixtureSuite(), locator: "no/such/file.yaml").locator == "no/such/file.yaml")
    }
}
