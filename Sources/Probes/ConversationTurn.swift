/// One turn of an item's conversation (``ProbeItem/messages``): a system instruction, a user turn, or an assistant
/// turn — given in the suite, or left empty to stand for the model's own answer, generated and inserted when the
/// item is asked.
public struct ConversationTurn: Codable, Sendable, Hashable {
    /// Who speaks.
    public enum Role: String, Codable, Sendable, CaseIterable, Hashable {
        case system, user, assistant
    }

    /// Who speaks.
    public var role: Role
    /// The text, in which ``promptPlaceholder`` stands for the item's prompt (or the paraphrase being sampled).
    /// Nil only for an assistant turn: the model answers the conversation so far and its answer is inserted.
    public var content: String?

    /// `{prompt}`: replaced by the item's prompt or paraphrase when the conversation is rendered.
    public static let promptPlaceholder = "{prompt}"

    /// Creates a turn.
    public init(role: Role, content: String?) {
        self.role = role
        self.content = content
    }

    /// Whether this turn is the model's own answer, generated when the item is asked.
    public var isGenerated: Bool { role == .assistant && content == nil }

    /// The turn with ``promptPlaceholder`` replaced by `prompt`.
    public func rendered(prompt: String) -> ConversationTurn {
        ConversationTurn(role: role, content: content?.replacingOccurrences(of: Self.promptPlaceholder, with: prompt))
    }
}
