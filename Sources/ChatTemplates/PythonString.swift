/// Python `str` methods over Unicode scalars (Python indexes strings by code point).
enum PythonString {
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace }

    private static func isCased(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isUppercase || scalar.properties.isLowercase || scalar.properties.generalCategory == .titlecaseLetter
    }

    static func strip(_ text: String, _ chars: String?, leading: Bool, trailing: Bool) -> String {
        let scalars = Array(text.unicodeScalars)
        let set = chars.map { Set($0.unicodeScalars) }
        func strippable(_ scalar: Unicode.Scalar) -> Bool { set?.contains(scalar) ?? isSpace(scalar) }
        var lower = 0
        var upper = scalars.count
        if leading { while lower < upper, strippable(scalars[lower]) { lower += 1 } }
        if trailing { while upper > lower, strippable(scalars[upper - 1]) { upper -= 1 } }
        var out = ""
        out.unicodeScalars.append(contentsOf: scalars[lower..<upper])
        return out
    }

    /// `str.split(sep, maxsplit)`; a nil separator splits on whitespace runs and drops empty parts.
    static func split(_ text: String, _ separator: String?, maxSplit: Int) throws -> [String] {
        let scalars = Array(text.unicodeScalars)
        var parts: [String] = []
        if let separator {
            let sep = Array(separator.unicodeScalars)
            guard !sep.isEmpty else { throw EvalFailure("empty separator") }
            var start = 0
            var index = 0
            while index + sep.count <= scalars.count {
                if (maxSplit < 0 || parts.count < maxSplit) && Array(scalars[index..<(index + sep.count)]) == sep {
                    parts.append(string(scalars[start..<index]))
                    index += sep.count
                    start = index
                } else {
                    index += 1
                }
            }
            parts.append(string(scalars[start..<scalars.count]))
            return parts
        }
        var index = 0
        while index < scalars.count {
            while index < scalars.count, isSpace(scalars[index]) { index += 1 }
            guard index < scalars.count else { break }
            if maxSplit >= 0 && parts.count >= maxSplit {
                var end = scalars.count
                while end > index, isSpace(scalars[end - 1]) { end -= 1 }
                parts.append(string(scalars[index..<end]))
                break
            }
            let start = index
            while index < scalars.count, !isSpace(scalars[index]) { index += 1 }
            parts.append(string(scalars[start..<index]))
        }
        return parts
    }

    static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var out = ""
        out.unicodeScalars.append(contentsOf: scalars)
        return out
    }

    /// Python `str.title()`: a cased character after an uncased one is uppercased, others lowercased.
    static func title(_ text: String) -> String {
        var out = ""
        var previousCased = false
        for scalar in text.unicodeScalars {
            let piece = String(Character(scalar))
            if isCased(scalar) {
                out += previousCased ? piece.lowercased() : piece.uppercased()
                previousCased = true
            } else {
                out += piece
                previousCased = false
            }
        }
        return out
    }

    /// Python `str.capitalize()`: first character uppercased, the rest lowercased.
    static func capitalize(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        let rest = string(text.unicodeScalars.dropFirst())
        return String(Character(first)).uppercased() + rest.lowercased()
    }

    /// Jinja's `title` filter: capitalise each piece after runs of whitespace, `-`, `(`, `{`, `[` or `<`.
    static func jinjaTitle(_ text: String) -> String {
        let delimiters: Set<Unicode.Scalar> = ["-", "(", "{", "[", "<"]
        var out = ""
        var atWordStart = true
        for scalar in text.unicodeScalars {
            let piece = String(Character(scalar))
            if isSpace(scalar) || delimiters.contains(scalar) {
                out += piece
                atWordStart = true
            } else {
                out += atWordStart ? piece.uppercased() : piece.lowercased()
                atWordStart = false
            }
        }
        return out
    }

    /// Python `str.replace(old, new, count)`.
    static func replace(_ text: String, _ old: String, _ new: String, count: Int, limit: Int) throws -> String {
        let scalars = Array(text.unicodeScalars)
        let oldScalars = Array(old.unicodeScalars)
        var out = ""
        var replaced = 0
        func canReplace() -> Bool { count < 0 || replaced < count }
        if oldScalars.isEmpty {
            for scalar in scalars {
                if canReplace() { out += new; replaced += 1 }
                out.unicodeScalars.append(scalar)
                if out.unicodeScalars.count > limit { throw EvalFailure("value too large") }
            }
            if canReplace() { out += new }
            return out
        }
        var index = 0
        while index < scalars.count {
            if canReplace(), index + oldScalars.count <= scalars.count, scalars[index] == oldScalars[0],
               Array(scalars[index..<(index + oldScalars.count)]) == oldScalars {
                out += new
                replaced += 1
                index += oldScalars.count
                if out.unicodeScalars.count > limit { throw EvalFailure("value too large") }
            } else {
                out.unicodeScalars.append(scalars[index])
                index += 1
            }
        }
        return out
    }

    /// Python `str.find(sub)` (in code points), -1 when absent.
    static func find(_ text: String, _ needle: String, reverse: Bool) -> Int {
        let haystack = Array(text.unicodeScalars)
        let pattern = Array(needle.unicodeScalars)
        guard pattern.count <= haystack.count else { return -1 }
        let starts = Array(0...(haystack.count - pattern.count))
        for start in (reverse ? starts.reversed() : starts) where Array(haystack[start..<(start + pattern.count)]) == pattern {
            return start
        }
        return -1
    }

    /// Python `str.count(sub)` (non-overlapping).
    static func count(_ text: String, _ needle: String) -> Int {
        let haystack = Array(text.unicodeScalars)
        let pattern = Array(needle.unicodeScalars)
        if pattern.isEmpty { return haystack.count + 1 }
        var found = 0
        var index = 0
        while index + pattern.count <= haystack.count {
            if Array(haystack[index..<(index + pattern.count)]) == pattern {
                found += 1
                index += pattern.count
            } else {
                index += 1
            }
        }
        return found
    }
}
