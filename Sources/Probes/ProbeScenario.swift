/// One story told in four matched forms — the way a suite file writes a scenario (`scenarios:` in a family).
///
/// The loader expands a scenario into items that share its id (``ProbeItem/scenario``):
///
/// | item id          | mode     | level | what it is                                                          |
/// |------------------|----------|-------|---------------------------------------------------------------------|
/// | `ID-explicit`    | explicit | 3     | the scenario asked as a question about the value                    |
/// | `ID`             | implicit | 0     | the practical request, value at risk and never named                |
/// | `ID-deliberate`  | implicit | 1     | the request followed by the ladder's deliberation prompt            |
/// | `ID-follow-up`   | implicit | 2     | the request, the model's own answer, then the ladder's follow-up    |
/// | `ID-control`     | control  | –     | the request with the one element that puts the value at risk replaced |
/// | `ID-causal`      | causal   | –     | a question about the plan's consequences                            |
///
/// The ladder items and levels exist only when the suite has a ``HintLadder``. The implicit item pairs with the
/// explicit twin and the control with the implicit item, so every existing analysis (gap, pair accuracy) works
/// within the scenario.
public struct ProbeScenario: Sendable, Hashable {
    /// One form of the story: a prompt with paraphrases, and what a good answer contains.
    public struct Form: Sendable, Hashable {
        public var prompt: String
        public var paraphrases: [String]
        public var expected: ExpectedAnswer?
        public var rubric: Rubric?

        /// Creates a form.
        public init(prompt: String, paraphrases: [String] = [], expected: ExpectedAnswer? = nil, rubric: Rubric? = nil) {
            self.prompt = prompt
            self.paraphrases = paraphrases
            self.expected = expected
            self.rubric = rubric
        }
    }

    /// The scenario's id; its items' ids start with it.
    public var id: String
    /// Copied to every item's metadata (`domain`, `notes`, `reconstruction`, `source`, …).
    public var metadata: [String: String]
    public var implicit: Form
    public var control: Form
    public var explicit: Form
    public var causal: Form

    /// Creates a scenario.
    public init(id: String, metadata: [String: String] = [:], implicit: Form, control: Form, explicit: Form,
                causal: Form) {
        self.id = id
        self.metadata = metadata
        self.implicit = implicit
        self.control = control
        self.explicit = explicit
        self.causal = causal
    }

    /// The item ids of the forms, by suffix (see the table above).
    public enum Suffix {
        public static let explicit = "-explicit"
        public static let deliberation = "-deliberate"
        public static let followUp = "-follow-up"
        public static let control = "-control"
        public static let causal = "-causal"
    }

    /// The scenario's items, in the order of the table above; with a ladder, levels and the two hinted items.
    public func items(ladder: HintLadder?) -> [ProbeItem] {
        func item(_ suffix: String, _ mode: ProbeMode, _ form: Form, pair: String? = nil, level: HintLevel? = nil,
                  messages: [ConversationTurn]? = nil) -> ProbeItem {
            ProbeItem(id: id + suffix, mode: mode, prompt: form.prompt, paraphrases: form.paraphrases, pairID: pair,
                      expected: form.expected, rubric: form.rubric, metadata: metadata, scenario: id,
                      level: ladder == nil ? nil : level?.rawValue, messages: messages)
        }
        let explicitID = id + Suffix.explicit
        var items = [
            item(Suffix.explicit, .explicit, explicit, level: .explicit),
            item("", .implicit, implicit, pair: explicitID, level: .request),
        ]
        if let ladder {
            let prompt = ConversationTurn.promptPlaceholder
            items.append(item(Suffix.deliberation, .implicit, implicit, level: .deliberation, messages: [
                ConversationTurn(role: .user, content: prompt + "\n\n" + ladder.deliberation),
            ]))
            items.append(item(Suffix.followUp, .implicit, implicit, level: .followUp, messages: [
                ConversationTurn(role: .user, content: prompt),
                ConversationTurn(role: .assistant, content: nil),
                ConversationTurn(role: .user, content: ladder.followUp),
            ]))
        }
        items.append(item(Suffix.control, .control, control, pair: id))
        items.append(item(Suffix.causal, .causal, causal))
        return items
    }
}
