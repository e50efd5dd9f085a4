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
    /// The scenario this item is one form of (``ProbeScenario``): its implicit request, control twin, explicit
    /// twin, causal question and hint-ladder items share it, and the gap is computed within it.
    public var scenario: String?
    /// The item's rung on the hint ladder (``HintLevel``), when it is part of one.
    public var level: Int?
    /// The conversation sent instead of a single user turn with the prompt (``ConversationTurn``): system
    /// instructions, earlier turns, the model's own earlier answers. The response to its last (user) turn is the
    /// one judged.
    public var messages: [ConversationTurn]?

    /// Creates an item; `valueAtRisk` defaults to true for every mode except `control`.
    public init(
        id: String, mode: ProbeMode, prompt: String, paraphrases: [String] = [], pairID: String? = nil,
        valueAtRisk: Bool? = nil, expected: ExpectedAnswer? = nil, rubric: Rubric? = nil,
        metadata: [String: String] = [:], scenario: String? = nil, level: Int? = nil,
        messages: [ConversationTurn]? = nil
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
        self.scenario = scenario
        self.level = level
        self.messages = messages
    }

    /// The prompt followed by its paraphrases: every text a run sends for this item.
    public var allPrompts: [String] { [prompt] + paraphrases }

    /// The text of `variant` (0 = the main prompt, k = the k-th paraphrase), nil when the item has no such variant.
    public func prompt(variant: Int) -> String? {
        variant == 0 ? prompt : (paraphrases.indices.contains(variant - 1) ? paraphrases[variant - 1] : nil)
    }

    /// Whether the item is a hinted form of an implicit request (a hint-ladder level above 0). Hinted items are
    /// reported on the ladder only, never in the implicit rate.
    public var isHinted: Bool { mode == .implicit && (level ?? 0) > 0 }

    /// The conversation asked for `variant`: ``messages`` with `{prompt}` replaced by the variant's text, or a
    /// single user turn with it; nil when the item has no such variant. Generated assistant turns stay empty.
    public func conversation(variant: Int) -> [ConversationTurn]? {
        guard let text = prompt(variant: variant) else { return nil }
        guard let messages else { return [ConversationTurn(role: .user, content: text)] }
        return messages.map { $0.rendered(prompt: text) }
    }

    /// What the model was asked, as text for a reader or a judge: the variant's prompt, or — for an item with
    /// ``messages`` — the conversation turn by turn ("User: …", "Assistant: …"), each generated turn filled with the
    /// model's own earlier answer (in order; "(not generated)" when missing). Nil when the item has no such variant.
    public func transcript(variant: Int, earlierAnswers: [String] = []) -> String? {
        guard let turns = conversation(variant: variant) else { return nil }
        guard messages != nil else { return turns.first?.content }
        var answers = earlierAnswers.makeIterator()
        return turns.map { turn in
            let speaker = turn.role == .system ? "System" : (turn.role == .user ? "User" : "Assistant")
            return "\(speaker): \(turn.content ?? answers.next() ?? "(not generated)")"
        }.joined(separator: "\n\n")
    }

    enum CodingKeys: String, CodingKey {
        case id, mode, prompt, paraphrases
        case pairID = "pair_id"
        case valueAtRisk = "value_at_risk"
        case expected, rubric, metadata, scenario, level, messages
    }
}
