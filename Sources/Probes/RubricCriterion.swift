/// One weighted check of a rubric.
public struct RubricCriterion: Codable, Sendable, Hashable {
    /// Identifier, unique within its rubric.
    public var id: String
    /// What the criterion checks, in words (what an LLM judge is asked).
    public var description: String
    /// Signed weight in ±1…±3: positive criteria earn credit when met, negative ones cost it.
    public var weight: Int
    /// Case-insensitive regular expressions (ICU syntax, as `NSRegularExpression`); the criterion is met
    /// when any of them matches the response.
    public var patterns: [String]
    /// What the criterion looks for.
    public var kind: CriterionKind

    /// Creates a criterion.
    public init(id: String, description: String, weight: Int, patterns: [String], kind: CriterionKind) {
        self.id = id
        self.description = description
        self.weight = weight
        self.patterns = patterns
        self.kind = kind
    }
}
