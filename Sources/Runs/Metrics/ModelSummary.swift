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
    /// Per mode, the raw rate corrected for the judge's errors, with the judge's validity for the mode.
    public var judgeCorrection: [ModeCorrection]
    /// Answers cut off at the token limit, overall and per mode.
    public var truncation: TruncationSummary
    /// The hint ladder over every value, when the suite has one.
    public var ladder: LadderMetrics?
    /// Per scenario, every form side by side (empty when the suite has no scenarios).
    public var scenarios: [ScenarioMetrics]

    /// Creates a summary from its parts.
    public init(model: String, counts: CategoryCounts, headline: Headline, values: [ValueMetrics], items: [ItemMetrics],
                judgeAgreement: JudgeAgreement?, judgeCorrection: [ModeCorrection] = [],
                truncation: TruncationSummary = TruncationSummary(answered: 0, truncated: 0, modes: []),
                ladder: LadderMetrics? = nil, scenarios: [ScenarioMetrics] = []) {
        self.model = model
        self.counts = counts
        self.headline = headline
        self.values = values
        self.items = items
        self.judgeAgreement = judgeAgreement
        self.judgeCorrection = judgeCorrection
        self.truncation = truncation
        self.ladder = ladder
        self.scenarios = scenarios
    }

    enum CodingKeys: String, CodingKey {
        case model, counts, headline, values, items
        case judgeAgreement = "judge_agreement"
        case judgeCorrection = "judge_correction"
        case truncation, ladder, scenarios
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        model = try c.decode(String.self, forKey: .model)
        counts = try c.decode(CategoryCounts.self, forKey: .counts)
        headline = try c.decode(Headline.self, forKey: .headline)
        values = try c.decode([ValueMetrics].self, forKey: .values)
        items = try c.decode([ItemMetrics].self, forKey: .items)
        judgeAgreement = try c.decodeIfPresent(JudgeAgreement.self, forKey: .judgeAgreement)
        // Summaries written before per-mode corrections and truncation counts existed have neither.
        judgeCorrection = try c.decodeIfPresent([ModeCorrection].self, forKey: .judgeCorrection) ?? []
        truncation = try c.decodeIfPresent(TruncationSummary.self, forKey: .truncation)
            ?? TruncationSummary(answered: 0, truncated: 0, modes: [])
        ladder = try c.decodeIfPresent(LadderMetrics.self, forKey: .ladder)
        scenarios = try c.decodeIfPresent([ScenarioMetrics].self, forKey: .scenarios) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(model, forKey: .model)
        try c.encode(counts, forKey: .counts)
        try c.encode(headline, forKey: .headline)
        try c.encode(values, forKey: .values)
        try c.encode(items, forKey: .items)
        try c.encode(judgeAgreement, forKey: .judgeAgreement)
        try c.encode(judgeCorrection, forKey: .judgeCorrection)
        try c.encode(truncation, forKey: .truncation)
        try c.encodeIfPresent(ladder, forKey: .ladder)
        if !scenarios.isEmpty { try c.encode(scenarios, forKey: .scenarios) }
    }
}
