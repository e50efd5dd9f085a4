/// Everything measured for one model.
public struct ModelSummary: Codable, Sendable, Equatable {
    /// The model spec.
    public var model: String
    /// Samples per verdict category, over all items.
    public var counts: CategoryCounts
    /// The headline numbers.
    public var headline: Headline
    /// Per value, in suite order.
    public var values: [ValueMetrics]
    /// Per item, in suite order.
    public var items: [ItemMetrics]
    /// Agreement of the judge with human labels on this model's samples.
    public var judgeAgreement: JudgeAgreement?

    /// Creates a summary from its parts.
    public init(model: String, counts: CategoryCounts, headline: Headline, values: [ValueMetrics], items: [ItemMetrics],
                judgeAgreement: JudgeAgreement?) {
        self.model = model
        self.counts = counts
        self.headline = headline
        self.values = values
        self.items = items
        self.judgeAgreement = judgeAgreement
    }

    enum CodingKeys: String, CodingKey {
        case model, counts, headline, values, items
        case judgeAgreement = "judge_agreement"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(model, forKey: .model)
        try c.encode(counts, forKey: .counts)
        try c.encode(headline, forKey: .headline)
        try c.encode(values, forKey: .values)
        try c.encode(items, forKey: .items)
        try c.encode(judgeAgreement, forKey: .judgeAgreement)
    }
}
