import Foundation
@testable import Inference

/// An independent check that a JSON text matches a schema of the supported subset, for tests of generated output:
/// the text is parsed by Foundation's `JSONDecoder` (not by the code under test) and walked against the
/// schema. Returns the problems found (empty = valid).
enum SchemaConformance {
    /// A JSON value as Foundation's `JSONDecoder` reads it (booleans and numbers kept apart).
    indirect enum Value: Decodable {
        case null, bool(Bool), number(Double), string(String), array([Value]), object([String: Value])

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let d = try? c.decode(Double.self) { self = .number(d) }
            else if let s = try? c.decode(String.self) { self = .string(s) }
            else if let a = try? c.decode([Value].self) { self = .array(a) }
            else { self = .object(try c.decode([String: Value].self)) }
        }

        /// Compact text for enum comparisons (object keys sorted).
        var canonical: String {
            switch self {
            case .null: "null"
            case .bool(let b): b ? "true" : "false"
            case .number(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
            case .string(let s): JSONDocument.quoted(s)
            case .array(let a): "[" + a.map(\.canonical).joined(separator: ",") + "]"
            case .object(let o): "{" + o.keys.sorted().map { JSONDocument.quoted($0) + ":" + o[$0]!.canonical }.joined(separator: ",") + "}"
            }
        }
    }

    static func problems(_ text: String, schema: JSONDocument) -> [String] {
        guard let value = try? JSONDecoder().decode(Value.self, from: Data(text.utf8)) else { return ["not JSON: \(text)"] }
        return check(value, schema, path: "$")
    }

    private static func count(_ schema: JSONDocument, _ key: String) -> Int? {
        if case .number(let n)? = schema[key] { return Int(n) }
        return nil
    }

    private static func check(_ value: Value, _ schema: JSONDocument, path: String) -> [String] {
        if let c = schema["const"] { return check(value, .object([("enum", .array([c]))]), path: path) }
        if case .array(let options)? = schema["enum"] {
            let matches = options.contains { option in
                (try? JSONDecoder().decode(Value.self, from: Data(option.compactText.utf8)))?.canonical == value.canonical
            }
            return matches ? [] : ["\(path): \(value.canonical) is not in the enum"]
        }
        var types: [String] = []
        switch schema["type"] {
        case .string(let t)?: types = [t]
        case .array(let list)?: types = list.compactMap { if case .string(let s) = $0 { s } else { nil } }
        default: return ["\(path): schema without type"]
        }
        var failures: [String] = []
        for type in types {
            var p: [String] = []
            switch (type, value) {
            case ("null", .null), ("boolean", .bool), ("number", .number): break
            case ("integer", .number(let d)): if d.rounded() != d { p.append("\(path): not an integer") }
            case ("string", .string(let s)):
                if let m = count(schema, "maxLength"), s.unicodeScalars.count > m { p.append("\(path): longer than \(m)") }
                if let m = count(schema, "minLength"), s.unicodeScalars.count < m { p.append("\(path): shorter than \(m)") }
            case ("array", .array(let a)):
                if let m = count(schema, "maxItems"), a.count > m { p.append("\(path): more than \(m) items") }
                if let m = count(schema, "minItems"), a.count < m { p.append("\(path): fewer than \(m) items") }
                if let items = schema["items"] {
                    for (i, item) in a.enumerated() { p += check(item, items, path: "\(path)[\(i)]") }
                }
            case ("object", .object(let o)):
                if case .object(let properties)? = schema["properties"] {
                    for key in o.keys where !properties.contains(where: { $0.key == key }) { p.append("\(path): extra '\(key)'") }
                    for property in properties {
                        if let v = o[property.key] { p += check(v, property.value, path: "\(path).\(property.key)") }
                    }
                }
                if case .array(let required)? = schema["required"] {
                    for case .string(let name) in required where o[name] == nil { p.append("\(path): '\(name)' missing") }
                }
            default: p.append("\(path): \(value.canonical) is not of type \(type)")
            }
            if p.isEmpty { return [] }
            failures += p
        }
        return failures
    }
}
