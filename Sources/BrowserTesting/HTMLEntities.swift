/// Decodes HTML character references: numeric (`&#60;`, `&#x3C;`) and the common named ones
/// (`&lt; &gt; &amp; &quot; &apos; &nbsp;` and a few typographic ones). Unknown references are kept as written.
public enum HTMLEntities {
    static let named: [String: String] = [
        "lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "minus": "−",
        "ndash": "–", "mdash": "—", "hellip": "…", "times": "×", "middot": "·", "deg": "°", "plusmn": "±",
        "le": "≤", "ge": "≥", "Delta": "Δ", "tau": "τ", "rsquo": "’", "lsquo": "‘", "ldquo": "“", "rdquo": "”",
    ]

    /// `text` with its character references decoded.
    public static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = text[...]
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
                result += "&"
                rest = after
                continue
            }
            let name = after[..<semicolon]
            var replacement: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else if name.hasPrefix("#") {
                replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else {
                replacement = named[String(name)]
            }
            if let replacement {
                result += replacement
                rest = after[after.index(after: semicolon)...]
            } else {
                result += "&"
                rest = after
            }
        }
        result += rest
        return result
    }
}
