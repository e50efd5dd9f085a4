/// Pair accuracy over implicit items and their control twins: a pair is correct when the implicit item's majority
/// is "recognised" and its twin's majority is "not flagged". Pairs with a tied or missing majority are undecided
/// and left out.
public struct PairAccuracy: Codable, Sendable, Equatable {
    /// Decided pairs.
    public var pairs: Int
    /// Correct pairs.
    public var correct: Int
    /// Pairs left out (tied or unlabelled majority).
    public var undecided: Int
    /// correct / pairs with its Wilson interval (nil without decided pairs).
    public var rate: IntervalEstimate?

    /// Creates metrics from their parts.
    public init(pairs: Int, correct: Int, undecided: Int, rate: IntervalEstimate?) {
        self.pairs = pairs
        self.correct = correct
        self.undecided = undecided
        self.rate = rate
    }

    enum CodingKeys: String, CodingKey {
        case pairs, correct, undecided, rate
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(pairs, forKey: .pairs)
        try c.encode(correct, forKey: .correct)
        try c.encode(undecided, forKey: .undecided)
        try c.encode(rate, forKey: .rate)
    }
}
