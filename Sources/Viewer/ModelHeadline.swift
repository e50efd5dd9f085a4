import Probes
import Runs

/// One model's headline in the run list: recognition per mode pooled over the labelled samples judged so far
/// (Wilson intervals; live while a run is going), and the report's headline (bootstrap intervals) when the run
/// directory has a `summary.json` of this run.
public struct ModelHeadline: Sendable, Encodable {
    /// The model spec.
    public var model: String
    /// Recognition on explicit items.
    public var explicit: IntervalEstimate?
    /// Recognition on implicit items.
    public var implicit: IntervalEstimate?
    /// Explicit minus implicit recognition (pooled), nil unless both are known.
    public var gap: Double?
    /// Flags raised on control items (false alarms).
    public var control: IntervalEstimate?
    /// Correct reasoning on causal items.
    public var causal: IntervalEstimate?
    /// The headline of the run's `summary.json`, when there is one.
    public var report: Headline?
    /// Answers cut off at the token limit, from the run's `summary.json`, when there is one.
    public var truncation: TruncationSummary?

    /// The pooled headline of `model` from its per-mode tallies.
    init(model: String, cells: [TallyCell], report: Headline?, truncation: TruncationSummary? = nil) {
        self.model = model
        func rate(_ mode: ProbeMode) -> IntervalEstimate? {
            cells.first { $0.model == model && $0.mode == mode }?.tally.recognitionInterval()
        }
        explicit = rate(.explicit)
        implicit = rate(.implicit)
        control = rate(.control)
        causal = rate(.causal)
        if let e = explicit?.estimate, let i = implicit?.estimate { gap = e - i } else { gap = nil }
        self.report = report
        self.truncation = truncation
    }
}
