import Assets
import Models
import Probes
import Statistics

/// Turns a suite and a configuration into the run's planned samples: every item × prompt variant × model ×
/// sample index, in that order (so one model's repeats of one prompt are consecutive, which lets the embedded
/// engine reuse the prompt's cache).
public enum RunPlanner {
    /// The planned samples of a run. The configuration is resolved against the suite first.
    ///
    /// Keys and seeds are stable: planning the same configuration and suite again gives identical samples.
    public static func plan(suite: ProbeSuite, configuration: RunConfiguration) throws(RunConfigurationError)
        -> [PlannedSample]
    {
        let resolved = configuration.resolved(for: suite)
        try resolved.validate()
        let models = try resolved.modelSpecs().map(\.description)
        let runID = RunIdentity.runID(configuration: resolved, suiteHash: SuiteHash.hash(of: suite))
        let samples = resolved.effectiveSamples
        var plan: [PlannedSample] = []
        plan.reserveCapacity(suite.allItems.count * models.count * samples * 2)
        for (family, item) in items(of: suite, scenariosPerValue: resolved.scenariosPerValue) {
            let variants = resolved.includeParaphrases ? item.allPrompts.count : 1
            let itemHash = stableHash(item.id)
            for variant in 0..<variants {
                for model in models {
                    for index in 0..<samples {
                        plan.append(PlannedSample(
                            key: sampleKey(runID: runID, model: model, itemID: item.id, variant: variant,
                                           sampleIndex: index),
                            model: model, itemID: item.id, familyID: family.id, value: family.value, mode: item.mode,
                            variant: variant, sampleIndex: index, pairID: item.pairID,
                            seed: SeededGenerator.derivedSeed(resolved.seed, itemHash, UInt64(variant),
                                                              UInt64(index))))
                    }
                }
            }
        }
        return plan
    }

    /// The items a run asks, in suite order: every item, or with `scenariosPerValue` N the items of the first N
    /// scenarios of each family (in suite order) and every item that belongs to no scenario.
    public static func items(of suite: ProbeSuite, scenariosPerValue: Int?) -> [(family: ProbeFamily, item: ProbeItem)] {
        guard let limit = scenariosPerValue else { return suite.allItems }
        return suite.families.flatMap { family -> [(family: ProbeFamily, item: ProbeItem)] in
            var kept: [String] = []
            for item in family.items {
                if let scenario = item.scenario, !kept.contains(scenario), kept.count < limit { kept.append(scenario) }
            }
            return family.items.filter { $0.scenario.map(kept.contains) ?? true }.map { (family: family, item: $0) }
        }
    }

    /// A sample's key: the first 24 hexadecimal digits of the SHA-256 of
    /// `runID␟model␟itemID␟variant␟sampleIndex` (␟ = U+001F, the unit separator).
    public static func sampleKey(runID: String, model: String, itemID: String, variant: Int, sampleIndex: Int)
        -> String
    {
        let text = [runID, model, itemID, String(variant), String(sampleIndex)].joined(separator: "\u{1F}")
        return String(SHA256.hash(Array(text.utf8)).prefix(24))
    }

    /// A sample's seed: `SeededGenerator.derivedSeed(runSeed, stableHash(itemID), variant, sampleIndex)`.
    /// It does not depend on the model, so every model sees the same seed for the same prompt repeat.
    public static func sampleSeed(runSeed: UInt64, itemID: String, variant: Int, sampleIndex: Int) -> UInt64 {
        SeededGenerator.derivedSeed(runSeed, stableHash(itemID), UInt64(variant), UInt64(sampleIndex))
    }

    /// The first 8 bytes of the SHA-256 of `text`, big-endian.
    public static func stableHash(_ text: String) -> UInt64 {
        var hasher = SHA256()
        hasher.update(Array(text.utf8))
        return hasher.finalize().prefix(8).reduce(0) { ($0 << 8) | UInt64($1) }
    }

    /// The text a planned sample sends: its item's prompt (variant 0) or paraphrase `variant`.
    public static func promptText(for sample: PlannedSample, in suite: ProbeSuite) -> String? {
        suite.item(id: sample.itemID)?.prompt(variant: sample.variant)
    }
}
