/// One probe: a prompt (with paraphrases) that a model answers several times.
public struct ProbeItem: Codable, Sendable, Hashable {
    /// Identifier, unique within the whole suite.
    public var id: String
    /// How the item tests its family's value.
    public var mode: ProbeMode
    /// The main text sent to the model.
    public var prompt: String
    /// Other wordings of the same prompt (each is sampled like the prompt).
    public var paraphrases: [String]
    /// Link to a partner item in the same family: an implicit item points to its explicit partner,
    /// a control item points to the implicit item it is the twin of. Explicit and causal items have none.
    public var pairID: String?
    /// Whether the family's value is at stake in this item (always false for controls).
    public var valueAtRisk: Bool
    /// What a good response contains (required for causal items).
    public var expected: ExpectedAnswer?
    /// A rubric for this item only, replacing the family's rubric.
    public var rubric: Rubric?
    /// Free-form notes: `domain`, `reconstruction` ("true"/"false"), `repeat`, `notes`, `source`, …
    public var metadata: [String: String]

    /// Creates an item; `valueAtRisk` defaults to true for every mode except `control`.
    public init(
        id: String, mode: ProbeMode, prompt: String, paraphrases: [String] = [], pairID: String? = nil,
        valueAtRisk: Bool? = nil, expected: ExpectedAnswer? = nil, rubric: Rubric? = nil,
        metadata: [String: String] = [:]
    ) {
        self.id = id
        self.mode = mode
        self.prompt = prompt
        self.paraphrases = paraphrases
        self.pairID = pairID
        self.valueAtRisk = valueAtRisk ?? (mode != .control)
        self.expected = expected
        self.rubric = rubric
        self.metadata = metadata
    }

    /// The prompt followed by its paraphrases: every text a run sends for this item.
    public var allPrompts: [String] { [prompt] + paraphrases }

    /// The text of `variant` (0 = the main prompt, k = the k-th paraphrase), nil when the item has no such variant.
    public func prompt(variant: Int) -> String? {
        variant == 0 ? prompt : (paraphrases.indices.contains(variant - 1) ? paraphrases[variant - 1] : nil)
    }

    enum CodingKeys: String, CodingKey {
        case id, mode, prompt, paraphrases
        case pairID = "pair_id"
        case valueAtRisk = "value_at_risk"
        case expected, rubric, metadata
    }
}
