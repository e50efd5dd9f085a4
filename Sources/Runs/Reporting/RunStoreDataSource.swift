import Foundation
import Probes

/// One run of a run directory's store, as the data source of ``RunReporting``.
///
/// The suite is loaded again from the locator the run recorded (a built-in name or a path) and must have the hash
/// the run recorded; reports of a changed suite would not describe the run.
public struct RunStoreDataSource: RunDataSource {
    /// The opened store.
    public let store: RunStore
    /// The run reported on.
    public let runID: String

    /// Opens the store in `directory`; without `runID`, the most recently created run.
    public init(directory: URL, runID: String? = nil) throws {
        store = try RunStore.open(directory: directory)
        if let runID {
            self.runID = runID
        } else {
            guard let latest = try store.runs().max(by: { $0.created < $1.created }) else {
                throw MetricsError("\(directory.path): the run directory holds no run")
            }
            self.runID = latest.id
        }
    }

    private func storedManifest() throws -> RunManifest {
        guard let manifest = try store.manifest(run: runID) else { throw RunStoreError.unknownRun(id: runID) }
        return manifest
    }

    public func manifest() throws -> RunSummary.Context {
        let manifest = try storedManifest()
        return RunSummary.Context(
            runID: manifest.runID, suiteID: manifest.suite.id, suiteHash: manifest.suite.hash,
            models: manifest.configuration.models, judge: manifest.judge, toolVersion: manifest.toolVersion,
            seed: manifest.seed, samples: manifest.configuration.effectiveSamples
        )
    }

    public func suite() throws -> ProbeSuite {
        let identity = try storedManifest().suite
        let suite = try SuiteLoader.load(nameOrPath: identity.locator)
        let hash = SuiteHash.hash(of: suite)
        guard hash == identity.hash else {
            throw MetricsError("suite '\(identity.locator)' has changed since run \(runID) (hash \(hash.prefix(12)), run used \(identity.hash.prefix(12)))")
        }
        return suite
    }

    public func samples() throws -> [JudgedSample] { try store.samples(run: runID) }

    public func labels() throws -> [HumanLabel] { try store.labels(run: runID) }

    public func choiceAnswers() throws -> [ChoiceAnswer] { try store.choiceAnswers(run: runID) }

    public func otherVerdicts() throws -> [String: [Verdict]] {
        let primary = try storedManifest().judge
        var verdicts: [String: [Verdict]] = [:]
        for name in try store.judgeNames(run: runID) where name != primary {
            verdicts[name] = try store.samples(run: runID, judge: name).compactMap(\.verdict)
        }
        return verdicts
    }

    public func judgeOrder() throws -> [String] { try storedManifest().configuration.judges }
}

extension RunReporting {
    /// Computes, writes and renders the reports of the run in `runDirectory` (the latest run unless `runID` is given).
    public static func finish(runDirectory: URL, runID: String? = nil, options: MetricOptions = MetricOptions()) throws -> RunReport {
        try finish(source: RunStoreDataSource(directory: runDirectory, runID: runID), runDirectory: runDirectory,
                   options: options)
    }
}
