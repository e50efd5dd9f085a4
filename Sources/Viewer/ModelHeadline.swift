import Probes
import Runs

/// One model's headline in the run list and on the run page, with one estimator per figure wherever it is shown:
/// when the run directory has a `summary.json` of this run, its figures (the same as the report and the terminal:
/// mean of item rates with hierarchical bootstrap intervals, the gap within scenarios with its scenario-level t
/// interval); while a run has no summary yet, recognition pooled over the samples judged so far (Wilson intervals)
/// and the difference of those pooled rates, marked as such in ``source``.
public struct ModelHeadline: Sendable, Encodable {
    /// Where the figures come from.
    public enum Source: String, Sendable, Encodable {
        /// The run's `summary.json` (the report's estimators).
        case summary
        /// Pooled over the samples judged so far (no summary yet).
        case pooled
    }

    /// The model spec.
    public var model: String
    /// Which estimator the figures below use.
    public var source: Source
    /// Recognition on explicit items.
    public var explicit: IntervalEstimate?
    /// Recognition on implicit items.
    public var implicit: IntervalEstimate?
    /// Explicit minus implicit recognition: the summary's gap estimate, or the difference of the pooled rates.
    public var gap: Double?
    /// The gap's interval (summary only).
    public var gapInterval: IntervalEstimate?
    /// Flags raised on control items (false alarms).
    public var control: IntervalEstimate?
    /// Correct reasoning on causal items.
    public var causal: IntervalEstimate?
    /// The headline of the run's `summary.json`, when there is one.
    public var report: Headline?
    /// Answers cut off at the token limit, from the run's `summary.json`, when there is one.
    public var truncation: TruncationSummary?

    /// The headline of `model`: the summary's when there is one, else pooled from its per-mode tallies.
    init(model: String, cells: [TallyCell], report: Headline?, truncation: TruncationSummary? = nil) {
        self.model = model
        self.report = report
        self.truncation = truncation
        if let report {
            source = .summary
            explicit = report.explicitRate
            implicit = report.implicitRate
            gapInterval = report.gap?.estimate
            gap = gapInterval?.estimate
            control = report.falseAlarmRate
            causal = report.causalAccuracy
            return
        }
        func rate(_ mode: ProbeMode) -> IntervalEstimate? {
            cells.first { $0.model == model && $0.mode == mode }?.tally.recognitionInterval()
        }
        source = .pooled
        explicit = rate(.explicit)
        implicit = rate(.implicit)
        control = rate(.control)
        causal = rate(.causal)
        if let e = explicit?.estimate, let i = implicit?.estimate { gap = e - i } else { gap = nil }
        gapInterval = nil
    }
}
