/// One planned question of a preference run: outcome `first` shown as option A, `second` as option B, the
/// `sample`-th answer of that orientation, asked in `round` (0 = the first round, then active rounds).
public struct PreferenceQuestion: Codable, Sendable, Hashable {
    /// Position in the plan (unique within the run).
    public var ordinal: Int
    /// 0 for the first round, r for the r-th active round.
    public var round: Int
    /// Index of the outcome shown as option A.
    public var first: Int
    /// Index of the outcome shown as option B.
    public var second: Int
    /// Which answer of this orientation (always 0 for exact answers).
    public var sample: Int

    /// Creates a question.
    public init(ordinal: Int, round: Int, first: Int, second: Int, sample: Int) {
        self.ordinal = ordinal
        self.round = round
        self.first = first
        self.second = second
        self.sample = sample
    }
}
