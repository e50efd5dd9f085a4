/// Attribute, item and slice access, iteration and length, following Jinja's rules: a missing attribute or
/// item yields an undefined value, while any access *on* an undefined value fails.
enum ValueAccess {
    /// `object.name`
    static func attribute(_ object: Value, _ name: String) throws -> Value {
        switch object {
        case .undefined(let hint):
            throw EvalFailure(hint)
        case .dict(let box), .namespace(let box):
            return box.get(name) ?? .undefined("'\(object.typeName) object' has no attribute '\(name)'")
        case .loop(let state):
            return state.attribute(name) ?? .undefined("'LoopContext' has no attribute '\(name)'")
        default:
            return .undefined("'\(object.typeName) object' has no attribute '\(name)'")
        }
    }

    /// A dotted attribute path as used by `map(attribute=...)`, `selectattr`, `join(attribute=...)`.
    static func path(_ object: Value, _ path: String) throws -> Value {
        var current = object
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            if let index = Int(part) {
                current = try item(current, .int(index))
            } else {
                current = try item(current, .string(String(part)))
            }
        }
        return current
    }

    /// `object[key]`
    static func item(_ object: Value, _ key: Value) throws -> Value {
        switch object {
        case .undefined(let hint):
            throw EvalFailure(hint)
        case .list(let box):
            guard let index = integer(key) else { return missing(object, key) }
            let resolved = index < 0 ? index + box.items.count : index
            guard resolved >= 0, resolved < box.items.count else { return missing(object, key) }
            return box.items[resolved]
        case .string(let text):
            guard let index = integer(key) else { return missing(object, key) }
            let scalars = Array(text.unicodeScalars)
            let resolved = index < 0 ? index + scalars.count : index
            guard resolved >= 0, resolved < scalars.count else { return missing(object, key) }
            return .string(String(Character(scalars[resolved])))
        case .dict(let box), .namespace(let box):
            return box.get(key) ?? missing(object, key)
        case .loop:
            if case .string(let name) = key { return try attribute(object, name) }
            return missing(object, key)
        default:
            return missing(object, key)
        }
    }

    private static func missing(_ object: Value, _ key: Value) -> Value {
        .undefined("'\(object.typeName) object' has no attribute or element \(PythonText.repr(key))")
    }

    private static func integer(_ key: Value) -> Int? {
        switch key {
        case .int(let number): return number
        case .bool(let flag): return flag ? 1 : 0
        default: return nil
        }
    }

    /// Python slice indices for a sequence of `count` elements.
    static func sliceIndices(count: Int, start: Int?, stop: Int?, step: Int?) throws -> [Int] {
        let step = step ?? 1
        guard step != 0 else { throw EvalFailure("slice step cannot be zero") }
        func clamp(_ value: Int?, _ defaultValue: Int, low: Int, high: Int) -> Int {
            guard var value else { return defaultValue }
            if value < 0 { value += count }
            return min(max(value, low), high)
        }
        var indices: [Int] = []
        if step > 0 {
            let lower = clamp(start, 0, low: 0, high: count)
            let upper = clamp(stop, count, low: 0, high: count)
            var index = lower
            while index < upper {
                indices.append(index)
                index += step
            }
        } else {
            let upper = clamp(start, count - 1, low: -1, high: count - 1)
            let lower = clamp(stop, -1, low: -1, high: count - 1)
            var index = upper
            while index > lower {
                indices.append(index)
                index += step
            }
        }
        return indices
    }

    /// `object[start:stop:step]`
    static func slice(_ object: Value, _ start: Value?, _ stop: Value?, _ step: Value?) throws -> Value {
        func bound(_ value: Value?) throws -> Int? {
            guard let value else { return nil }
            switch value {
            case .none: return nil
            case .int(let number): return number
            case .bool(let flag): return flag ? 1 : 0
            default: throw EvalFailure("slice indices must be integers or None, not \(value.typeName)")
            }
        }
        let (first, last, stride) = (try bound(start), try bound(stop), try bound(step))
        switch object {
        case .undefined(let hint):
            throw EvalFailure(hint)
        case .list(let box):
            let indices = try sliceIndices(count: box.items.count, start: first, stop: last, step: stride)
            return .list(ListBox(indices.map { box.items[$0] }, isTuple: box.isTuple))
        case .string(let text):
            let scalars = Array(text.unicodeScalars)
            let indices = try sliceIndices(count: scalars.count, start: first, stop: last, step: stride)
            return .string(PythonString.string(indices.map { scalars[$0] }))
        default:
            throw EvalFailure("'\(object.typeName)' object is not subscriptable")
        }
    }

    /// The elements `for` iterates: list items, dict keys, string characters; nothing for undefined.
    static func iterate(_ value: Value) throws -> [Value] {
        switch value {
        case .undefined: return []
        case .list(let box): return box.items
        case .dict(let box): return box.keys
        case .string(let text): return text.unicodeScalars.map { .string(String(Character($0))) }
        default: throw EvalFailure("'\(value.typeName)' object is not iterable")
        }
    }

    /// `len(value)`; undefined has length 0.
    static func length(_ value: Value) throws -> Int {
        switch value {
        case .undefined: return 0
        case .list(let box): return box.items.count
        case .dict(let box), .namespace(let box): return box.count
        case .string(let text): return text.unicodeScalars.count
        default: throw EvalFailure("object of type '\(value.typeName)' has no len()")
        }
    }
}
