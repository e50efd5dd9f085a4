import Foundation
import Probes
import Runs

/// Everything a run report shows: the run's manifest, its suite (for the prompts), every planned sample with its
/// response and verdict, and the metrics computed from them.
public struct RunReportInput: Sendable {
    /// The stored manifest (models, parameters, seeds, suite hash, tool version, host).
    public var manifest: RunManifest
    /// The suite the run used.
    public var suite: ProbeSuite
    /// Every planned sample, with its response and verdict so far.
    public var samples: [JudgedSample]
    /// The run's metrics.
    public var summary: RunSummary

    /// Creates an input from its parts.
    public init(manifest: RunManifest, suite: ProbeSuite, samples: [JudgedSample], summary: RunSummary) {
        self.manifest = manifest
        self.suite = suite
        self.samples = samples
        self.summary = summary
    }

    /// Loads a stored run and computes its metrics.
    /// - Parameters:
    ///   - source: the run's store (``RunStoreDataSource``).
    ///   - options: metric options (bootstrap replicates, seed, confidence, SAI threshold).
    /// - Throws: store errors, ``MetricsError`` (e.g. a changed suite), ``ReportError`` for a missing manifest.
    public static func load(source: RunStoreDataSource, options: MetricOptions = MetricOptions()) throws -> RunReportInput {
        guard let manifest = try source.store.manifest(run: source.runID) else {
            throw RunStoreError.unknownRun(id: source.runID)
        }
        let suite = try source.suite()
        let samples = try source.samples()
        let summary = try source.summary(options: options, samples: samples)
        return RunReportInput(manifest: manifest, suite: suite, samples: samples, summary: summary)
    }

    /// The prompt text of an item's variant (0 = main prompt, k = k-th paraphrase) — for a multi-turn item the
    /// conversation with the model's `earlierAnswers` in it — or nil when unknown.
    public func prompt(itemID: String, variant: Int, earlierAnswers: [String] = []) -> String? {
        suite.item(id: itemID)?.transcript(variant: variant, earlierAnswers: earlierAnswers)
    }

    /// Per item, per variant, the verdict categories of one model's samples in sampling order (nil = not judged).
    public func verdictStrips(model: String) -> [String: [[VerdictCategory?]]] {
        var grouped: [String: [Int: [(Int, VerdictCategory?)]]] = [:]
        for judged in samples where judged.sample.model == model {
            let sample = judged.sample
            var category = judged.verdict?.category
            if category == nil, let error = judged.response?.error, !error.isEmpty { category = .error }
            grouped[sample.itemID, default: [:]][sample.variant, default: []].append((sample.sampleIndex, category))
        }
        return grouped.mapValues { variants in
            let count = (variants.keys.max() ?? -1) + 1
            return (0..<count).map { variant in
                (variants[variant] ?? []).sorted { $0.0 < $1.0 }.map(\.1)
            }
        }
    }
}
