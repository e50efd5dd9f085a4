/// A value passed into a template's context: the JSON-like data model of Jinja chat templates.
///
/// Dictionaries keep insertion order (see `TemplateDictionary`) so that `tojson` output matches the order the
/// caller built them in. All literal forms work: `"text"`, `3`, `0.5`, `true`, `nil`, `[...]`, `[key: value]`.
public enum TemplateValue: Sendable, Equatable {
    case none
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([TemplateValue])
    case dictionary(TemplateDictionary)

    /// A dictionary value from key/value pairs in order.
    public static func object(_ pairs: [(String, TemplateValue)]) -> TemplateValue {
        .dictionary(TemplateDictionary(pairs: pairs))
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .none }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .dictionary(TemplateDictionary(pairs: elements))
    }
}
