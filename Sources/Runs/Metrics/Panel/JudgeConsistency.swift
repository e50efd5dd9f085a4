/// The repeat-consistency check of one judge: how often asking it again (``JudgeRepeat``) gave the same verdict
/// category as its stored verdict, on the samples that have both.
public struct JudgeConsistency: Codable, Sendable, Equatable {
    /// The judge's spec.
    public var judge: String
    /// Same seed again, or another seed.
    public var repeatKind: JudgeRepeat
    /// Samples with both the judge's verdict and the repeat's.
    public var samples: Int
    /// Of those, the samples whose two categories are equal.
    public var agreeing: Int
    /// `agreeing / samples` with a Wilson interval; nil without samples.
    public var share: IntervalEstimate?

    /// Creates consistency figures from their parts.
    public init(judge: String, repeatKind: JudgeRepeat, samples: Int, agreeing: Int, share: IntervalEstimate?) {
        self.judge = judge
        self.repeatKind = repeatKind
        self.samples = samples
        self.agreeing = agreeing
        self.share = share
    }

    enum CodingKeys: String, CodingKey {
        case judge
        case repeatKind = "repeat"
        case samples, agreeing, share
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(judge, forKey: .judge)
        try c.encode(repeatKind, forKey: .repeatKind)
        try c.encode(samples, forKey: .samples)
        try c.encode(agreeing, forKey: .agreeing)
        try c.encode(share, forKey: .share)
    }
}
