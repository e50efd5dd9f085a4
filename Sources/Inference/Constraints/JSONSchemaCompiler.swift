/// Compiles the JSON Schema subset ValueProbe can enforce into a `JSONGrammar`.
///
/// Supported: `type` (`object`, `array`, `string`, `number`, `integer`, `boolean`, `null`, or an array of these
/// whose first characters differ — `number` and `integer` together mean `number`), `properties`, `required`,
/// `additionalProperties` (a boolean: only declared properties are ever generated), `enum` and `const` (any JSON
/// values), `minLength`/`maxLength`, `items`, `minItems`/`maxItems`, and the annotations `title`, `description`,
/// `$schema`, `$id`, `examples`, `default`, `$comment`. Any other keyword is an error naming it and its path.
/// Properties are generated in declared order; optional ones may be left out.
public enum JSONSchemaCompiler {
    /// Keywords that describe but do not constrain.
    static let annotations: Set<String> = ["title", "description", "$schema", "$id", "examples", "default", "$comment"]

    /// The grammar of values matching `schema`.
    public static func compile(_ schema: JSONDocument) throws(JSONSchemaError) -> JSONGrammar {
        var builder = Builder()
        let root = try builder.node(schema, path: "$")
        return JSONGrammar(nodes: builder.nodes, root: root, keySets: builder.keySets)
    }

    /// The grammar of any JSON object, nested at most `depth` levels (`{"type":"json_object"}`).
    public static func anyObject(depth: Int = 6) -> JSONGrammar {
        var builder = Builder()
        let root = builder.anyObject(depth: max(1, depth))
        return JSONGrammar(nodes: builder.nodes, root: root, keySets: builder.keySets)
    }

    struct Builder {
        var nodes: [JSONGrammar.Node] = [.string(minLength: 0, maxLength: nil)]  // JSONGrammar.keyNode
        var keySets: [JSONGrammar.KeySetID: [[UInt8]]] = [:]

        mutating func add(_ node: JSONGrammar.Node) -> Int {
            nodes.append(node)
            return nodes.count - 1
        }

        /// Any JSON value with containers nested at most `depth` deep.
        mutating func anyValue(depth: Int) -> Int {
            var alternatives = [add(.string(minLength: 0, maxLength: nil)), add(.number(integer: false)),
                                add(.literals([Array("true".utf8), Array("false".utf8)])), add(.literals([Array("null".utf8)]))]
            if depth > 0 {
                let inner = anyValue(depth: depth - 1)
                alternatives.append(add(.freeObject(value: inner)))
                alternatives.append(add(.array(items: inner, minItems: 0, maxItems: nil)))
            }
            return add(.union(alternatives))
        }

        mutating func anyObject(depth: Int) -> Int {
            add(.freeObject(value: anyValue(depth: depth - 1)))
        }

        mutating func node(_ schema: JSONDocument, path: String) throws(JSONSchemaError) -> Int {
            guard case .object(let members) = schema else {
                if case .bool(true) = schema { return anyValue(depth: 4) }
                throw .invalidValue(keyword: "schema", path: path, reason: "a schema must be an object, got \(schema.typeName)")
            }
            let known: Set<String> = ["type", "properties", "required", "additionalProperties", "enum", "const",
                                      "minLength", "maxLength", "items", "minItems", "maxItems"]
            for m in members where !known.contains(m.key) && !JSONSchemaCompiler.annotations.contains(m.key) {
                throw .unsupportedKeyword(keyword: m.key, path: path)
            }
            if let c = schema["const"] { return add(.literals([Array(c.compactText.utf8)])) }
            if let e = schema["enum"] {
                guard case .array(let values) = e, !values.isEmpty else {
                    throw .invalidValue(keyword: "enum", path: path, reason: "must be a non-empty array")
                }
                var texts: [[UInt8]] = []
                for v in values where !texts.contains(Array(v.compactText.utf8)) { texts.append(Array(v.compactText.utf8)) }
                return add(.literals(texts))
            }
            guard let type = schema["type"] else {
                throw .invalidValue(keyword: "type", path: path, reason: "a schema needs 'type', 'enum' or 'const'")
            }
            var types: [String] = []
            switch type {
            case .string(let t): types = [t]
            case .array(let list):
                for t in list {
                    guard case .string(let name) = t else {
                        throw .invalidValue(keyword: "type", path: path, reason: "type names must be strings")
                    }
                    if !types.contains(name) { types.append(name) }
                }
                guard !types.isEmpty else { throw .invalidValue(keyword: "type", path: path, reason: "an empty type list") }
            default:
                throw .invalidValue(keyword: "type", path: path, reason: "must be a string or an array of strings")
            }
            if types.contains("number") { types.removeAll { $0 == "integer" } }
            let alternatives = try types.map { (t: String) throws(JSONSchemaError) -> Int in try node(of: t, schema, path: path) }
            return alternatives.count == 1 ? alternatives[0] : add(.union(alternatives))
        }

