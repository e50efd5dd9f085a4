import Probes
import Statistics

/// How far several judges agree with each other on the same responses (whatever the truth), of one mode or of all
/// modes: Krippendorff's α (nominal, over the verdict categories) with a percentile bootstrap over responses, and
/// Cohen's κ for every pair of judges. Used for the judges of a run (``JudgePanel``: units are the samples every
/// judge judged, failed answers left out, seed label `alpha|MODE`) and for `valueprobe judge eval` with several
/// judges (units are the calibration rows). Each judge's label is its full category, so a judge that cannot be
/// parsed disagrees with one that can. Agreement is not validity: two judges can agree and both be wrong.
public struct PanelAgreement: Codable, Sendable, Equatable {
    /// The judges, in order.
    public var judges: [String]
    /// The mode; nil = every mode together.
    public var mode: ProbeMode?
    /// Samples judged by every judge (failed answers left out).
    public var units: Int
    /// Krippendorff's α (nominal) with its bootstrap interval; nil when undefined (no unit, or one label only).
    public var alpha: IntervalEstimate?
    /// Pairwise agreement, in judge order (first judge with each later one, and so on).
    public var pairs: [PairwiseAgreement]

    /// Creates agreement figures from their parts.
    public init(judges: [String], mode: ProbeMode?, units: Int, alpha: IntervalEstimate?, pairs: [PairwiseAgreement]) {
        self.judges = judges
        self.mode = mode
        self.units = units
        self.alpha = alpha
        self.pairs = pairs
    }

    /// Measures agreement: `categories[j][u]` is judge j's category for unit u (every row as long as the first).
    /// - Throws: `StatisticsError` when the rows differ in length or the bootstrap settings are unusable.
    public static func measure(
        judges: [String], mode: ProbeMode?, categories: [[VerdictCategory]], replicates: Int, seed: UInt64,
        confidence: Double
    ) throws(StatisticsError) -> PanelAgreement {
        let rows = categories.map { $0.map(\.rawValue) }
        let units = rows.first?.count ?? 0
        let alpha = try krippendorffAlphaBootstrap(labels: rows.map { $0.map(Optional.some) }, replicates: replicates,
                                                   seed: seed, confidence: confidence)
        var pairs: [PairwiseAgreement] = []
        for i in judges.indices {
            for j in judges.indices where j > i {
                let kappa = try cohenKappa(rows[i], rows[j])
                pairs.append(PairwiseAgreement(first: judges[i], second: judges[j], units: units,
                                               observedAgreement: kappa?.observedAgreement, kappa: kappa?.kappa))
            }
        }
        return PanelAgreement(judges: judges, mode: mode, units: units,
                              alpha: alpha.map { IntervalEstimate(bootstrap: $0, method: .rowBootstrap) }, pairs: pairs)
    }

    enum CodingKeys: String, CodingKey {
        case judges, mode, units, alpha, pairs
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(judges, forKey: .judges)
        try c.encode(mode, forKey: .mode)
        try c.encode(units, forKey: .units)
        try c.encode(alpha, forKey: .alpha)
        try c.encode(pairs, forKey: .pairs)
    }
}

/// Two judges' agreement on the units of a ``PanelAgreement``.
public struct PairwiseAgreement: Codable, Sendable, Equatable {
    public var first: String
    public var second: String
    /// Units both judged.
    public var units: Int
    /// Share of units with the same category (nil without units).
    public var observedAgreement: Double?
    /// Cohen's κ over the categories (nil without units or when both judges used one and the same category).
    public var kappa: Double?

    /// Creates pairwise figures from their parts.
    public init(first: String, second: String, units: Int, observedAgreement: Double?, kappa: Double?) {
        self.first = first
        self.second = second
        self.units = units
        self.observedAgreement = observedAgreement
        self.kappa = kappa
    }

    enum CodingKeys: String, CodingKey {
        case first, second, units
        case observedAgreement = "observed_agreement"
        case kappa
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(first, forKey: .first)
        try c.encode(second, forKey: .second)
        try c.encode(units, forKey: .units)
        try c.encode(observedAgreement, forKey: .observedAgreement)
        try c.encode(kappa, forKey: .kappa)
    }
}
