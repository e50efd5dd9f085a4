import Foundation

/// The top-level object of a JSON request body, read field by field: every accessor checks the type and range and
/// throws a 400 `APIError` that names the field. Absent and `null` fields read as nil.
struct RequestFields: Sendable {
    let object: [String: JSONValue]
    /// The body as sent, when the fields were read from one (for values whose member order matters: schemas).
    private(set) var body: Data?

    /// Parses `data` as a JSON object.
    init(json data: Data) throws(APIError) {
        body = data
        guard !data.isEmpty else { throw APIError.badJSON("the body is empty") }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            let reason = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            throw APIError.badJSON(Self.oneLine(reason ?? context.debugDescription))
        } catch {
            throw APIError.badJSON("unreadable")
        }
        guard case .object(let object) = value else { throw APIError.badJSON("expected an object, got \(value.typeName)") }
        self.object = object
    }

    init(object: [String: JSONValue]) { self.object = object }

    /// The raw value, nil when absent or null.
    subscript(_ key: String) -> JSONValue? {
        guard let v = object[key], v != .null else { return nil }
        return v
    }

    func string(_ key: String) throws(APIError) -> String? {
        guard let v = self[key] else { return nil }
        guard case .string(let s) = v else { throw APIError.invalid(key, "'\(key)' must be a string, got \(v.typeName)") }
        return s
    }

    func bool(_ key: String) throws(APIError) -> Bool? {
        guard let v = self[key] else { return nil }
        guard case .bool(let b) = v else { throw APIError.invalid(key, "'\(key)' must be a boolean, got \(v.typeName)") }
        return b
    }

    /// An integer in `range`.
    func int(_ key: String, in range: ClosedRange<Int64>) throws(APIError) -> Int? {
        guard let v = self[key] else { return nil }
        guard let i = v.integerValue else { throw APIError.invalid(key, "'\(key)' must be an integer, got \(Self.show(v))") }
        guard range.contains(i) else {
            throw APIError.invalid(key, "'\(key)' must be \(Self.describe(range)), got \(i)")
        }
        return Int(i)
    }

    /// Any 64-bit integer (a seed).
    func int64(_ key: String) throws(APIError) -> Int64? {
        guard let v = self[key] else { return nil }
        guard let i = v.integerValue else { throw APIError.invalid(key, "'\(key)' must be an integer, got \(Self.show(v))") }
        return i
    }

    /// A finite number in `range`.
    func number(_ key: String, in range: ClosedRange<Double>) throws(APIError) -> Double? {
        guard let v = self[key] else { return nil }
        guard let d = v.doubleValue, d.isFinite else { throw APIError.invalid(key, "'\(key)' must be a number, got \(Self.show(v))") }
        guard range.contains(d) else {
            throw APIError.invalid(key, "'\(key)' must be between \(Self.show(range.lowerBound)) and \(Self.show(range.upperBound)), got \(Self.show(d))")
        }
        return d
    }

    /// A string or an array of strings (`stop`, embeddings' `input`).
    func strings(_ key: String) throws(APIError) -> [String]? {
        guard let v = self[key] else { return nil }
        switch v {
        case .string(let s): return [s]
        case .array(let items):
            var out: [String] = []
            for (i, item) in items.enumerated() {
                guard case .string(let s) = item else {
                    throw APIError.invalid(key, "'\(key)[\(i)]' must be a string, got \(item.typeName)")
                }
                out.append(s)
            }
            return out
        default:
            throw APIError.invalid(key, "'\(key)' must be a string or an array of strings, got \(v.typeName)")
        }
    }

    private static func describe(_ range: ClosedRange<Int64>) -> String {
        if range.upperBound == .max { return "≥ \(range.lowerBound)" }
        return "between \(range.lowerBound) and \(range.upperBound)"
    }

    private static func show(_ d: Double) -> String {
        d.rounded() == d && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }

    private static func show(_ v: JSONValue) -> String {
        switch v {
        case .number(let d): show(d)
        case .string(let s): "\"\(s.prefix(40))\""
        default: v.typeName
        }
    }

    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
