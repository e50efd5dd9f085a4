/// One outcome of an outcome set: a state of the world described in one sentence, optionally tied to a value.
public struct Outcome: Codable, Sendable, Hashable {
    /// Unique id within the set (letters, digits, `-`, `_`, `.`).
    public var id: String
    /// The state of the world, as shown to the model.
    public var text: String
    /// The value the outcome upholds or violates; `nil` for a neutral outcome.
    public var value: String?
    /// How the outcome stands towards ``value`` (`neutral` when it names none).
    public var polarity: OutcomePolarity

    /// Creates an outcome.
    public init(id: String, text: String, value: String? = nil, polarity: OutcomePolarity = .neutral) {
        self.id = id
        self.text = text
        self.value = value
        self.polarity = polarity
    }
}