        private func count(_ schema: JSONDocument, _ keyword: String, path: String) throws(JSONSchemaError) -> Int? {
            guard let v = schema[keyword] else { return nil }
            guard case .number(let text) = v, let n = Int(text), n >= 0, n <= 1_000_000 else {
                throw .invalidValue(keyword: keyword, path: path, reason: "must be an integer from 0 to 1000000")
            }
            return n
        }

        /// Rejects keywords that belong to another type than `type` (they would be ignored otherwise).
        private func only(_ allowed: Set<String>, for type: String, _ schema: JSONDocument, path: String) throws(JSONSchemaError) {
            let typed: Set<String> = ["properties", "required", "additionalProperties", "minLength", "maxLength", "items",
                                      "minItems", "maxItems"]
            guard case .object(let members) = schema else { return }
            for m in members where typed.contains(m.key) && !allowed.contains(m.key) {
                throw .invalidValue(keyword: m.key, path: path, reason: "does not apply to type '\(type)'")
            }
        }

        private mutating func node(of type: String, _ schema: JSONDocument, path: String) throws(JSONSchemaError) -> Int {
            switch type {
            case "string":
                try only(["minLength", "maxLength"], for: type, schema, path: path)
                let minLength = try count(schema, "minLength", path: path) ?? 0
                let maxLength = try count(schema, "maxLength", path: path)
                if let maxLength, maxLength < minLength {
                    throw .invalidValue(keyword: "maxLength", path: path, reason: "is below minLength")
                }
                return add(.string(minLength: minLength, maxLength: maxLength))
            case "number", "integer":
                try only([], for: type, schema, path: path)
                return add(.number(integer: type == "integer"))
            case "boolean":
                try only([], for: type, schema, path: path)
                return add(.literals([Array("true".utf8), Array("false".utf8)]))
            case "null":
                try only([], for: type, schema, path: path)
                return add(.literals([Array("null".utf8)]))
            case "array":
                try only(["items", "minItems", "maxItems"], for: type, schema, path: path)
                let minItems = try count(schema, "minItems", path: path) ?? 0
                let maxItems = try count(schema, "maxItems", path: path)
                if let maxItems, maxItems < minItems {
                    throw .invalidValue(keyword: "maxItems", path: path, reason: "is below minItems")
                }
                let items = try schema["items"].map { (s: JSONDocument) throws(JSONSchemaError) -> Int in
                    try node(s, path: path + ".items")
                } ?? anyValue(depth: 3)
                return add(.array(items: items, minItems: minItems, maxItems: maxItems))
            case "object":
                try only(["properties", "required", "additionalProperties"], for: type, schema, path: path)
                if let extra = schema["additionalProperties"], case .bool = extra {} else if schema["additionalProperties"] != nil {
                    throw .invalidValue(keyword: "additionalProperties", path: path,
                                        reason: "only true or false is supported (extra properties are never generated)")
                }
                guard let properties = schema["properties"] else {
                    if case .bool(false)? = schema["additionalProperties"] { return add(.object([])) }  // only {}
                    if schema["required"] != nil {
                        throw .invalidValue(keyword: "required", path: path, reason: "names properties but there is no 'properties'")
                    }
                    return anyObject(depth: 4)
                }
                guard case .object(let declared) = properties else {
                    throw .invalidValue(keyword: "properties", path: path, reason: "must be an object")
                }
                var required: [String] = []
                if let r = schema["required"] {
                    guard case .array(let names) = r else {
                        throw .invalidValue(keyword: "required", path: path, reason: "must be an array of property names")
                    }
                    for n in names {
                        guard case .string(let name) = n, declared.contains(where: { $0.key == name }) else {
                            throw .invalidValue(keyword: "required", path: path,
                                                reason: "\(n.compactText) is not a declared property")
                        }
                        required.append(name)
                    }
                }
                var list: [JSONGrammar.Property] = []
                for p in declared {
                    let child = try node(p.value, path: path + ".properties." + p.key)
                    list.append(JSONGrammar.Property(key: Array(JSONDocument.quoted(p.key).utf8), node: child,
                                                     required: required.contains(p.key)))
                }
                let id = add(.object(list))
                for from in 0 ..< list.count {
                    var keys: [[UInt8]] = []
                    for p in list[from...] {
                        keys.append(p.key)
                        if p.required { break }
                    }
                    keySets[JSONGrammar.KeySetID(node: id, from: from)] = keys
                }
                return id
            default:
                throw .invalidValue(keyword: "type", path: path, reason: "unknown type '\(type)'")
            }
        }
    }
}
