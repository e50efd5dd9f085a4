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

/// A mutable list shared by reference.
final class ListBox {
    var items: [Value]
    /// A Python tuple (from a tuple literal, `items()` or `dictsort`): prints as `(a, b)`.
    let isTuple: Bool
    init(_ items: [Value] = [], isTuple: Bool = false) {
        self.items = items
        self.isTuple = isTuple
    }
}

/// The hashable identity of a dict key (Python: `1 == 1.0 == True` share a key).
enum DictKey: Hashable {
    case string(String)
    case int(Int)
    case double(UInt64)
    case none

    init?(_ value: Value) {
        switch value {
        case .string(let text): self = .string(text)
        case .int(let number): self = .int(number)
        case .bool(let flag): self = .int(flag ? 1 : 0)
        case .double(let number):
            if number.rounded() == number, let exact = Int(exactly: number) { self = .int(exact) } else { self = .double(number.bitPattern) }
        case .none: self = .none
        default: return nil
        }
    }
}

/// A mutable dict that keeps insertion order, shared by reference.
final class DictBox {
    private(set) var keys: [Value] = []
    private var values: [Value] = []
    private var indexByKey: [DictKey: Int] = [:]

    var count: Int { keys.count }

    /// Key/value pairs in insertion order.
    var entries: [(key: Value, value: Value)] {
        var result: [(key: Value, value: Value)] = []
        result.reserveCapacity(keys.count)
        for position in keys.indices { result.append((keys[position], values[position])) }
        return result
    }

    func get(_ key: Value) -> Value? {
        guard let hashed = DictKey(key), let position = indexByKey[hashed] else { return nil }
        return values[position]
    }

    func get(_ key: String) -> Value? {
        guard let position = indexByKey[.string(key)] else { return nil }
        return values[position]
    }

    /// Inserts or replaces (keeping the original position); returns false when the key is not hashable.
    @discardableResult
    func set(_ key: Value, _ value: Value) -> Bool {
        guard let hashed = DictKey(key) else { return false }
        if let position = indexByKey[hashed] {
            values[position] = value
        } else {
            indexByKey[hashed] = keys.count
            keys.append(key)
            values.append(value)
        }
        return true
    }

    func remove(_ key: Value) -> Value? {
        guard let hashed = DictKey(key), let position = indexByKey[hashed] else { return nil }
        let removed = values[position]
        keys.remove(at: position)
        values.remove(at: position)
        indexByKey = [:]
        for (index, existing) in keys.enumerated() {
            if let keyHash = DictKey(existing) { indexByKey[keyHash] = index }
        }
        return removed
    }

    func copy() -> DictBox {
        let clone = DictBox()
        clone.keys = keys
        clone.values = values
        clone.indexByKey = indexByKey
        return clone
    }
}

/// The `loop` variable of a `for` block.
final class LoopState {
    let items: [Value]
    var index0 = 0
    init(items: [Value]) { self.items = items }

    func attribute(_ name: String) -> Value? {
        let length = items.count
        switch name {
        case "index": return .int(index0 + 1)
        case "index0": return .int(index0)
        case "revindex": return .int(length - index0)
        case "revindex0": return .int(length - index0 - 1)
        case "first": return .bool(index0 == 0)
        case "last": return .bool(index0 == length - 1)
        case "length": return .int(length)
        case "depth": return .int(1)
        case "depth0": return .int(0)
        case "previtem": return index0 > 0 ? items[index0 - 1] : .undefined("loop.previtem")
        case "nextitem": return index0 + 1 < length ? items[index0 + 1] : .undefined("loop.nextitem")
        default: return nil
        }
    }
}

/// A `{% macro %}`: its parameters, body and the scope it was defined in.
final class Macro {
    let name: String
    let parameters: [Statement.Parameter]
    let body: [Statement]
    let scope: Scope
    init(name: String, parameters: [Statement.Parameter], body: [Statement], scope: Scope) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.scope = scope
    }
}

/// Global functions available to every template.
enum BuiltinFunction: String, CaseIterable {
    case range
    case namespace
    case raiseException = "raise_exception"
    case strftimeNow = "strftime_now"
    case dict
}

/// A variable scope: the template top level, one loop iteration, or one macro call.
final class Scope {
    private var variables: [String: Value]
    let parent: Scope?

    init(_ variables: [String: Value] = [:], parent: Scope?) {
        self.variables = variables
        self.parent = parent
    }

    func lookup(_ name: String) -> Value? {
        var scope: Scope? = self
        while let current = scope {
            if let value = current.variables[name] { return value }
            scope = current.parent
        }
        return nil
    }

    func assign(_ name: String, _ value: Value) {
        variables[name] = value
    }
}
