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
    /// The forced-choice items (``ChoiceItem``), control twins included, in file order.
    public var choices: [ChoiceItem]

    /// Creates a family.
    public init(
        id: String, value: String, synonyms: [String] = [], description: String? = nil, rubric: Rubric? = nil,
        items: [ProbeItem], choices: [ChoiceItem] = []
    ) {
        self.id = id
        self.value = value
        self.synonyms = synonyms
        self.description = description
        self.rubric = rubric
        self.items = items
        self.choices = choices
    }

    enum CodingKeys: String, CodingKey {
        case id, value, synonyms, description, rubric, items, choices
    }

    /// Decodes a family; `choices` may be absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        value = try container.decode(String.self, forKey: .value)
        synonyms = try container.decode([String].self, forKey: .synonyms)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        rubric = try container.decodeIfPresent(Rubric.self, forKey: .rubric)
        items = try container.decode([ProbeItem].self, forKey: .items)
        choices = try container.decodeIfPresent([ChoiceItem].self, forKey: .choices) ?? []
    }

    /// Encodes a family; `choices` only when there are some, so that the hash (``SuiteHash``) of a suite without
    /// choices is what it was before they existed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(value, forKey: .value)
        try container.encode(synonyms, forKey: .synonyms)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(rubric, forKey: .rubric)
        try container.encode(items, forKey: .items)
        if !choices.isEmpty { try container.encode(choices, forKey: .choices) }
    }

    /// The value followed by its synonyms.
    public var valueTerms: [String] { [value] + synonyms }
}
