import Statistics

/// A point estimate with its interval and how the interval was obtained.
public struct IntervalEstimate: Codable, Sendable, Equatable {
    /// How the interval was computed.
    public enum Method: String, Codable, Sendable, Equatable {
        /// Wilson score interval of a pooled proportion.
        case wilson
        /// Hierarchical percentile bootstrap (items → paraphrases → samples) of a mean of item rates.
        case hierarchicalBootstrap = "hierarchical_bootstrap"
        /// Percentile bootstrap over pairs (both members of a pair resampled together).
        case pairedBootstrap = "paired_bootstrap"
        /// Scenario-level t interval of a within-scenario difference (``Statistics/scenarioGapInterval(_:confidence:)``).
        case scenarioT = "scenario_t"
        /// Normal interval over sampling noise only, conditional on the one scenario observed.
        case conditional
        /// Percentile bootstrap over independent rows or samples (a judge's balanced accuracy and κ against human
        /// labels; Krippendorff's α between judges).
        case rowBootstrap = "row_bootstrap"
        /// Rogan–Gladen correction with a joint percentile bootstrap over the run's items and the labelled rows.
        case roganGladenBootstrap = "rogan_gladen_bootstrap"
        /// Prediction-powered inference (PPI++, power-tuned), normal-approximation interval.
        case predictionPowered = "prediction_powered"
        /// Percentile bootstrap over forced-choice items (each choice's marginal action likelihood is one unit);
        /// written by ValueProbe before the choice t interval, still read.
        case choiceBootstrap = "choice_bootstrap"
        /// t interval over forced-choice items with a sampling-noise floor (``ChoiceMetrics/interval(_:label:options:)``).
        case choiceT = "choice_t"
    }

    /// The statistic on the observed data.
    public var estimate: Double
    /// Lower bound.
    public var lower: Double
    /// Upper bound.
    public var upper: Double
    /// Nominal coverage.
    public var confidence: Double
    /// How the interval was computed.
    public var method: Method
    /// What the interval rests on: trials (Wilson), resampled items or pairs (bootstraps).
    public var units: Int
    /// Bootstrap replicates used (nil for Wilson).
    public var replicates: Int?
    /// Standard deviation of the bootstrap replicates (nil for Wilson).
    public var standardError: Double?

    /// Creates an estimate from its parts.
    public init(estimate: Double, lower: Double, upper: Double, confidence: Double, method: Method, units: Int,
                replicates: Int? = nil, standardError: Double? = nil) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.confidence = confidence
        self.method = method
        self.units = units
        self.replicates = replicates
        self.standardError = standardError
    }

    /// A Wilson interval over `trials`.
    public init(wilson interval: Interval, trials: Int) {
        self.init(estimate: interval.estimate, lower: interval.lower, upper: interval.upper,
                  confidence: interval.confidence, method: .wilson, units: trials)
    }

    /// A bootstrap result.
    public init(bootstrap result: BootstrapResult, method: Method) {
        self.init(estimate: result.estimate, lower: result.interval.lower, upper: result.interval.upper,
                  confidence: result.interval.confidence, method: method, units: result.units,
                  replicates: result.replicates, standardError: result.standardError)
    }

    /// A scenario-level gap interval; `units` are its scenarios.
    public init(scenarioGap gap: ScenarioGapInterval) {
        self.init(estimate: gap.estimate, lower: gap.interval.lower, upper: gap.interval.upper,
                  confidence: gap.interval.confidence, method: gap.method == .scenarioT ? .scenarioT : .conditional,
                  units: gap.scenarios, standardError: gap.standardError)
    }

    /// Whether `value` lies in the closed interval.
    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }

    enum CodingKeys: String, CodingKey {
        case estimate, lower, upper, confidence, method, units, replicates
        case standardError = "standard_error"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(estimate, forKey: .estimate)
        try c.encode(lower, forKey: .lower)
        try c.encode(upper, forKey: .upper)
        try c.encode(confidence, forKey: .confidence)
        try c.encode(method, forKey: .method)
        try c.encode(units, forKey: .units)
        try c.encode(replicates, forKey: .replicates)
        try c.encode(standardError, forKey: .standardError)
    }
}
