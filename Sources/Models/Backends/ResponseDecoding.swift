import Foundation

/// Decodes a backend's JSON answer into its wire type and turns every failure into a one-line
/// `BackendError.malformedResponse` that says what was wrong and where.
enum ResponseDecoding {
    /// How much of an unreadable body is quoted in an error.
    static let snippetLength = 120

    static func decode<T: Decodable>(_ type: T.Type, from body: Data, backend: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: body)
        } catch let error as DecodingError {
            throw BackendError.malformedResponse(backend: backend, reason: describe(error, body: body))
        } catch {
            throw BackendError.malformedResponse(backend: backend,
                                                 reason: Redactor.singleLine("\(error) (\(snippet(body)))"))
        }
    }

    /// A `malformedResponse` saying `field` is missing, quoting the start of the body.
    static func missing(_ field: String, backend: String, body: Data) -> BackendError {
        .malformedResponse(backend: backend, reason: "missing \(field) (\(snippet(body)))")
    }

    static func describe(_ error: DecodingError, body: Data) -> String {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "body is not JSON (\(snippet(body)))"
        case .dataCorrupted(let context):
            return "bad value at \(path(context.codingPath)) (\(snippet(body)))"
        case .keyNotFound(let key, let context):
            return "missing \(path(context.codingPath + [key])) (\(snippet(body)))"
        case .typeMismatch(let type, let context):
            let at = context.codingPath.isEmpty ? "the top level" : path(context.codingPath)
            return "expected \(typeName(type)) at \(at) (\(snippet(body)))"
        case .valueNotFound(let type, let context):
            return "null where \(typeName(type)) was expected at \(path(context.codingPath)) (\(snippet(body)))"
        @unknown default:
            return "cannot decode the body (\(snippet(body)))"
        }
    }

    /// A JSON-path-like rendering: `choices[0].message.content`.
    static func path(_ keys: [any CodingKey]) -> String {
        var out = ""
        for key in keys {
            if let index = key.intValue {
                out += "[\(index)]"
            } else {
                out += out.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return out.isEmpty ? "the top level" : out
    }

    /// The start of the body, on one line, for error messages.
    static func snippet(_ body: Data) -> String {
        if body.isEmpty { return "empty body" }
        let text = Redactor.singleLine(String(decoding: body.prefix(snippetLength * 4), as: UTF8.self))
        if text.isEmpty { return "blank body" }
        let cut = text.count > snippetLength ? String(text.prefix(snippetLength)) + "…" : text
        return "body: \(cut)"
    }

    private static func typeName(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if name.hasPrefix("Dictionary") || name.hasPrefix("KeyedDecodingContainer") { return "an object" }
        if name.hasPrefix("Array") || name.contains("UnkeyedDecodingContainer") { return "an array" }
        if name == "String" { return "a string" }
        if name == "Int" || name == "Double" { return "a number" }
        return name
    }
}
