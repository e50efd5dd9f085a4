import Inference

extension JSONDocument {
    /// A request body's value as a document (object members in key order: a parsed dictionary has none of its own).
    init(_ value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .integer(let i): self = .number(String(i))
        case .number(let d): self = .number(String(d))
        case .string(let s): self = .string(s)
        case .array(let items): self = .array(items.map(JSONDocument.init))
        case .object(let members): self = .object(members.sorted { $0.key < $1.key }.map { ($0.key, JSONDocument($0.value)) })
        }
    }
}
