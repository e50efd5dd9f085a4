/// A string-keyed dictionary that keeps insertion order (as Python's `dict` does), so that `tojson` and
/// iteration reproduce the order the caller gave.
///
/// Equality ignores order, like Python's. Dictionary literals keep their written order:
/// `let d: TemplateDictionary = ["role": "user", "content": "Hi"]`.
public struct TemplateDictionary: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    /// One entry.
    public typealias Element = (key: String, value: TemplateValue)

    private var storedKeys: [String] = []
    private var storage: [String: TemplateValue] = [:]

    /// An empty dictionary.
    public init() {}

    /// Entries in the given order; a repeated key keeps its first position and its last value.
    public init(pairs: [(String, TemplateValue)]) {
        for (key, value) in pairs { self[key] = value }
    }

    /// Entries from a Swift dictionary, which has no order: keys are sorted.
    public init(_ dictionary: [String: TemplateValue]) {
        for key in dictionary.keys.sorted() { self[key] = dictionary[key] }
    }

    /// Entries in the written order.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(pairs: elements)
    }

    /// Keys in insertion order.
    public var keys: [String] { storedKeys }

    /// Number of entries.
    public var count: Int { storedKeys.count }

    /// Whether there are no entries.
    public var isEmpty: Bool { storedKeys.isEmpty }

    /// Reads, inserts (at the end), replaces (in place) or removes (with `nil`) an entry.
    public subscript(key: String) -> TemplateValue? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { storedKeys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                storedKeys.removeAll { $0 == key }
            }
        }
    }

    /// Iterates entries in insertion order.
    public func makeIterator() -> AnyIterator<Element> {
        var position = 0
        let keys = storedKeys
        let storage = storage
        return AnyIterator {
            guard position < keys.count else { return nil }
            let key = keys[position]
            position += 1
            return (key, storage[key] ?? .none)
        }
    }

    /// Same keys with equal values, in any order (as Python compares dicts).
    public static func == (lhs: TemplateDictionary, rhs: TemplateDictionary) -> Bool {
        lhs.storage == rhs.storage
    }
}
