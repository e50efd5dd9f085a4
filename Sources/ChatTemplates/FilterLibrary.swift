import Foundation

/// Jinja's built-in filters (`value | name(args)`), with Hugging Face's `tojson`.
enum FilterLibrary {
    static let names: Set<String> = [
        "abs", "attr", "capitalize", "count", "d", "default", "dictsort", "e", "escape", "first", "float",
        "indent", "int", "items", "join", "last", "length", "list", "lower", "map", "max", "min", "reject",
        "rejectattr", "replace", "reverse", "round", "safe", "select", "selectattr", "sort", "string", "sum",
        "title", "tojson", "trim", "unique", "upper", "wordcount",
    ]

    static func apply(_ name: String, _ value: Value, _ arguments: CallArguments, limit: Int) throws -> Value {
        let what = "filter '\(name)'"
        switch name {
        case "abs":
            try arguments.check(what, accepts: [])
            switch value {
            case .int(let number):
                guard number != Int.min else { throw EvalFailure("integer overflow") }
                return .int(abs(number))
            case .bool(let flag): return .int(flag ? 1 : 0)
            case .double(let number): return .double(abs(number))
            default: throw EvalFailure("bad operand type for abs(): '\(value.typeName)'")
            }
        case "attr":
            try arguments.check(what, accepts: ["name"])
            guard let attribute = try arguments.string(0, "name", in: what) else { throw EvalFailure("\(what) needs a name") }
            // Python attribute lookup: dict keys are not attributes.
            if case .dict = value { return .undefined("'dict object' has no attribute '\(attribute)'") }
            return try ValueAccess.attribute(value, attribute)
        case "capitalize":
            try arguments.check(what, accepts: [])
            return .string(PythonString.capitalize(PythonText.str(value)))
        case "count", "length":
            try arguments.check(what, accepts: [])
            return .int(try ValueAccess.length(value))
        case "d", "default":
            try arguments.check(what, accepts: ["default_value", "boolean"])
            let fallback = arguments.value(0, "default_value") ?? .string("")
            let useFalsy = arguments.bool(1, "boolean") ?? false
            if value.isUndefined || (useFalsy && !value.isTruthy) { return fallback }
            return value
        case "dictsort":
            try arguments.check(what, accepts: ["case_sensitive", "by", "reverse"])
            guard case .dict(let box) = value else { throw EvalFailure("\(what) needs a mapping, not \(value.typeName)") }
            let caseSensitive = arguments.bool(0, "case_sensitive") ?? false
            let byValue = try arguments.string(1, "by", in: what) == "value"
            let reverse = arguments.bool(2, "reverse") ?? false
            var pairs = box.entries
            try pairs.sort { a, b in
                let x = sortKey(byValue ? a.value : a.key, caseSensitive: caseSensitive)
                let y = sortKey(byValue ? b.value : b.key, caseSensitive: caseSensitive)
                return reverse ? try Operators.less(y, x) : try Operators.less(x, y)
            }
            return Value.makeList(pairs.map { Value.makeTuple([$0.key, $0.value]) })
        case "e", "escape":
            try arguments.check(what, accepts: [])
            return .string(htmlEscape(PythonText.str(value)))
        case "first", "last":
            try arguments.check(what, accepts: [])
            let items = try ValueAccess.iterate(value)
            return (name == "first" ? items.first : items.last) ?? .undefined("\(what) of an empty sequence")
        case "float":
            try arguments.check(what, accepts: ["default"])
            let fallback = arguments.value(0, "default") ?? .double(0)
            switch value {
            case .double: return value
            case .int(let number): return .double(Double(number))
            case .bool(let flag): return .double(flag ? 1 : 0)
            case .string(let text):
                return Double(PythonString.strip(text, nil, leading: true, trailing: true)).map(Value.double) ?? fallback
            default: return fallback
            }
        case "indent":
            try arguments.check(what, accepts: ["width", "first", "blank"])
            let indentation: String
            switch arguments.value(0, "width") {
            case .string(let text): indentation = text
            case .some(let width): indentation = String(repeating: " ", count: max(0, min(intValue(width) ?? 4, 1000)))
            case nil: indentation = "    "
            }
            return .string(indent(PythonText.str(value), indentation, first: arguments.bool(1, "first") ?? false, blank: arguments.bool(2, "blank") ?? false))
        case "int":
            try arguments.check(what, accepts: ["default", "base"])
            let fallback = arguments.value(0, "default") ?? .int(0)
            let base = try arguments.int(1, "base", in: what) ?? 10
            switch value {
            case .int: return value
            case .bool(let flag): return .int(flag ? 1 : 0)
            case .double(let number):
                guard number.isFinite, let truncated = Int(exactly: number.rounded(.towardZero)) else { return fallback }
                return .int(truncated)
            case .string(let text):
                let trimmed = PythonString.strip(text, nil, leading: true, trailing: true).replacingOccurrences(of: "_", with: "")
                var digits = trimmed
                var radix = base
                var negative = false
                if digits.hasPrefix("-") || digits.hasPrefix("+") {
                    negative = digits.hasPrefix("-")
                    digits.removeFirst()
                }
                let lowered = digits.lowercased()
                for (prefix, prefixBase) in [("0x", 16), ("0o", 8), ("0b", 2)] where lowered.hasPrefix(prefix) && (base == prefixBase || base == 0) {
                    digits.removeFirst(2)
                    radix = prefixBase
                }
                if radix == 0 { radix = 10 }
                guard (2...36).contains(radix) else { return fallback }
                if !digits.isEmpty, !digits.hasPrefix("-"), !digits.hasPrefix("+"), let number = Int(digits, radix: radix) {
                    return .int(negative ? -number : number)
                }
                if base == 10, let number = Double(trimmed), number.isFinite, let truncated = Int(exactly: number.rounded(.towardZero)) {
                    return .int(truncated)
                }
                return fallback
            default: return fallback
            }
        case "items":
            try arguments.check(what, accepts: [])
            switch value {
            case .undefined: return Value.makeList([])
            case .dict(let box): return Value.makeList(box.entries.map { Value.makeTuple([$0.key, $0.value]) })
            default: throw EvalFailure("\(what): can only get item pairs from a mapping, not \(value.typeName)")
            }
        case "join":
            try arguments.check(what, accepts: ["d", "attribute"])
            let separator = PythonText.str(arguments.value(0, "d") ?? .string(""))
            var items = try ValueAccess.iterate(value)
            if let attribute = try arguments.string(1, "attribute", in: what) {
                items = try items.map { try ValueAccess.path($0, attribute) }
            }
            let text = items.map(PythonText.str).joined(separator: separator)
            if text.unicodeScalars.count > limit { throw EvalFailure("value too large") }
            return .string(text)
        case "list":
            try arguments.check(what, accepts: [])
            return Value.makeList(try ValueAccess.iterate(value))
        case "lower":
            try arguments.check(what, accepts: [])
            return .string(PythonText.str(value).lowercased())
        case "upper":
            try arguments.check(what, accepts: [])
            return .string(PythonText.str(value).uppercased())
        case "map":
            return try map(value, arguments, limit: limit)
        case "max", "min":
            try arguments.check(what, accepts: ["case_sensitive", "attribute"])
            let caseSensitive = arguments.bool(0, "case_sensitive") ?? false
            let attribute = try arguments.string(1, "attribute", in: what)
            var best: (Value, Value)?
            for item in try ValueAccess.iterate(value) {
                let key = sortKey(attribute.map { (try? ValueAccess.path(item, $0)) ?? .none } ?? item, caseSensitive: caseSensitive)
                if let current = best {
                    let better = name == "max" ? try Operators.less(current.1, key) : try Operators.less(key, current.1)
                    if better { best = (item, key) }
                } else {
                    best = (item, key)
                }
            }
            return best?.0 ?? .undefined("\(what) of an empty sequence")
        case "reject", "select", "rejectattr", "selectattr":
            return try select(name, value, arguments)
        case "replace":
            try arguments.check(what, accepts: ["old", "new", "count"])
            guard let old = arguments.value(0, "old"), let new = arguments.value(1, "new") else {
                throw EvalFailure("\(what) needs 'old' and 'new'")
            }
            let count = try arguments.int(2, "count", in: what) ?? -1
            return .string(try PythonString.replace(PythonText.str(value), PythonText.str(old), PythonText.str(new), count: count, limit: limit))
        case "reverse":
            try arguments.check(what, accepts: [])
            if case .string(let text) = value { return .string(PythonString.string(text.unicodeScalars.reversed())) }
            return Value.makeList(try ValueAccess.iterate(value).reversed())
        case "round":
            try arguments.check(what, accepts: ["precision", "method"])
            let precision = max(-300, min(try arguments.int(0, "precision", in: what) ?? 0, 300))
            let method = try arguments.string(1, "method", in: what) ?? "common"
            let number: Double
            switch value {
            case .int(let whole):
                // Python's round() keeps ints as ints.
                if method == "common" && precision >= 0 { return value }
                number = Double(whole)
            case .bool(let flag): number = flag ? 1 : 0
            case .double(let real): number = real
            default: throw EvalFailure("\(what) needs a number, not \(value.typeName)")
            }
            guard number.isFinite else { return .double(number) }
            let scale = pow(10.0, Double(precision))
            switch method {
            case "common":
                if precision >= 0 {
                    // Correctly rounded decimal rounding of the exact binary value, ties to even (as Python).
                    let text = String(format: "%.\(precision)f", number)
                    return .double(Double(text) ?? number)
                }
                let rounded = (number * scale).rounded(.toNearestOrEven) / scale
                if case .int = value, let whole = Int(exactly: rounded) { return .int(whole) }
                return .double(rounded)
            case "ceil": return .double((number * scale).rounded(.up) / scale)
            case "floor": return .double((number * scale).rounded(.down) / scale)
            default: throw EvalFailure("\(what): method must be 'common', 'ceil' or 'floor'")
            }
        case "safe", "string":
            try arguments.check(what, accepts: [])
            return .string(PythonText.str(value))
        case "sort":
            try arguments.check(what, accepts: ["reverse", "case_sensitive", "attribute"])
            let reverse = arguments.bool(0, "reverse") ?? false
            let caseSensitive = arguments.bool(1, "case_sensitive") ?? false
            let attribute = try arguments.string(2, "attribute", in: what)
            var keyed = try ValueAccess.iterate(value).map { item in
                (item, sortKey(try attribute.map { try ValueAccess.path(item, $0) } ?? item, caseSensitive: caseSensitive))
            }
            try keyed.sort { reverse ? try Operators.less($1.1, $0.1) : try Operators.less($0.1, $1.1) }
            return Value.makeList(keyed.map(\.0))
        case "sum":
            try arguments.check(what, accepts: ["attribute", "start"])
            var total = arguments.value(1, "start") ?? .int(0)
            let attribute = try arguments.string(0, "attribute", in: what)
            for item in try ValueAccess.iterate(value) {
                let term = try attribute.map { try ValueAccess.path(item, $0) } ?? item
                total = try Operators.binary(.add, total, term, limit: limit)
            }
            return total
        case "title":
            try arguments.check(what, accepts: [])
            return .string(PythonString.jinjaTitle(PythonText.str(value)))
        case "tojson":
            try arguments.check(what, accepts: ["indent", "ensure_ascii", "separators", "sort_keys"])
            var writer = JSONWriter(indent: nil)
            switch arguments.value(0, "indent") {
            case .some(.string(let text)): writer = JSONWriter(indent: text)
            case .some(.int(let width)): writer = JSONWriter(indent: String(repeating: " ", count: max(0, min(width, 1000))))
            case nil, .some(.none), .some(.undefined): break
            case .some(let other): throw EvalFailure("\(what): indent must be an integer or string, not \(other.typeName)")
            }
            writer.ensureASCII = arguments.bool(1, "ensure_ascii") ?? false
            if let separators = arguments.value(2, "separators"), case .list(let box) = separators {
                guard box.items.count == 2, case .string(let item) = box.items[0], case .string(let key) = box.items[1] else {
                    throw EvalFailure("\(what): separators must be a pair of strings")
                }
                writer.itemSeparator = item
                writer.keySeparator = key
            }
            writer.sortKeys = arguments.bool(3, "sort_keys") ?? false
            let text = try writer.write(value)
            if text.unicodeScalars.count > limit { throw EvalFailure("value too large") }
            return .string(text)
        case "trim":
            try arguments.check(what, accepts: ["chars"])
            let chars = try arguments.string(0, "chars", in: what)
            return .string(PythonString.strip(PythonText.str(value), chars, leading: true, trailing: true))
        case "unique":
            try arguments.check(what, accepts: ["case_sensitive", "attribute"])
            let caseSensitive = arguments.bool(0, "case_sensitive") ?? false
            let attribute = try arguments.string(1, "attribute", in: what)
            var seen: [Value] = []
            var result: [Value] = []
            for item in try ValueAccess.iterate(value) {
                let key = sortKey(try attribute.map { try ValueAccess.path(item, $0) } ?? item, caseSensitive: caseSensitive)
                if !seen.contains(where: { Operators.equal($0, key) }) {
                    seen.append(key)
                    result.append(item)
                }
            }
            return Value.makeList(result)
        case "wordcount":
            try arguments.check(what, accepts: [])
            let words = PythonText.str(value).unicodeScalars.split { !($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_") }
            return .int(words.count)
        default:
            throw EvalFailure("unknown filter '\(name)'")
        }
    }

    private static func intValue(_ value: Value) -> Int? {
        switch value {
        case .int(let number): return number
        case .bool(let flag): return flag ? 1 : 0
        default: return nil
        }
    }

    /// Case folding used by `sort`, `unique`, `min`, `max`, `dictsort` unless `case_sensitive`.
    private static func sortKey(_ value: Value, caseSensitive: Bool) -> Value {
        if !caseSensitive, case .string(let text) = value { return .string(text.lowercased()) }
        return value
    }

    static func htmlEscape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&#34;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Jinja's `indent`: indent every line but the first (and blank lines only with `blank`).
    private static func indent(_ text: String, _ indentation: String, first: Bool, blank: Bool) -> String {
        var lines = (text + "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeLast()
        var result: String
        if blank {
            result = lines.joined(separator: "\n" + indentation)
        } else {
            result = lines.isEmpty ? "" : lines.removeFirst()
            if !lines.isEmpty {
                result += "\n" + lines.map { $0.isEmpty ? $0 : indentation + $0 }.joined(separator: "\n")
            }
        }
        return first ? indentation + result : result
    }

    private static func map(_ value: Value, _ arguments: CallArguments, limit: Int) throws -> Value {
        let items = try ValueAccess.iterate(value)
        if let attribute = arguments.keywords.first(where: { $0.name == "attribute" })?.value {
            let path = PythonText.str(attribute)
            let fallback = arguments.keywords.first { $0.name == "default" }?.value
            return Value.makeList(try items.map { item in
                let found = try ValueAccess.path(item, path)
                if found.isUndefined, let fallback { return fallback }
                return found
            })
        }
        guard case .string(let filter)? = arguments.positional.first else {
            throw EvalFailure("filter 'map' needs a filter name or attribute=")
        }
        guard names.contains(filter) else { throw EvalFailure("unknown filter '\(filter)'") }
        var rest = arguments
        rest.positional.removeFirst()
        return Value.makeList(try items.map { try apply(filter, $0, rest, limit: limit) })
    }

    private static func select(_ name: String, _ value: Value, _ arguments: CallArguments) throws -> Value {
        let byAttribute = name.hasSuffix("attr")
        let keep = name.hasPrefix("select")
        var rest = arguments
        var attribute: String?
        if byAttribute {
            guard case .string(let path)? = rest.positional.first else { throw EvalFailure("filter '\(name)' needs an attribute name") }
            attribute = path
            rest.positional.removeFirst()
        }
        var test: String?
        if let first = rest.positional.first {
            guard case .string(let testName) = first else { throw EvalFailure("filter '\(name)': test name must be a string") }
            guard TestLibrary.names.contains(testName) else { throw EvalFailure("unknown test '\(testName)'") }
            test = testName
            rest.positional.removeFirst()
        }
        var result: [Value] = []
        let items: [Value]
        if case .none = value { items = [] } else { items = try ValueAccess.iterate(value) }
        for item in items {
            let subject = try attribute.map { try ValueAccess.path(item, $0) } ?? item
            let passed = try test.map { try TestLibrary.apply($0, subject, rest) } ?? subject.isTruthy
            if passed == keep { result.append(item) }
        }
        return Value.makeList(result)
    }
}
