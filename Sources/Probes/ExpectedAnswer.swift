/// What a good response contains; required for causal items, optional elsewhere.
public struct ExpectedAnswer: Codable, Sendable, Hashable {
    /// The expected answer in one or two sentences.
    public var answer: String?
    /// Points a good response makes (a judge checks each).
    public var keyPoints: [String]
    /// The name of the fallacy the item sets as a trap, if any (e.g. "base-rate neglect").
    public var fallacy: String?

    /// Creates an expected answer.
    public init(answer: String? = nil, keyPoints: [String] = [], fallacy: String? = nil) {
        self.answer = answer
        self.keyPoints = keyPoints
        self.fallacy = fallacy
    }

    enum CodingKeys: String, CodingKey {
        case answer
        case keyPoints = "key_points"
        case fallacy
    }
}
