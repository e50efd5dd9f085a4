import Probes

/// One model's rate on one mode corrected for the judge's errors, with the judge's validity figures for that mode.
///
/// - raw rate p̂ = recognised / (recognised + missed) over the model's samples of the mode (pooled; refused,
///   unparseable and failed samples are not in it and are counted beside it);
/// - validity: the judge's figures for the mode, from the human labels imported into this run when they hold at
///   least ``minimumLabelledPerClass`` human-recognised and as many human-missed samples that the judge labelled,
///   else from the held-out calibration figures shipped with ValueProbe (``JudgeValidity/builtin(judge:)``);
/// - corrected: Rogan–Gladen π̂ = (p̂ + Sp − 1)/(Se + Sp − 1), clipped to [0, 1], with Se and Sp from the
///   recognised-vs-missed part of the validity's confusion table (``VerdictConfusion/binary``), and a joint
///   percentile bootstrap that resamples the model's items (clusters of samples) and the labelled rows of each
///   human class (``Statistics/roganGladenBootstrap(clusters:positiveHits:positives:negativeHits:negatives:replicates:seed:confidence:)``);
///   nil with ``undefinedReason`` when Se + Sp ≤ 1 or no validity figures exist;
/// - prediction-powered: when the user labelled at least ``minimumLabelledPerClass`` of this model's own samples of
///   the mode (with a judge label), PPI++ (``Statistics/predictionPoweredMean(labels:predictions:unlabelledPredictions:lambda:confidence:)``)
///   over those labelled samples and the model's other judged samples of the mode; its interval is clipped to
///   [0, 1].
///
/// For control items the rate is the false-alarm rate; for causal items the causal accuracy.
public struct ModeCorrection: Codable, Sendable, Equatable {
    /// Where the validity figures come from.
    public enum ValiditySource: String, Codable, Sendable, Equatable {
        /// The held-out calibration figures shipped with ValueProbe (`judge-validity.json`).
        case calibration
        /// Human labels imported into this run (`valueprobe labels import`).
        case runLabels = "run_labels"
    }

    /// Fewest labelled samples of each human class (recognised, missed) for the run's own labels to stand in for
    /// the calibration figures, and fewest labelled samples of a model and mode for prediction-powered inference.
    public static let minimumLabelledPerClass = 10

    public var mode: ProbeMode
    /// Samples with a recognised/missed verdict.
    public var judged: Int
    /// Of those, recognised.
    public var recognised: Int
    /// Refused samples (not in the rate).
    public var refused: Int
    /// Answers cut off at the token limit (judged on what they say; in the rate when recognised or missed).
    public var truncated: Int
    /// recognised / judged; nil without judged samples.
    public var rawRate: Double?
    /// Where `validity` comes from; nil when there are no figures for the judge and mode.
    public var validitySource: ValiditySource?
    /// What the figures were measured on, in words (calibration file, split and sha256, or the run's labels).
    public var validityDescription: String?
    /// The judge's figures for this mode (balanced accuracy, sensitivity, specificity, κ, rows).
    public var validity: ModeValidity?
    /// Sensitivity and specificity the correction used (recognised-vs-missed rows only).
    public var sensitivityUsed: Double?
    public var specificityUsed: Double?
    /// The Rogan–Gladen corrected rate with its joint bootstrap interval; nil when undefined.
    public var corrected: IntervalEstimate?
    /// Bootstrap replicates in which the resampled Se + Sp ≤ 1 (the interval is [0, 1] when they exceed the tail).
    public var undefinedReplicates: Int?
    /// Why `corrected` is nil, in words; nil when it is defined.
    public var undefinedReason: String?
    /// The prediction-powered (PPI++) estimate with its interval, when the model's own samples were labelled.
    public var predictionPowered: IntervalEstimate?
    /// PPI++'s power-tuning weight λ (0 = the labelled samples alone, 1 = plain PPI).
    public var predictionPoweredLambda: Double?
    /// This model's samples of the mode with both a human decision and a judge label.
    public var labelledSamples: Int

    /// Creates a correction from its parts.
    public init(mode: ProbeMode, judged: Int, recognised: Int, refused: Int, truncated: Int, rawRate: Double?,
                validitySource: ValiditySource?, validityDescription: String?, validity: ModeValidity?,
                sensitivityUsed: Double?, specificityUsed: Double?, corrected: IntervalEstimate?,
                undefinedReplicates: Int?, undefinedReason: String?, predictionPowered: IntervalEstimate?,
                predictionPoweredLambda: Double?, labelledSamples: Int) {
        self.mode = mode
        self.judged = judged
        self.recognised = recognised
        self.refused = refused
        self.truncated = truncated
        self.rawRate = rawRate
        self.validitySource = validitySource
        self.validityDescription = validityDescription
        self.validity = validity
        self.sensitivityUsed = sensitivityUsed
        self.specificityUsed = specificityUsed
        self.corrected = corrected
        self.undefinedReplicates = undefinedReplicates
        self.undefinedReason = undefinedReason
        self.predictionPowered = predictionPowered
        self.predictionPoweredLambda = predictionPoweredLambda
        self.labelledSamples = labelledSamples
    }

    enum CodingKeys: String, CodingKey {
        case mode, judged, recognised, refused, truncated
        case rawRate = "raw_rate"
        case validitySource = "validity_source"
        case validityDescription = "validity_description"
        case validity
        case sensitivityUsed = "sensitivity_used"
        case specificityUsed = "specificity_used"
        case corrected
        case undefinedReplicates = "undefined_replicates"
        case undefinedReason = "undefined_reason"
        case predictionPowered = "prediction_powered"
        case predictionPoweredLambda = "prediction_powered_lambda"
        case labelledSamples = "labelled_samples"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(mode, forKey: .mode)
        try c.encode(judged, forKey: .judged)
        try c.encode(recognised, forKey: .recognised)
        try c.encode(refused, forKey: .refused)
        try c.encode(truncated, forKey: .truncated)
        try c.encode(rawRate, forKey: .rawRate)
        try c.encode(validitySource, forKey: .validitySource)
        try c.encode(validityDescription, forKey: .validityDescription)
        try c.encode(validity, forKey: .validity)
        try c.encode(sensitivityUsed, forKey: .sensitivityUsed)
        try c.encode(specificityUsed, forKey: .specificityUsed)
        try c.encode(corrected, forKey: .corrected)
        try c.encode(undefinedReplicates, forKey: .undefinedReplicates)
        try c.encode(undefinedReason, forKey: .undefinedReason)
        try c.encode(predictionPowered, forKey: .predictionPowered)
        try c.encode(predictionPoweredLambda, forKey: .predictionPoweredLambda)
        try c.encode(labelledSamples, forKey: .labelledSamples)
    }
}
