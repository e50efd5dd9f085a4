import Probes

/// One response judged on its own (`valueprobe judge`): the verdict in the form the command prints.
public struct ResponseJudgement: Codable, Sendable, Equatable {
    /// `recognised`, `missed`, `refused` or `unparseable`.
    public var category: VerdictCategory
    /// The judge's score (rubric percentage, a confidence), when it gives one.
    public var score: Double?
    /// Why, in the judge's words.
    public var rationale: String
    /// Whether the answer was cut off at the token limit (finish reason `length`).
    public var truncated: Bool

    /// Creates a judgement from its parts.
    public init(category: VerdictCategory, score: Double?, rationale: String, truncated: Bool) {
        self.category = category
        self.score = score
        self.rationale = rationale
        self.truncated = truncated
    }

    /// Why a response cannot be judged against the item asked for. One line.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
        /// Creates a failure.
        public init(_ description: String) { self.description = description }
    }

    /// Judges `text`, an answer to prompt variant `variant` of item `itemID` of `suite`, with `judge`.
    /// - Parameter finishReason: `stop`, or `length` for an answer cut off at the token limit.
    /// - Throws: ``Failure`` for an unknown item or variant; whatever the judge throws.
    public static func judge(
        text: String, finishReason: String = "stop", suite: ProbeSuite, itemID: String, variant: Int = 0,
        judge: any Judge
    ) async throws -> ResponseJudgement {
        guard let item = suite.item(id: itemID), let family = suite.family(ofItem: itemID) else {
            throw Failure("suite '\(suite.id)' has no item '\(itemID)'")
        }
        guard variant >= 0, variant < item.allPrompts.count else {
            throw Failure("item '\(itemID)' has \(item.allPrompts.count) prompt variant(s); --variant \(variant) is not one of 0..<\(item.allPrompts.count)")
        }
        let sample = PlannedSample(key: "judge:\(itemID):\(variant)", model: "input", itemID: item.id, familyID: family.id,
                                   value: family.value, mode: item.mode, variant: variant, sampleIndex: 0,
                                   pairID: item.pairID, seed: 0)
        let response = SampleResponse(text: text, finishReason: finishReason, latencyMilliseconds: 0)
        let verdict = try await judge.judge(sample: sample, item: item, family: family, suite: suite, response: response)
        return ResponseJudgement(category: verdict.category, score: verdict.score, rationale: verdict.rationale,
                                 truncated: response.isTruncated)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(category, forKey: .category)
        try c.encode(score, forKey: .score)
        try c.encode(rationale, forKey: .rationale)
        try c.encode(truncated, forKey: .truncated)
    }
}
