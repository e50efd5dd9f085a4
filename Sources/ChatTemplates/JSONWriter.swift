/// Serialises values the way Hugging Face's `tojson` filter does: Python `json.dumps(value,
/// ensure_ascii=False, indent=indent, separators=separators, sort_keys=sort_keys)`, keeping dict order.
struct JSONWriter {
    /// Indentation per level; `nil` writes everything on one line.
    var indent: String?
    var itemSeparator: String
    var keySeparator: String
    var sortKeys = false
    var ensureASCII = false

    /// Python's defaults: `", "` between items on one line, `","` when indenting; `": "` after keys.
    init(indent: String?) {
        self.indent = indent
        itemSeparator = indent == nil ? ", " : ","
        keySeparator = ": "
    }

    func write(_ value: Value) throws(EvalFailure) -> String {
        var out = ""
        try write(value, into: &out, depth: 0)
        return out
    }

    private func newline(_ out: inout String, depth: Int) {
        guard let indent else { return }
        out += "\n"
        for _ in 0..<depth { out += indent }
    }

    private func write(_ value: Value, into out: inout String, depth: Int) throws(EvalFailure) {
        if depth > PythonText.maxDepth { throw EvalFailure("tojson: value nested too deeply (circular reference?)") }
        switch value {
        case .none: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .int(let number): out += String(number)
        case .double(let number):
            if number.isNaN { out += "NaN" } else if number.isInfinite { out += number < 0 ? "-Infinity" : "Infinity" } else {
                out += PythonText.float(number)
            }
        case .string(let text): writeString(text, into: &out)
        case .list(let box):
            if box.items.isEmpty { out += "[]"; return }
            out += "["
            for (position, item) in box.items.enumerated() {
                if position > 0 { out += itemSeparator }
                newline(&out, depth: depth + 1)
                try write(item, into: &out, depth: depth + 1)
            }
            newline(&out, depth: depth)
            out += "]"
        case .dict(let box), .namespace(let box):
            if box.count == 0 { out += "{}"; return }
            var entries: [(key: String, value: Value)] = []
            for (key, item) in box.entries {
                entries.append((try keyString(key), item))
            }
            if sortKeys { entries.sort { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) } }
            out += "{"
            for (position, entry) in entries.enumerated() {
                if position > 0 { out += itemSeparator }
                newline(&out, depth: depth + 1)
                writeString(entry.key, into: &out)
                out += keySeparator
                try write(entry.value, into: &out, depth: depth + 1)
            }
            newline(&out, depth: depth)
            out += "}"
        case .undefined(let hint):
            throw EvalFailure("tojson: cannot serialise an undefined value (\(hint))")
        case .loop, .function, .macro:
            throw EvalFailure("tojson: object of type '\(value.typeName)' is not JSON serializable")
        }
    }

    /// JSON object keys: strings as they are; numbers, booleans and None converted as Python does.
    private func keyString(_ key: Value) throws(EvalFailure) -> String {
        switch key {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .double(let number): return PythonText.float(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .none: return "null"
        default: throw EvalFailure("tojson: keys must be str, int, float, bool or None, not \(key.typeName)")
        }
    }

    private func writeString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + PythonText.hex(scalar.value, width: 4)
                } else if ensureASCII && scalar.value > 0x7E {
                    if scalar.value > 0xFFFF {
                        let offset = scalar.value - 0x10000
                        out += "\\u" + PythonText.hex(0xD800 + (offset >> 10), width: 4)
                        out += "\\u" + PythonText.hex(0xDC00 + (offset & 0x3FF), width: 4)
                    } else {
                        out += "\\u" + PythonText.hex(scalar.value, width: 4)
                    }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
