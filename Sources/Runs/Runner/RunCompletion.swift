import Foundation

/// Hooks the `run` command calls around the library's runner, kept here until the judges and the summary land.
///
/// NOTE for the lead: once `Sources/Runs/Judges/` and `Sources/Runs/Metrics/` are merged,
/// - replace ``makeJudge(spec:)`` by the judges' factory (it must return a judge whose `spec` equals the
///   configured spec), and
/// - replace ``finish(runDirectory:runID:)`` by `RunReporting.finish(runDirectory:)` (terminal table and
///   summary files),
/// then delete this file.
public enum RunCompletion {
    /// The judge for `spec`; nil while no judge implementation is built in (responses are stored unjudged and a
    /// later run of the same command judges them).
    public static func makeJudge(spec: String) throws -> (any Judge)? {
        nil
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
