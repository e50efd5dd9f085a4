/// Splits a template source into tokens, applying Jinja's whitespace control (`{%-`, `-%}`, `{%+`, `+%}`),
/// `trim_blocks`, `lstrip_blocks`, comments and `{% raw %}` blocks.
struct TemplateLexer {
    private enum TagKind { case variable, block, comment }

    private let src: [Unicode.Scalar]
    private let options: TemplateOptions
    private let map: SourceMap
    private var tokens: [Token] = []
    private var pos = 0

    init(scalars: [Unicode.Scalar], options: TemplateOptions, map: SourceMap) {
        self.src = scalars
        self.options = options
        self.map = map
    }

    /// Jinja's newline handling: `\r\n` and `\r` become `\n`; one trailing newline is dropped unless kept.
    static func normalize(_ source: String, keepTrailingNewline: Bool) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(source.unicodeScalars.count)
        var previousWasCR = false
        for scalar in source.unicodeScalars {
            if scalar == "\r" {
                out.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            out.append(scalar)
        }
        if !keepTrailingNewline, out.last == "\n" { out.removeLast() }
        return out
    }

    private func error(_ message: String, at offset: Int) -> TemplateError {
        map.error(.syntax, message, at: offset)
    }

    private func at(_ index: Int) -> Unicode.Scalar? {
        index >= 0 && index < src.count ? src[index] : nil
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }

    mutating func tokenize() throws -> [Token] {
        var stripLeading = false
        while pos < src.count {
            guard let (tagStart, kind) = nextTag(from: pos) else {
                emitText(from: pos, to: src.count, stripLeading: stripLeading, stripTrailing: false, lstrip: false)
                pos = src.count
                break
            }
            let marker = at(tagStart + 2)
            let minus = marker == "-"
            let plus = marker == "+" && kind != .variable
            let lstrip = !minus && !plus && kind != .variable && options.lstripBlocks
            emitText(from: pos, to: tagStart, stripLeading: stripLeading, stripTrailing: minus, lstrip: lstrip)
            pos = tagStart + 2 + ((minus || plus) ? 1 : 0)
            switch kind {
            case .comment:
                stripLeading = try skipComment(tagStart: tagStart)
            case .variable:
                tokens.append(Token(kind: .variableBegin, offset: tagStart))
                stripLeading = try lexTagBody(tagStart: tagStart, isBlock: false)
            case .block:
                if let rawEnd = try rawBlock(tagStart: tagStart) {
                    stripLeading = rawEnd
                } else {
                    tokens.append(Token(kind: .blockBegin, offset: tagStart))
                    stripLeading = try lexTagBody(tagStart: tagStart, isBlock: true)
                }
            }
        }
        tokens.append(Token(kind: .end, offset: src.count))
        return tokens
    }

    /// The next `{{`, `{%` or `{#` at or after `start`.
    private func nextTag(from start: Int) -> (Int, TagKind)? {
        var index = start
        while index + 1 < src.count {
            if src[index] == "{" {
                switch src[index + 1] {
                case "{": return (index, .variable)
                case "%": return (index, .block)
                case "#": return (index, .comment)
                default: break
                }
            }
            index += 1
        }
        return nil
    }

    /// Emits the text `src[start..<end]` after whitespace control.
    private mutating func emitText(from start: Int, to end: Int, stripLeading: Bool, stripTrailing: Bool, lstrip: Bool) {
        var lower = start
        var upper = end
        if stripLeading {
            while lower < upper, Self.isSpace(src[lower]) { lower += 1 }
        }
        if stripTrailing {
            while upper > lower, Self.isSpace(src[upper - 1]) { upper -= 1 }
        } else if lstrip {
            // Strip spaces between the start of the line and the tag, if nothing else is there.
            var index = upper
            while index > lower, src[index - 1] != "\n", Self.isSpace(src[index - 1]) { index -= 1 }
            let atLineStart = index > lower ? src[index - 1] == "\n" : (index == 0 || src[index - 1] == "\n")
            if atLineStart { upper = index }
        }
        if upper > lower {
            var text = ""
            text.unicodeScalars.append(contentsOf: src[lower..<upper])
            tokens.append(Token(kind: .text(text), offset: lower))
        }
    }

    /// Skips a `{# ... #}` comment; returns whether it ended with `-#}`.
    private mutating func skipComment(tagStart: Int) throws -> Bool {
        var index = pos
        while index + 1 < src.count {
            if src[index] == "#" && src[index + 1] == "}" {
                let minus = index > pos && src[index - 1] == "-"
                let plus = index > pos && src[index - 1] == "+"
                pos = index + 2
                if !minus && !plus { trimNewline() }
                return minus
            }
            index += 1
        }
        throw error("unterminated comment: missing '#}'", at: tagStart)
    }

