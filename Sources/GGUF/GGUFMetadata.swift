/// The key–value metadata of a GGUF file, in file order, with typed accessors that fail with clear errors.
public struct GGUFMetadata: Sendable, Equatable {
    /// Keys in the order they appear in the file.
    public private(set) var keys: [String] = []
    private var values: [String: GGUFValue] = [:]
    /// Where the metadata came from, for error messages.
    public var source: String

    public init(source: String = "<memory>") { self.source = source }

    public var count: Int { keys.count }

    public subscript(key: String) -> GGUFValue? {
        get { values[key] }
        set {
            if let newValue {
                if values.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if values.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    public func contains(_ key: String) -> Bool { values[key] != nil }

    private func missing(_ key: String) -> GGUFError {
        GGUFError(path: source, offset: nil, message: "metadata key '\(key)' is missing")
    }

    private func wrongType(_ key: String, _ expected: String) -> GGUFError {
        let actual = values[key].map { "\($0.type)" } ?? "nothing"
        return GGUFError(path: source, offset: nil, message: "metadata key '\(key)' should be \(expected), found \(actual)")
    }

    public func string(_ key: String) throws(GGUFError) -> String {
        guard let v = values[key] else { throw missing(key) }
        guard let s = v.stringValue else { throw wrongType(key, "a string") }
        return s
    }

    public func optionalString(_ key: String) -> String? { values[key]?.stringValue }

    public func int(_ key: String) throws(GGUFError) -> Int {
        guard let v = values[key] else { throw missing(key) }
        guard let i = v.intValue else { throw wrongType(key, "an integer") }
        return i
    }

    /// The integer at `key`, nil when absent; throws if present with a non-integer type.
    public func optionalInt(_ key: String) throws(GGUFError) -> Int? {
        guard let v = values[key] else { return nil }
        guard let i = v.intValue else { throw wrongType(key, "an integer") }
        return i
    }

    public func double(_ key: String) throws(GGUFError) -> Double {
        guard let v = values[key] else { throw missing(key) }
        guard let d = v.doubleValue else { throw wrongType(key, "a number") }
        return d
    }

    public func optionalDouble(_ key: String) throws(GGUFError) -> Double? {
        guard let v = values[key] else { return nil }
        guard let d = v.doubleValue else { throw wrongType(key, "a number") }
        return d
    }

    public func optionalBool(_ key: String) throws(GGUFError) -> Bool? {
        guard let v = values[key] else { return nil }
        guard let b = v.boolValue else { throw wrongType(key, "a bool") }
        return b
    }

    public func stringArray(_ key: String) throws(GGUFError) -> [String] {
        guard let v = values[key] else { throw missing(key) }
        guard case .array(.strings(let a)) = v else { throw wrongType(key, "an array of strings") }
        return a
    }

    public func floatArray(_ key: String) throws(GGUFError) -> [Float] {
        guard let v = values[key] else { throw missing(key) }
        switch v {
        case .array(.floats(let a)): return a
        case .array(.doubles(let a)): return a.map(Float.init)
        case .array(.integers(_, let a)): return a.map(Float.init)
        default: throw wrongType(key, "an array of numbers")
        }
    }

    public func intArray(_ key: String) throws(GGUFError) -> [Int] {
        guard let v = values[key] else { throw missing(key) }
        guard case .array(.integers(_, let a)) = v else { throw wrongType(key, "an array of integers") }
        return a.map { Int($0) }
    }
}
