import Probes

/// What ``RunReporting/finish(source:runDirectory:options:)`` needs from a run's store.
///
/// The SQLite run store conforms through a small adapter, so that reporting does not depend on how runs are stored.
public protocol RunDataSource {
    /// The run's manifest: ids, models, judge, version, seed and samples per prompt.
    func manifest() throws -> RunSummary.Context
    /// The suite the run used.
    func suite() throws -> ProbeSuite
    /// Every planned sample with its response and verdict so far.
    func samples() throws -> [JudgedSample]
    /// Human labels imported for the run (empty when none).
    func labels() throws -> [HumanLabel]
}
