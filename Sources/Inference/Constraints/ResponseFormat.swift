/// The shape a generation's text must have (OpenAI's `response_format`).
public enum ResponseFormat: Sendable, Hashable, Codable {
    /// Free text (the default).
    case text
    /// Any JSON object.
    case jsonObject
    /// A JSON value matching `schema` (the JSON Schema subset of `JSONSchemaCompiler`); `name` and `strict` are
    /// passed on to remote servers.
    case jsonSchema(name: String, schema: JSONDocument, strict: Bool)

    /// The grammar that enforces the format (nil for text); unsupported schema keywords are an error naming them.
    public func grammar() throws(JSONSchemaError) -> JSONGrammar? {
        switch self {
        case .text: nil
        case .jsonObject: JSONSchemaCompiler.anyObject()
        case .jsonSchema(_, let schema, _): try JSONSchemaCompiler.compile(schema)
        }
    }

    /// OpenAI's wire form, e.g. `{"type":"json_schema","json_schema":{"name":…,"schema":…,"strict":true}}`.
    public var openAIDocument: JSONDocument {
        switch self {
        case .text: .object([("type", .string("text"))])
        case .jsonObject: .object([("type", .string("json_object"))])
        case .jsonSchema(let name, let schema, let strict):
            .object([("type", .string("json_schema")),
                     ("json_schema", .object([("name", .string(name)), ("schema", schema), ("strict", .bool(strict))]))])
        }
    }

    /// Reads OpenAI's wire form; the error is one line naming the field at fault (`response_format.…`).
    public init(openAI document: JSONDocument) throws(JSONSchemaError) {
        guard case .object = document else {
            throw .invalidValue(keyword: "response_format", path: "response_format", reason: "must be an object")
        }
        guard case .string(let type)? = document["type"] else {
            throw .invalidValue(keyword: "type", path: "response_format", reason: "must be \"text\", \"json_object\" or \"json_schema\"")
        }
        switch type {
        case "text": self = .text
        case "json_object": self = .jsonObject
        case "json_schema":
            guard let spec = document["json_schema"], case .object = spec else {
                throw .invalidValue(keyword: "json_schema", path: "response_format", reason: "must be an object with 'name' and 'schema'")
            }
            var name = "response"
            if let n = spec["name"] {
                guard case .string(let s) = n else {
                    throw .invalidValue(keyword: "name", path: "response_format.json_schema", reason: "must be a string")
                }
                name = s
            }
            var strict = false
            if let s = spec["strict"] {
                switch s {
                case .bool(let b): strict = b
                case .null: break
                default: throw .invalidValue(keyword: "strict", path: "response_format.json_schema", reason: "must be a boolean")
                }
            }
            let schema = spec["schema"] ?? .object([("type", .string("object"))])
            self = .jsonSchema(name: name, schema: schema, strict: strict)
        default:
            throw .invalidValue(keyword: "type", path: "response_format", reason: "unknown type '\(type)' (text, json_object or json_schema)")
        }
    }

    // Stored as OpenAI's wire form in its compact text, which keeps the schema's member order.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try ResponseFormat(openAI: try JSONDocument(parsing: text))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(openAIDocument.compactText)
    }
}
