/// A runtime value while rendering. Lists, dicts and namespaces are shared references, as in Python, so that
/// `list.append(...)` and `set ns.attr = ...` are seen by every holder of the value.
enum Value {
    /// A missing variable, attribute or item; `hint` names what was looked up.
    case undefined(String)
    case none
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list(ListBox)
    case dict(DictBox)
    case namespace(DictBox)
    case loop(LoopState)
    case function(BuiltinFunction)
    case macro(Macro)

    /// Python truthiness.
    var isTruthy: Bool {
        switch self {
        case .undefined, .none: return false
        case .bool(let value): return value
        case .int(let value): return value != 0
        case .double(let value): return value != 0
        case .string(let value): return !value.isEmpty
        case .list(let box): return !box.items.isEmpty
        case .dict(let box): return box.count > 0
        case .namespace, .loop, .function, .macro: return true
        }
    }

    var isUndefined: Bool {
        if case .undefined = self { return true }
        return false
    }

    /// The Python type name, for error messages.
    var typeName: String {
        switch self {
        case .undefined: return "undefined"
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "float"
        case .string: return "str"
        case .list: return "list"
        case .dict: return "dict"
        case .namespace: return "Namespace"
        case .loop: return "LoopContext"
        case .function, .macro: return "function"
        }
    }

    /// A fresh list value.
    static func makeList(_ items: [Value]) -> Value { .list(ListBox(items)) }

    /// A fresh tuple value.
    static func makeTuple(_ items: [Value]) -> Value { .list(ListBox(items, isTuple: true)) }

    /// Converts a public value (deep copy).
    init(_ value: TemplateValue) {
        switch value {
        case .none: self = .none
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .int(number)
        case .double(let number): self = .double(number)
        case .string(let text): self = .string(text)
        case .array(let items): self = .list(ListBox(items.map(Value.init)))
        case .dictionary(let dictionary):
            let box = DictBox()
            for (key, item) in dictionary { box.set(.string(key), Value(item)) }
            self = .dict(box)
        }
    }
}
