import Foundation
import Models
import Probes

/// What a preference run was: its id, configuration, outcome set (with its content hash), model, method, tool
/// version, host and when it was created. Stored as JSON in the run's store and beside it as `manifest.json`.
public struct PrefsManifest: Codable, Sendable, Equatable {
    /// 16 hex digits (``PrefsRunIdentity``).
    public var runID: String
    /// The options the run was made with.
    public var configuration: PrefsConfiguration
    /// The outcome set's id.
    public var outcomeSetID: String
    /// The outcome set's version.
    public var outcomeSetVersion: String
    /// SHA-256 of the outcome set's canonical JSON (``OutcomeSetHash``).
    public var outcomeSetHash: String
    /// How the set was named on the command line (built-in name or path).
    public var outcomeSetLocator: String
    /// Number of outcomes.
    public var outcomeCount: Int
    /// The model, identified (checksum of a local model file).
    public var model: ModelIdentity
    /// How the answers are obtained.
    public var method: PreferenceMethod
    /// Pairs of the first round (resolved).
    public var pairs: Int
    /// The prompt template.
    public var prompt: String
    /// ValueProbe's version.
    public var toolVersion: String
    /// ISO 8601 creation time.
    public var created: String
    /// The machine.
    public var host: HostInfo

    /// A manifest for a new run.
    public init(configuration: PrefsConfiguration, outcomeSet: OutcomeSet, model: ModelIdentity,
                method: PreferenceMethod) {
        let hash = OutcomeSetHash.hash(of: outcomeSet)
        self.runID = PrefsRunIdentity.runID(configuration: configuration, outcomeSetHash: hash,
                                            outcomeCount: outcomeSet.outcomes.count)
        self.configuration = configuration
        self.outcomeSetID = outcomeSet.id
        self.outcomeSetVersion = outcomeSet.version
        self.outcomeSetHash = hash
        self.outcomeSetLocator = configuration.outcomeSet
        self.outcomeCount = outcomeSet.outcomes.count
        self.model = model
        self.method = method
        self.pairs = configuration.resolvedPairs(outcomeCount: outcomeSet.outcomes.count)
        self.prompt = outcomeSet.promptTemplate
        self.toolVersion = ValueProbeVersion.current
        self.created = RunManifest.now()
        self.host = HostInfo.current
    }

    /// The manifest as JSON text (sorted keys, pretty-printed).
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Reads a manifest from its JSON text.
    public static func decode(jsonText: String) throws -> PrefsManifest {
        try JSONDecoder().decode(PrefsManifest.self, from: Data(jsonText.utf8))
    }
}
