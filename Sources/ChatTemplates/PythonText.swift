/// Python's `str()` and `repr()` of template values, which is what Jinja prints.
enum PythonText {
    /// Nesting beyond which containers print as `[...]` / `{...}` (guards against self-containing lists).
    static let maxDepth = 200

    /// `str(value)`; undefined prints as the empty string.
    static func str(_ value: Value) -> String {
        switch value {
        case .undefined: return ""
        case .string(let text): return text
        default: return repr(value, depth: 0)
        }
    }

    /// `repr(value)`.
    static func repr(_ value: Value, depth: Int = 0) -> String {
        switch value {
        case .undefined: return ""
        case .none: return "None"
        case .bool(let flag): return flag ? "True" : "False"
        case .int(let number): return String(number)
        case .double(let number): return float(number)
        case .string(let text): return reprString(text)
        case .list(let box):
            if depth >= maxDepth { return box.isTuple ? "(...)" : "[...]" }
            let inner = box.items.map { repr($0, depth: depth + 1) }.joined(separator: ", ")
            if box.isTuple { return box.items.count == 1 ? "(" + inner + ",)" : "(" + inner + ")" }
            return "[" + inner + "]"
        case .dict(let box):
            if depth >= maxDepth { return "{...}" }
            return "{" + box.entries.map { repr($0.key, depth: depth + 1) + ": " + repr($0.value, depth: depth + 1) }
                .joined(separator: ", ") + "}"
        case .namespace(let box):
            if depth >= maxDepth { return "<Namespace {...}>" }
            return "<Namespace " + repr(.dict(box), depth: depth + 1) + ">"
        case .loop(let state): return "<LoopContext \(state.index0 + 1)/\(state.items.count)>"
        case .function(let function): return "<built-in function \(function.rawValue)>"
        case .macro(let macro): return "<Macro '\(macro.name)'>"
        }
    }

    /// Python's `repr(float)`: shortest round-trip digits, `1e+16` style exponents, `inf`, `nan`.
    static func float(_ number: Double) -> String {
        if number.isNaN { return "nan" }
        if number.isInfinite { return number < 0 ? "-inf" : "inf" }
        // Swift's description already follows the same shortest-digits and exponent thresholds.
        return number.description
    }

    /// Python's `repr(str)`.
    static func reprString(_ text: String) -> String {
        let useDouble = text.contains("'") && !text.contains("\"")
        let quote: Unicode.Scalar = useDouble ? "\"" : "'"
        var out = ""
        out.unicodeScalars.append(quote)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar == quote {
                    out += "\\"
                    out.unicodeScalars.append(scalar)
                } else if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + hex(scalar.value, width: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.unicodeScalars.append(quote)
        return out
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
