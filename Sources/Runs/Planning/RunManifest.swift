import Foundation
import Models
import Probes

/// Everything needed to know what a run did and to reproduce it: the resolved configuration, the suite's identity
/// and content hash, the models' identities, the tool version, when and where it was created.
///
/// Holds spec strings, names and checksums only: no API key or other environment value is ever written.
public struct RunManifest: Codable, Sendable, Equatable {
    /// The run id (see ``RunIdentity``).
    public var runID: String
    /// The configuration with suite defaults filled in (samples, temperature, top-p, max tokens, seed, judge).
    public var configuration: RunConfiguration
    /// The suite run.
    public var suite: SuiteIdentity
    /// One identity per configured model, in order.
    public var models: [ModelIdentity]
    /// How many samples the plan holds.
    public var plannedSamples: Int
    /// How many forced-choice questions the plan holds; nil when the suite has no choices.
    public var plannedChoices: Int?
    /// How each sample's seed is derived from the run seed.
    public var seedDerivation: String
    /// `ValueProbeVersion.current` of the tool that created the run.
    public var toolVersion: String
    /// When the run was created (ISO 8601).
    public var created: String
    /// The machine that created it.
    public var host: HostInfo

    /// The description of the per-sample seed written into manifests.
    public static let seedDerivationText =
        "SeededGenerator.derivedSeed(seed, [first 8 bytes of SHA-256(item id) big-endian, variant, sample index])"

    /// Creates a manifest.
    public init(runID: String, configuration: RunConfiguration, suite: SuiteIdentity, models: [ModelIdentity],
                plannedSamples: Int, seedDerivation: String = RunManifest.seedDerivationText,
                toolVersion: String = ValueProbeVersion.current, created: String = RunManifest.now(),
                host: HostInfo = .current, plannedChoices: Int? = nil) {
        self.runID = runID
        self.plannedChoices = plannedChoices
        self.configuration = configuration
        self.suite = suite
        self.models = models
        self.plannedSamples = plannedSamples
        self.seedDerivation = seedDerivation
        self.toolVersion = toolVersion
        self.created = created
        self.host = host
    }

    /// A manifest for running `configuration` on `suite` (loaded from `configuration.suite`).
    public init(configuration: RunConfiguration, suite: ProbeSuite, models: [ModelIdentity], plannedSamples: Int,
                plannedChoices: Int? = nil) {
        let resolved = configuration.resolved(for: suite)
        self.init(runID: RunIdentity.runID(configuration: resolved, suiteHash: SuiteHash.hash(of: suite)),
                  configuration: resolved, suite: SuiteIdentity(suite: suite, locator: configuration.suite),
                  models: models, plannedSamples: plannedSamples, plannedChoices: plannedChoices)
    }

    /// The judge spec.
    public var judge: String { configuration.judge }
    /// The run seed.
    public var seed: UInt64 { configuration.seed }

    /// The current time as ISO 8601 text (UTC, seconds).
    public static func now() -> String {
        Date().formatted(.iso8601)
    }

    /// The manifest as JSON text (sorted keys, pretty-printed), as stored.
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Reads a manifest from its JSON text.
    public static func decode(jsonText: String) throws -> RunManifest {
        try JSONDecoder().decode(RunManifest.self, from: Data(jsonText.utf8))
    }
}
