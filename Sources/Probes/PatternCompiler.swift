import Foundation

/// Compiles rubric patterns: case-insensitive ICU regular expressions (`NSRegularExpression`).
enum PatternCompiler {
    /// The compiled pattern, or nil when it is not a valid regular expression.
    static func compile(_ pattern: String) -> NSRegularExpression? {
        try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }

    /// Why a pattern does not compile (one line), or nil when it does.
    static func error(in pattern: String) -> String? {
        do {
            _ = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            return nil
        } catch {
            let text = "\(error)".replacingOccurrences(of: "\n", with: " ")
            return text.count > 80 ? String(text.prefix(77)) + "..." : text
        }
    }
}
