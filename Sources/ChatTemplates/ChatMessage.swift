/// One turn of a conversation as chat templates see it: `message.role` and `message.content`.
public struct ChatMessage: Sendable, Equatable, Codable {
    /// `system`, `user`, `assistant` (or any role the template understands).
    public var role: String
    /// The text of the turn.
    public var content: String

    /// Creates a message.
    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }

    /// The value a template receives for this message: `{"role": ..., "content": ...}` in that order.
    public var templateValue: TemplateValue {
        .object([("role", .string(role)), ("content", .string(content))])
    }

    /// For templates without a system role (Gemma, Mistral v0.1/v0.2 raise on one): the leading system messages'
    /// contents are joined into the first user message as `system + separator + user` (llama.cpp's
    /// polyfill uses `"\n"`). Conversations without a leading system message are returned unchanged.
    public static func mergingSystemIntoFirstUser(_ messages: [ChatMessage], separator: String = "\n") -> [ChatMessage] {
        var systems: [String] = []
        var rest = messages[...]
        while let first = rest.first, first.role == "system" {
            systems.append(first.content)
            rest = rest.dropFirst()
        }
        guard !systems.isEmpty else { return messages }
        let system = systems.joined(separator: separator)
        var result = Array(rest)
        if let index = result.firstIndex(where: { $0.role == "user" }) {
            result[index].content = system + separator + result[index].content
        } else {
            result.insert(ChatMessage(role: "user", content: system), at: 0)
        }
        return result
    }
}
