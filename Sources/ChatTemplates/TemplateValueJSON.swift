extension TemplateValue {
    /// Parses JSON text (RFC 8259) into a value, keeping object key order; integers that fit in `Int` become
    /// `.int`, other numbers `.double`. Throws a `TemplateError` of kind `.syntax` with the line:column of the
    /// first problem.
    public init(json text: String) throws {
        var parser = JSONTextParser(text)
        self = try parser.parseDocument()
    }
}

/// A small recursive-descent JSON parser over Unicode scalars, depth-limited.
struct JSONTextParser {
    private let scalars: [Unicode.Scalar]
    private let map: SourceMap
    private var position = 0
    private static let maxDepth = 256

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        map = SourceMap(scalars)
    }

    private func error(_ message: String) -> TemplateError {
        map.error(.syntax, "invalid JSON: \(message)", at: position)
    }

    private mutating func skipWhitespace() {
        while position < scalars.count, [" ", "\t", "\n", "\r"].contains(scalars[position]) { position += 1 }
    }

    mutating func parseDocument() throws -> TemplateValue {
        let value = try parseValue(depth: 0)
        skipWhitespace()
        guard position == scalars.count else { throw error("unexpected text after the value") }
        return value
    }

    private mutating func expect(_ word: String) throws {
        for scalar in word.unicodeScalars {
            guard position < scalars.count, scalars[position] == scalar else { throw error("expected '\(word)'") }
            position += 1
        }
    }

    private mutating func parseValue(depth: Int) throws -> TemplateValue {
        guard depth < Self.maxDepth else { throw error("nested too deeply") }
        skipWhitespace()
        guard position < scalars.count else { throw error("unexpected end of input") }
        switch scalars[position] {
        case "{":
            position += 1
            var dictionary = TemplateDictionary()
            skipWhitespace()
            if position < scalars.count, scalars[position] == "}" { position += 1; return .dictionary(dictionary) }
            while true {
                skipWhitespace()
                guard position < scalars.count, scalars[position] == "\"" else { throw error("expected a string key") }
                let key = try parseString()
                skipWhitespace()
                try expect(":")
                dictionary[key] = try parseValue(depth: depth + 1)
                skipWhitespace()
                guard position < scalars.count else { throw error("unterminated object") }
                if scalars[position] == "," { position += 1; continue }
                if scalars[position] == "}" { position += 1; return .dictionary(dictionary) }
                throw error("expected ',' or '}'")
            }
        case "[":
            position += 1
            var items: [TemplateValue] = []
            skipWhitespace()
            if position < scalars.count, scalars[position] == "]" { position += 1; return .array(items) }
            while true {
                items.append(try parseValue(depth: depth + 1))
                skipWhitespace()
                guard position < scalars.count else { throw error("unterminated array") }
                if scalars[position] == "," { position += 1; continue }
                if scalars[position] == "]" { position += 1; return .array(items) }
                throw error("expected ',' or ']'")
            }
        case "\"":
            return .string(try parseString())
        case "t":
            try expect("true")
            return .bool(true)
        case "f":
            try expect("false")
            return .bool(false)
        case "n":
            try expect("null")
            return .none
        default:
            return try parseNumber()
        }
    }

    private mutating func parseNumber() throws -> TemplateValue {
        let start = position
        var text = ""
        var isInteger = true
        func take() { text.unicodeScalars.append(scalars[position]); position += 1 }
        func digits() -> Int {
            var count = 0
            while position < scalars.count, ("0"..."9").contains(scalars[position]) { take(); count += 1 }
            return count
        }
        if position < scalars.count, scalars[position] == "-" { take() }
        guard digits() > 0 else { position = start; throw error("unexpected character") }
        if position < scalars.count, scalars[position] == "." {
            isInteger = false
            take()
            guard digits() > 0 else { throw error("digits expected after '.'") }
        }
        if position < scalars.count, scalars[position] == "e" || scalars[position] == "E" {
            isInteger = false
            take()
            if position < scalars.count, scalars[position] == "+" || scalars[position] == "-" { take() }
            guard digits() > 0 else { throw error("digits expected in exponent") }
        }
        if isInteger, let number = Int(text) { return .int(number) }
        guard let number = Double(text) else { throw error("invalid number") }
        return .double(number)
    }

    private mutating func parseHex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < scalars.count, let digit = Int(String(Character(scalars[position])), radix: 16) else {
                throw error("invalid \\u escape")
            }
            value = value * 16 + UInt32(digit)
            position += 1
        }
        return value
    }

    private mutating func parseString() throws -> String {
        position += 1
        var out = ""
        while position < scalars.count {
            let scalar = scalars[position]
            position += 1
            switch scalar {
            case "\"": return out
            case "\\":
                guard position < scalars.count else { throw error("unterminated string") }
                let escape = scalars[position]
                position += 1
                switch escape {
                case "\"": out += "\""
                case "\\": out += "\\"
                case "/": out += "/"
                case "b": out += "\u{08}"
                case "f": out += "\u{0C}"
                case "n": out += "\n"
                case "r": out += "\r"
                case "t": out += "\t"
                case "u":
                    var code = try parseHex4()
                    if (0xD800..<0xDC00).contains(code), position + 1 < scalars.count, scalars[position] == "\\", scalars[position + 1] == "u" {
                        position += 2
                        let low = try parseHex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw error("invalid surrogate pair") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let decoded = Unicode.Scalar(code) else { throw error("invalid code point") }
                    out.unicodeScalars.append(decoded)
                default:
                    throw error("invalid escape")
                }
            default:
                guard scalar.value >= 0x20 else { throw error("control character in string") }
                out.unicodeScalars.append(scalar)
            }
        }
        throw error("unterminated string")
    }
}