    /// `trim_blocks`: drop one newline right after a block tag or comment.
    private mutating func trimNewline() {
        if options.trimBlocks, at(pos) == "\n" { pos += 1 }
    }

    /// Handles `{% raw %}...{% endraw %}`; returns nil when the block tag is not `raw`, else whether the
    /// closing tag ended with `-%}`.
    private mutating func rawBlock(tagStart: Int) throws -> Bool? {
        guard let (afterOpen, openMinus) = matchTag(named: "raw", bodyStart: pos) else { return nil }
        var search = afterOpen
        if !openMinus { pos = afterOpen; trimNewline(); search = pos }
        var contentStart = search
        if openMinus {
            while contentStart < src.count, Self.isSpace(src[contentStart]) { contentStart += 1 }
        }
        var index = contentStart
        while let (tagPos, kind) = nextTag(from: index) {
            if kind == .block {
                let marker = at(tagPos + 2)
                let minus = marker == "-"
                let bodyStart = tagPos + 2 + ((minus || marker == "+") ? 1 : 0)
                if let (afterClose, closeMinus) = matchTag(named: "endraw", bodyStart: bodyStart) {
                    emitText(from: contentStart, to: tagPos, stripLeading: false, stripTrailing: minus, lstrip: false)
                    pos = afterClose
                    if !closeMinus { trimNewline() }
                    return closeMinus
                }
            }
            index = tagPos + 2
        }
        throw error("unterminated 'raw' block: missing '{% endraw %}'", at: tagStart)
    }

    /// Matches `\s*name\s*[-+]?%}` at `bodyStart`; returns the offset after `%}` and whether it was `-%}`.
    private func matchTag(named name: String, bodyStart: Int) -> (Int, Bool)? {
        var index = bodyStart
        while index < src.count, Self.isSpace(src[index]) { index += 1 }
        for scalar in name.unicodeScalars {
            guard at(index) == scalar else { return nil }
            index += 1
        }
        while index < src.count, Self.isSpace(src[index]) { index += 1 }
        var minus = false
        if at(index) == "-" || at(index) == "+" {
            minus = at(index) == "-"
            index += 1
        }
        guard at(index) == "%", at(index + 1) == "}" else { return nil }
        return (index + 2, minus)
    }

    /// Lexes the inside of `{{ ... }}` or `{% ... %}` up to and including the closing delimiter.
    /// Returns whether the closing delimiter carried `-` (strip whitespace after it).
    private mutating func lexTagBody(tagStart: Int, isBlock: Bool) throws -> Bool {
        let closeFirst: Unicode.Scalar = isBlock ? "%" : "}"
        var depth = 0
        while true {
            while pos < src.count, Self.isSpace(src[pos]) { pos += 1 }
            guard pos < src.count else {
                throw error(isBlock ? "unterminated block tag: missing '%}'" : "unterminated expression: missing '}}'", at: tagStart)
            }
            if depth == 0 {
                let scalar = src[pos]
                if (scalar == "-" || scalar == "+"), at(pos + 1) == closeFirst, at(pos + 2) == "}" {
                    if scalar == "+" && !isBlock {
                        // `+}}` is not Jinja syntax; let the parser report the stray '+'.
                    } else {
                        tokens.append(Token(kind: isBlock ? .blockEnd : .variableEnd, offset: pos))
                        pos += 3
                        return scalar == "-"
                    }
                }
                if scalar == closeFirst, at(pos + 1) == "}" {
                    tokens.append(Token(kind: isBlock ? .blockEnd : .variableEnd, offset: pos))
                    pos += 2
                    if isBlock { trimNewline() }
                    return false
                }
            }
            let token = try lexToken()
            if case .op(let symbol) = token.kind {
                switch symbol {
                case "(", "[", "{": depth += 1
                case ")", "]", "}": depth = max(0, depth - 1)
                default: break
                }
            }
            tokens.append(token)
        }
    }

