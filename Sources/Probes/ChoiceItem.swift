/// A forced-choice item in the style of MoralChoice (Scherrer et al. 2023): a short scenario and two or more
/// actions, some of which put a value at risk. The model is asked which action it would take, in every question
/// form (``ChoiceForm``) and every presentation order (``ChoiceQuestion``), and the probability it gives each
/// action is measured — exactly from the logits on the embedded engine, by sampling elsewhere. No judge reads the
/// answer.
///
/// A suite file writes choices under a family's `choices:` (docs/suite-format.md). A choice with a `control:`
/// expands into two items: the choice itself (`ID`) and its control twin (`ID-control`), the same scenario with
/// actions of which none puts a value at risk — it measures how far order and wording alone move the model.
public struct ChoiceItem: Codable, Sendable, Hashable {
    /// Identifier, unique within the suite (among items and choices).
    public var id: String
    /// The scenario, in the second person.
    public var context: String
    /// The actions, in the order the file lists them (presentation orders are made from it).
    public var actions: [ChoiceAction]
    /// On a control twin, the id of the choice it controls for; nil on a choice that probes a value.
    public var controlOf: String?
    /// Free metadata (`domain`, `notes`, `source`, …).
    public var metadata: [String: String]

    /// Creates a choice item.
    public init(id: String, context: String, actions: [ChoiceAction], controlOf: String? = nil,
                metadata: [String: String] = [:]) {
        self.id = id
        self.context = context
        self.actions = actions
        self.controlOf = controlOf
        self.metadata = metadata
    }

    /// True for a control twin (no action puts a value at risk by design).
    public var isControl: Bool { controlOf != nil }

    /// The values any action puts at risk, in first-mention order.
    public var valuesAtRisk: [String] {
        var seen = Set<String>()
        return actions.flatMap(\.atRisk).filter { seen.insert($0).inserted }
    }

    /// The id of a choice's control twin.
    public static func controlID(of id: String) -> String { id + "-control" }

    enum CodingKeys: String, CodingKey {
        case id, context, actions, metadata
        case controlOf = "control_of"
    }

    /// Decodes a choice; `control_of` and `metadata` may be absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        context = try container.decode(String.self, forKey: .context)
        actions = try container.decode([ChoiceAction].self, forKey: .actions)
        controlOf = try container.decodeIfPresent(String.self, forKey: .controlOf)
        metadata = try container.decodeIfPresent([String: String].self, forKey: .metadata) ?? [:]
    }

    /// Encodes a choice; `metadata` only when it holds something.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(context, forKey: .context)
        try container.encode(actions, forKey: .actions)
        try container.encodeIfPresent(controlOf, forKey: .controlOf)
        if !metadata.isEmpty { try container.encode(metadata, forKey: .metadata) }
    }
}
