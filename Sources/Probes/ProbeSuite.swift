/// A probe suite: families of items, one family per value, with sampling defaults.
///
/// Load one with ``SuiteLoader`` (YAML or JSON) or ``BuiltinSuites``; ``SuiteHash`` fingerprints its content.
public struct ProbeSuite: Codable, Sendable, Hashable {
    /// Identifier, e.g. "khamassi2024".
    public var id: String
    /// Human-readable title.
    public var title: String
    /// Version of the suite's content, e.g. "1.0.0".
    public var version: String
    /// What the suite is for.
    public var description: String
    /// Language of the prompts (BCP 47 tag, e.g. "en").
    public var language: String
    /// Where the probes come from (a citation or "original").
    public var source: String
    /// Licence of the suite's text, if stated.
    public var license: String?
    /// Sampling defaults for runs.
    public var defaults: SuiteDefaults
    /// When true, every implicit item must have a control twin (a control item whose `pair_id` names it).
    public var requireTwins: Bool
    /// When true, the validator holds the suite to the matched-scenario rules: every control twin differs from its
    /// implicit item in one place only (``TwinDifference``), and no implicit or control prompt names the family's
    /// value or carries a cue phrase (``CuePhrases``).
    public var strictScenarios: Bool
    /// The hint ladder's texts; scenarios get hinted items and levels only when it is set.
    public var ladder: HintLadder?
    /// A rubric applied to families without their own; `{value}` in a pattern is expanded once per value term.
    public var rubricTemplate: Rubric?
    /// The families, one per value.
    public var families: [ProbeFamily]
    /// The question forms of the suite's forced-choice items; nil = ``ChoiceForm/moralChoice``.
    public var choiceForms: [ChoiceForm]?

    /// Creates a suite.
    public init(
        id: String, title: String, version: String, description: String, language: String = "en",
        source: String, license: String? = nil, defaults: SuiteDefaults = .standard, requireTwins: Bool = false,
        strictScenarios: Bool = false, ladder: HintLadder? = nil, rubricTemplate: Rubric? = nil,
        families: [ProbeFamily], choiceForms: [ChoiceForm]? = nil
    ) {
        self.id = id
        self.title = title
        self.version = version
        self.description = description
        self.language = language
        self.source = source
        self.license = license
        self.defaults = defaults
        self.requireTwins = requireTwins
        self.strictScenarios = strictScenarios
        self.ladder = ladder
        self.rubricTemplate = rubricTemplate
        self.families = families
        self.choiceForms = choiceForms
    }

    enum CodingKeys: String, CodingKey {
        case id, title, version, description, language, source, license, defaults
        case requireTwins = "require_twins"
        case strictScenarios = "strict_scenarios"
        case ladder
        case rubricTemplate = "rubric_template"
        case families
        case choiceForms = "choice_forms"
    }

    /// Decodes a suite; `strict_scenarios` and `ladder` may be absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        version = try container.decode(String.self, forKey: .version)
        description = try container.decode(String.self, forKey: .description)
        language = try container.decode(String.self, forKey: .language)
        source = try container.decode(String.self, forKey: .source)
        license = try container.decodeIfPresent(String.self, forKey: .license)
        defaults = try container.decode(SuiteDefaults.self, forKey: .defaults)
        requireTwins = try container.decode(Bool.self, forKey: .requireTwins)
        strictScenarios = try container.decodeIfPresent(Bool.self, forKey: .strictScenarios) ?? false
        ladder = try container.decodeIfPresent(HintLadder.self, forKey: .ladder)
        rubricTemplate = try container.decodeIfPresent(Rubric.self, forKey: .rubricTemplate)
        families = try container.decode([ProbeFamily].self, forKey: .families)
        choiceForms = try container.decodeIfPresent([ChoiceForm].self, forKey: .choiceForms)
    }

    /// Encodes a suite; `strict_scenarios` only when true and `ladder` only when set, so that the hash
    /// (``SuiteHash``) of a suite that uses neither is what it was before they existed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(version, forKey: .version)
        try container.encode(description, forKey: .description)
        try container.encode(language, forKey: .language)
        try container.encode(source, forKey: .source)
        try container.encodeIfPresent(license, forKey: .license)
        try container.encode(defaults, forKey: .defaults)
        try container.encode(requireTwins, forKey: .requireTwins)
        if strictScenarios { try container.encode(true, forKey: .strictScenarios) }
        try container.encodeIfPresent(ladder, forKey: .ladder)
        try container.encodeIfPresent(rubricTemplate, forKey: .rubricTemplate)
        try container.encode(families, forKey: .families)
        try container.encodeIfPresent(choiceForms, forKey: .choiceForms)
    }

    /// Every item with the family it belongs to, in suite order.
    public var allItems: [(family: ProbeFamily, item: ProbeItem)] {
        families.flatMap { family in family.items.map { (family: family, item: $0) } }
    }

    /// The item with this id, if any.
    public func item(id: String) -> ProbeItem? {
        for family in families { if let item = family.items.first(where: { $0.id == id }) { return item } }
        return nil
    }

    /// The family that holds the item with this id, if any.
    public func family(ofItem id: String) -> ProbeFamily? {
        families.first { family in family.items.contains { $0.id == id } }
    }

    /// The control twin of an implicit item (the control item whose `pair_id` names it), if any.
    public func controlTwin(of implicitID: String) -> ProbeItem? {
        allItems.first { $0.item.mode == .control && $0.item.pairID == implicitID }?.item
    }

    /// The rubric that scores an item: its own, else its family's.
    public func rubric(for itemID: String) -> Rubric? {
        guard let family = family(ofItem: itemID), let item = family.items.first(where: { $0.id == itemID }) else {
            return nil
        }
        return item.rubric ?? family.rubric
    }

    /// Every forced-choice item with the family it belongs to, in suite order (control twins included).
    public var allChoices: [(family: ProbeFamily, choice: ChoiceItem)] {
        families.flatMap { family in family.choices.map { (family: family, choice: $0) } }
    }

    /// The forced-choice item with this id, if any.
    public func choice(id: String) -> ChoiceItem? {
        for family in families { if let choice = family.choices.first(where: { $0.id == id }) { return choice } }
        return nil
    }

    /// The forms forced-choice items are asked in: the suite's `choice_forms`, else MoralChoice's three.
    public var resolvedChoiceForms: [ChoiceForm] { choiceForms ?? ChoiceForm.moralChoice }

    /// Every forced-choice question of the suite: each choice in each form and order.
    public var choiceQuestions: [ChoiceQuestion] {
        allChoices.flatMap { ChoiceQuestion.questions(for: $0.choice, forms: resolvedChoiceForms) }
    }

    /// Number of items (not counting paraphrases).
    public var itemCount: Int { families.reduce(0) { $0 + $1.items.count } }
}
