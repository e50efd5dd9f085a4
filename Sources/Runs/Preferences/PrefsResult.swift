import Foundation
import Statistics

/// Everything a preference run reports: the run, how its answers were obtained and counted, utilities grouped by
/// value with intervals, held-out fit, transitivity, decisiveness, order consistency and the per-value agreement.
public struct PrefsResult: Codable, Sendable {
    /// The run's manifest (model, parameters, seed, outcome-set hash, tool version, host).
    public var manifest: PrefsManifest
    /// The run directory.
    public var directory: String
    /// Questions asked by this invocation (0 when a finished run is re-run).
    public var askedNow: Int
    /// How the answers were counted (unparseable answers, refusals and failures apart).
    public var tally: PreferenceTally
    /// Per outcome, in the set's order.
    public var utilities: [OutcomeUtility]
    /// Fit, held-out evaluation, transitivity and consistency.
    public var analysis: PreferenceAnalysis
    /// Per value: does the utility ranking agree with it?
    public var agreements: [ValueAgreement]
    /// The Markdown report written into the run directory (nil when it could not be written).
    public var reportFile: String?

    /// The method that produced the numbers.
    public var method: PreferenceMethod { manifest.method }
}
