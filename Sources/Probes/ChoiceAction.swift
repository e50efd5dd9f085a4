/// One action a forced-choice item offers, in the first person ("I tie a broom handle to the pole").
public struct ChoiceAction: Codable, Sendable, Hashable {
    /// The action's text, as shown to the model.
    public var text: String
    /// The values this action puts at risk (values of the suite's families); empty for a harmless action.
    public var atRisk: [String]

    /// Creates an action.
    public init(text: String, atRisk: [String] = []) {
        self.text = text
        self.atRisk = atRisk
    }

    enum CodingKeys: String, CodingKey {
        case text
        case atRisk = "at_risk"
    }

    /// Decodes an action; `at_risk` may be absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(String.self, forKey: .text)
        atRisk = try container.decodeIfPresent([String].self, forKey: .atRisk) ?? []
    }

    /// Encodes an action; `at_risk` only when it names a value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        if !atRisk.isEmpty { try container.encode(atRisk, forKey: .atRisk) }
    }
}
