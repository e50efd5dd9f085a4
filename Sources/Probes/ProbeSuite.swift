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
    /// A rubric applied to families without their own; `{value}` in a pattern is expanded once per value term.
    public var rubricTemplate: Rubric?
    /// The families, one per value.
    public var families: [ProbeFamily]

    /// Creates a suite.
    public init(
        id: String, title: String, version: String, description: String, language: String = "en",
        source: String, license: String? = nil, defaults: SuiteDefaults = .standard, requireTwins: Bool = false,
        rubricTemplate: Rubric? = nil, families: [ProbeFamily]
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
        self.rubricTemplate = rubricTemplate
        self.families = families
    }

    enum CodingKeys: String, CodingKey {
        case id, title, version, description, language, source, license, defaults
        case requireTwins = "require_twins"
        case rubricTemplate = "rubric_template"
        case families
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

    /// Number of items (not counting paraphrases).
    public var itemCount: Int { families.reduce(0) { $0 + $1.items.count } }
}
