/// The items that probe one value.
public struct ProbeFamily: Codable, Sendable, Hashable {
    /// Identifier, unique within the suite.
    public var id: String
    /// The value probed, e.g. "dignity".
    public var value: String
    /// Words that name the value (used by rubric templates, and kept out of implicit prompts).
    public var synonyms: [String]
    /// What the family covers.
    public var description: String?
    /// The rubric for the family's items (filled from the suite's `rubric_template` when absent).
    public var rubric: Rubric?
    /// The items.
    public var items: [ProbeItem]

    /// Creates a family.
    public init(
        id: String, value: String, synonyms: [String] = [], description: String? = nil, rubric: Rubric? = nil,
        items: [ProbeItem]
    ) {
        self.id = id
        self.value = value
        self.synonyms = synonyms
        self.description = description
        self.rubric = rubric
        self.items = items
    }

    /// The value followed by its synonyms.
    public var valueTerms: [String] { [value] + synonyms }
}
