import Probes

/// How far several judges agree on the same responses of one mode (or of all modes).
///
/// Units are the samples every judge has judged, leaving out samples whose answer failed (every judge records
/// `error` for those, which would inflate agreement). Each judge's label is its full verdict category
/// (recognised, missed, refused or unparseable), so a judge that cannot be parsed disagrees with one that can.
/// Krippendorff's α is nominal, with a percentile bootstrap over samples (seed label `alpha|MODE`, MODE `*` for all
/// modes); Cohen's κ is given for every pair of judges on the same units.
public struct PanelAgreement: Codable, Sendable, Equatable {
    /// The mode; nil = every mode together.
    public var mode: ProbeMode?
    /// Samples judged by every judge (failed answers left out).
    public var units: Int
    /// Krippendorff's α (nominal) with its bootstrap interval; nil when undefined (no unit, or one label only).
    public var alpha: IntervalEstimate?
    /// Pairwise agreement, in judge order (first judge with each later one, and so on).
    public var pairs: [PairwiseAgreement]

    /// Creates agreement figures from their parts.
    public init(mode: ProbeMode?, units: Int, alpha: IntervalEstimate?, pairs: [PairwiseAgreement]) {
        self.mode = mode
        self.units = units
        self.alpha = alpha
        self.pairs = pairs
    }

    enum CodingKeys: String, CodingKey {
        case mode, units, alpha, pairs
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
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
