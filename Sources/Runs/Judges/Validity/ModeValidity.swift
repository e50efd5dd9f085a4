import Probes

/// How well one judge agrees with human labels on the responses to items of one mode: the mode and its
/// ``ValidityFigures`` (sensitivity, specificity, balanced accuracy and κ with their intervals, and the confusion
/// table; definitions there). Encoded flat: `{"mode": …, "rows": …, "confusion": …, "sensitivity": …, …}`.
public struct ModeValidity: Codable, Sendable, Equatable {
    /// The mode.
    public var mode: ProbeMode
    /// The figures of the mode's labelled responses.
    public var figures: ValidityFigures

    /// Creates figures of one mode.
    public init(mode: ProbeMode, figures: ValidityFigures) {
        self.mode = mode
        self.figures = figures
    }

    /// Labelled responses of this mode.
    public var rows: Int { figures.rows }
    /// Human label × judge category.
    public var confusion: VerdictConfusion { figures.confusion }
    public var sensitivity: IntervalEstimate? { figures.sensitivity }
    public var specificity: IntervalEstimate? { figures.specificity }
    public var balancedAccuracy: IntervalEstimate? { figures.balancedAccuracy }
    public var kappa: IntervalEstimate? { figures.kappa }

    enum CodingKeys: String, CodingKey {
        case mode
    }

    public init(from decoder: any Decoder) throws {
        mode = try decoder.container(keyedBy: CodingKeys.self).decode(ProbeMode.self, forKey: .mode)
        figures = try ValidityFigures(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(mode, forKey: .mode)
        try figures.encode(to: encoder)
    }
}
