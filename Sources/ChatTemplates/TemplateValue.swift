/// A value passed into a template's context: the JSON-like data model of Jinja chat templates.
///
/// Dictionaries keep insertion order (see `TemplateDictionary`) so that `tojson` output matches the order the
/// caller built them in. All literal forms work: `"text"`, `3`, `0.5`, `true`, `nil`, `[...]`, `[key: value]`.
public enum TemplateValue: Sendable, Equatable {
    /// Python `None` (Jinja `none`).
    case none
    /// `true` / `false`.
    case bool(Bool)
    /// An integer.
    case int(Int)
    /// A float; prints as Python's `repr(float)`.
    case double(Double)
    /// A string.
    case string(String)
    /// A list.
    case array([TemplateValue])
    /// A dict with ordered string keys.
    case dictionary(TemplateDictionary)

    /// A dictionary value from key/value pairs in order.
    public static func object(_ pairs: [(String, TemplateValue)]) -> TemplateValue {
        .dictionary(TemplateDictionary(pairs: pairs))
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    /// `"text"` → `.string`.
    public init(stringLiteral value: String) { self = .string(value) }
    /// `3` → `.int`.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// `0.5` → `.double`.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// `true` → `.bool`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// `[a, b]` → `.array`.
    public init(arrayLiteral elements: TemplateValue...) { self = .array(elements) }
    /// `nil` → `.none`.
    public init(nilLiteral: ()) { self = .none }
    /// `["k": v, ...]` → `.dictionary`, keeping the written order.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .dictionary(TemplateDictionary(pairs: elements))
    }
}
