/// A judge model's verdict, read strictly from its reply.
public struct JudgeReply: Sendable, Equatable {
    /// The `recognised` field: a JSON boolean.
    public var recognised: Bool
    /// The `values_named` field: strings only (empty when the field is absent or null).
    public var valuesNamed: [String]
    /// The `rationale` field (empty when absent or null).
    public var rationale: String

    /// Creates a reply from its parts.
    public init(recognised: Bool, valuesNamed: [String], rationale: String) {
        self.recognised = recognised
        self.valuesNamed = valuesNamed
        self.rationale = rationale
    }

    /// Reads the first JSON object in `reply` (prose or code fences around it are ignored).
    ///
    /// Accepted only when the object has `recognised` as a JSON boolean (`true`/`false`; not `"true"`, `1` or
    /// "yes"), `values_named` absent, null or an array of strings, and `rationale` absent, null or a string.
    /// Anything else — no JSON object at all, a plain "yes", a wrong type — gives the reason it was rejected.
    public static func parse(_ reply: String) -> Result<JudgeReply, JudgeReplyRejection> {
        guard let object = JudgeJSON.firstObject(in: reply) else { return .failure(.noJSONObject) }
        guard let field = object["recognised"] else { return .failure(.missingRecognised) }
        guard case .bool(let recognised) = field else { return .failure(.recognisedNotBoolean) }
        var values: [String] = []
        switch object["values_named"] {
        case nil, .null?: break
        case .array(let elements)?:
            for element in elements {
                guard case .string(let value) = element else { return .failure(.valuesNamedNotStrings) }
                values.append(value)
            }
        default:
            return .failure(.valuesNamedNotStrings)
        }
        var rationale = ""
        switch object["rationale"] {
        case nil, .null?: break
        case .string(let text)?: rationale = text
        default: return .failure(.rationaleNotString)
        }
        return .success(JudgeReply(recognised: recognised, valuesNamed: values, rationale: rationale))
    }
}

/// Why a judge model's reply was not accepted.
public enum JudgeReplyRejection: Error, Sendable, Equatable, CustomStringConvertible {
    case noJSONObject
    case missingRecognised
    case recognisedNotBoolean
    case valuesNamedNotStrings
    case rationaleNotString

    public var description: String {
        switch self {
        case .noJSONObject: "the reply holds no JSON object"
        case .missingRecognised: "the JSON object has no 'recognised' field"
        case .recognisedNotBoolean: "'recognised' is not a JSON boolean (true or false)"
        case .valuesNamedNotStrings: "'values_named' is not an array of strings"
        case .rationaleNotString: "'rationale' is not a string"
        }
    }
}
