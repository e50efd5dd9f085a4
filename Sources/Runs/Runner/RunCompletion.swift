import Foundation

/// Hooks the `run` command calls around the library's runner.
///
/// NOTE for the lead: once `Sources/Runs/Reporting/RunStoreDataSource.swift.pending` is renamed to `.swift`,
/// replace the body of ``finish(runDirectory:runID:)`` by
/// `let report = try RunReporting.finish(runDirectory: runDirectory, runID: runID)` and return `report.table`
/// (plus the written `report.files`), then keep or drop the counts below as you like.
public enum RunCompletion {
    /// The judge for `spec` (`rubric`, `llm:MODELSPEC`), from ``JudgeFactory``. Install the embedded engine
    /// first (``RunModels/standard(threads:concurrency:progress:)``) so that `llm:local:…` judges can load.
    public static func makeJudge(spec: String) throws -> (any Judge)? {
        try JudgeFactory.make(spec: spec)
    }

    /// A short plain-text summary of run `runID` in `runDirectory`: counts of responses, failures and verdicts.
    public static func finish(runDirectory: URL, runID: String) throws -> String {
        let store = try RunStore.open(directory: runDirectory)
        guard let manifest = try store.manifest(run: runID) else { throw RunStoreError.unknownRun(id: runID) }
        let counts = try store.counts(run: runID)
        var lines = [
            "run \(runID) — \(manifest.suite.id) \(manifest.suite.version), "
                + manifest.configuration.models.joined(separator: ", "),
            "  samples: \(counts.planned) planned, \(counts.answered) answered, \(counts.failed) failed, "
                + "\(counts.pending) pending",
            "  verdicts (\(manifest.judge)): \(counts.judged)",
        ]
        for category in VerdictCategory.allCases where counts.count(category) > 0 {
            lines.append("    \(category.rawValue): \(counts.count(category))")
        }
        lines.append("  store: \(store.fileURL.path)")
        return lines.joined(separator: "\n")
    }
}