    private static let twoCharOps: Set<String> = ["//", "**", "==", "!=", ">=", "<="]
    private static let oneCharOps: Set<Unicode.Scalar> = [
        "+", "-", "*", "/", "%", "~", "<", ">", "=", "(", ")", "[", "]", "{", "}", ",", ".", ":", "|", ";",
    ]

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic
    }

    private static func isNameContinue(_ scalar: Unicode.Scalar) -> Bool {
        isNameStart(scalar) || scalar.properties.numericType != nil
    }

    private static func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar.value >= 48 && scalar.value <= 57
    }

    /// Lexes one expression token at `pos`.
    private mutating func lexToken() throws -> Token {
        let start = pos
        let scalar = src[pos]
        if scalar == "'" || scalar == "\"" {
            return Token(kind: .string(try lexString(quote: scalar)), offset: start)
        }
        if Self.isDigit(scalar) {
            return try lexNumber()
        }
        if Self.isNameStart(scalar) {
            var name = ""
            while pos < src.count, Self.isNameContinue(src[pos]) {
                name.unicodeScalars.append(src[pos])
                pos += 1
            }
            return Token(kind: .name(name), offset: start)
        }
        if let next = at(pos + 1) {
            var pair = ""
            pair.unicodeScalars.append(scalar)
            pair.unicodeScalars.append(next)
            if Self.twoCharOps.contains(pair) {
                pos += 2
                return Token(kind: .op(pair), offset: start)
            }
        }
        if Self.oneCharOps.contains(scalar) {
            pos += 1
            return Token(kind: .op(String(Character(scalar))), offset: start)
        }
        let shown = scalar.properties.isWhitespace || scalar.value < 32 ? "U+\(String(scalar.value, radix: 16, uppercase: true))" : String(Character(scalar))
        throw error("unexpected character '\(shown)'", at: start)
    }

    private mutating func lexDigits(into text: inout String) {
        while pos < src.count {
            if Self.isDigit(src[pos]) {
                text.unicodeScalars.append(src[pos])
                pos += 1
            } else if src[pos] == "_", Self.isDigit(at(pos + 1)), Self.isDigit(at(pos - 1)) {
                pos += 1
            } else {
                break
            }
        }
    }

    private mutating func lexNumber() throws -> Token {
        let start = pos
        var text = ""
        lexDigits(into: &text)
        var isFloat = false
        if at(pos) == ".", Self.isDigit(at(pos + 1)) {
            isFloat = true
            text += "."
            pos += 1
            lexDigits(into: &text)
        }
        if at(pos) == "e" || at(pos) == "E" {
            var probe = pos + 1
            if at(probe) == "+" || at(probe) == "-" { probe += 1 }
            if Self.isDigit(at(probe)) {
                isFloat = true
                text += "e"
                if at(pos + 1) == "-" { text += "-" }
                pos = probe
                lexDigits(into: &text)
            }
        }
        if isFloat {
            guard let value = Double(text) else { throw error("invalid number literal", at: start) }
            return Token(kind: .float(value), offset: start)
        }
        guard let value = Int(text) else { throw error("integer literal too large", at: start) }
        return Token(kind: .integer(value), offset: start)
    }

    /// Lexes a quoted string, decoding Python escapes (`\n`, `\t`, `\\`, `\'`, `\"`, `\xhh`, `\uXXXX`, ...).
    private mutating func lexString(quote: Unicode.Scalar) throws -> String {
        let start = pos
        pos += 1
        var out = ""
        while pos < src.count {
            let scalar = src[pos]
            if scalar == quote {
                pos += 1
                return out
            }
            if scalar == "\\", let next = at(pos + 1) {
                pos += 2
                switch next {
                case "n": out += "\n"
                case "t": out += "\t"
                case "r": out += "\r"
                case "\\": out += "\\"
                case "'": out += "'"
                case "\"": out += "\""
                case "a": out.unicodeScalars.append(Unicode.Scalar(7))
                case "b": out.unicodeScalars.append(Unicode.Scalar(8))
                case "f": out.unicodeScalars.append(Unicode.Scalar(12))
                case "v": out.unicodeScalars.append(Unicode.Scalar(11))
                case "\n": break
                case "x", "u", "U":
                    let width = next == "x" ? 2 : (next == "u" ? 4 : 8)
                    var value: UInt32 = 0
                    for _ in 0..<width {
                        guard let digit = at(pos), let hex = Int(String(Character(digit)), radix: 16) else {
                            throw error("invalid \\\(Character(next)) escape in string literal", at: pos)
                        }
                        value = value &* 16 &+ UInt32(hex)
                        pos += 1
                    }
                    guard let decoded = Unicode.Scalar(value) else {
                        throw error("invalid code point in string literal escape", at: pos)
                    }
                    out.unicodeScalars.append(decoded)
                case "0"..."7":
                    var value = next.value - 48
                    var count = 1
                    while count < 3, let digit = at(pos), digit.value >= 48, digit.value <= 55 {
                        value = value * 8 + digit.value - 48
                        pos += 1
                        count += 1
                    }
                    out.unicodeScalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                default:
                    out += "\\"
                    out.unicodeScalars.append(next)
                }
                continue
            }
            out.unicodeScalars.append(scalar)
            pos += 1
        }
        throw error("unterminated string literal", at: start)
    }
}
