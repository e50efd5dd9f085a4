/// Escaping of untrusted text (model output, suite text, file names) for HTML and SVG.
///
/// Both functions escape `& < > " '`, so their output is safe in element content and in quoted attribute values
/// alike; control characters other than tab, line feed and carriage return are dropped (they are not allowed in
/// HTML and would end an XML parse).
public enum HTMLEscaping {
    /// `text` for element content or a double- or single-quoted attribute value.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    continue
                }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text` as an attribute value: escaped, with line breaks as character references.
    public static func attribute(_ text: String) -> String {
        escape(text).replacingOccurrences(of: "\r\n", with: "&#10;").replacingOccurrences(of: "\n", with: "&#10;")
            .replacingOccurrences(of: "\r", with: "&#10;")
    }
}
