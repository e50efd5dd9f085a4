import Probes

/// One judge's headline rates for one model, computed from that judge's verdicts exactly as the run's headline is
/// computed from the primary judge's (``RunMetrics``), with its verdict counts per mode.
public struct JudgeHeadline: Codable, Sendable, Equatable {
    /// The judge's spec.
    public var judge: String
    /// The model.
    public var model: String
    /// The headline from this judge's verdicts (no human-label correction).
    public var headline: Headline
    /// Verdict counts per mode, in ``ProbeMode`` order (modes the model was not asked are left out).
    public var modes: [ModeCounts]

    /// Verdict counts of one mode.
    public struct ModeCounts: Codable, Sendable, Equatable {
        public var mode: ProbeMode
        public var counts: CategoryCounts

        /// Creates counts of `mode`.
        public init(mode: ProbeMode, counts: CategoryCounts) {
            self.mode = mode
            self.counts = counts
        }
    }

    /// Creates a judge headline from its parts.
    public init(judge: String, model: String, headline: Headline, modes: [ModeCounts]) {
        self.judge = judge
        self.model = model
        self.headline = headline
        self.modes = modes
    }

    /// The counts of `mode` (zero counts when the mode is absent).
    public func counts(of mode: ProbeMode) -> CategoryCounts {
        modes.first { $0.mode == mode }?.counts ?? CategoryCounts()
    }
}
