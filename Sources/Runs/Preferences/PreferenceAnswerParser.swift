import Foundation

/// Reads a sampled answer to a preference question as option A, option B, a refusal or unparseable.
///
/// Accepted: the bare letter (`A`, `"B"`, `**A**`, `(B)`, `A.`), a letter followed by punctuation or a line break
/// (`A: because …`), `Option A …`, and `I prefer / I would choose / my answer is (option) A`. An answer that names both
/// letters this way, or neither, is unparseable unless ``RefusalDetector`` finds a refusal. Nothing is guessed.
public enum PreferenceAnswerParser {
    /// The kind of a sampled answer (`.first`, `.second`, `.refusal` or `.unparseable`).
    public static func parse(_ text: String) -> PreferenceAnswer.Kind {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let decoration = CharacterSet(charactersIn: "*_`\"'“”‘’()[]<>{}.:;,!- \t\n")
        let bare = trimmed.trimmingCharacters(in: decoration).uppercased()
        if bare == "A" { return .first }
        if bare == "B" { return .second }
        var found: Set<Character> = []
        let upper = trimmed.uppercased()
        let patterns = [
            #"^[\s*_`"'“(\[]*([AB])[\s*_`"'”)\]]*([.:,;)!\n]|$)"#,
            #"\bOPTION\s+([AB])\b"#,
            #"\b(?:PREFER|CHOOSE|PICK|SELECT|ANSWER IS|ANSWER:)\s*(?:OPTION\s+)?\**([AB])\b"#,
        ]
        for pattern in patterns {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
            let range = NSRange(upper.startIndex..., in: upper)
            for match in regex.matches(in: upper, range: range) {
                if let letter = Range(match.range(at: 1), in: upper).map({ upper[$0] }), let character = letter.first {
                    found.insert(character)
                }
            }
        }
        if found == ["A"] { return .first }
        if found == ["B"] { return .second }
        return RefusalDetector.isRefusal(trimmed) ? .refusal : .unparseable
    }
}
