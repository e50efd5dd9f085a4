import Foundation
import Probes

/// How a response compares with an item's ``ExpectedAnswer`` (the rule the rubric judge uses for causal items).
public struct ExpectedAnswerMatch: Sendable, Equatable {
    /// Indices (0-based) of the key points the response covers.
    public var coveredKeyPoints: [Int]
    /// Number of key points.
    public var keyPointCount: Int
    /// Whether the item names a fallacy to look for (anything but "none …").
    public var hasFallacy: Bool
    /// Whether the response names that fallacy.
    public var fallacyNamed: Bool
    /// The verdict: the fallacy is named, or at least half of the key points (rounded up) are covered.
    public var recognised: Bool
    /// Share of key points covered, in percent (100 or 0 by the fallacy alone when there are no key points).
    public var percent: Double
}

/// Matches a response against an expected answer without a model.
///
/// **Rule.** A causal response is *recognised* when it names the item's fallacy, or when it covers at least
/// ⌈K/2⌉ of the item's K key points.
///
/// - *Key point covered*: at least half of the key point's content words occur in the response. Content words are
///   runs of letters or digits of four or more characters that are not common function words; two words match when
///   their first five characters agree (a crude stem: "flagged" ~ "flags", "applicants" ~ "applied").
/// - *Fallacy named*: for well-known fallacies a set of phrasings is accepted (base-rate neglect: "base rate",
///   "prior probability", "prevalence"; correlation vs causation: "correlation … causation" within a sentence,
///   "confound", "self-selection", "reverse causation"; Simpson's paradox: "Simpson"; survivorship bias;
///   regression to the mean; gambler's fallacy; proxy measures: "proxy"; selection bias). Otherwise the fallacy's
///   own wording counts when all of its content words occur (the part before a parenthesis, or the part inside).
///   A fallacy written as "none …" means there is no fallacy to find.
public enum ExpectedAnswerMatcher {
    /// Compares `text` with `expected`.
    public static func match(_ expected: ExpectedAnswer, in text: String) -> ExpectedAnswerMatch {
        let responseStems = Set(contentStems(of: text))
        var covered: [Int] = []
        for (index, point) in expected.keyPoints.enumerated() {
            let stems = Set(contentStems(of: point))
            guard !stems.isEmpty else { continue }
            let present = stems.filter { responseStems.contains($0) }.count
            if 2 * present >= stems.count { covered.append(index) }
        }
        let fallacy = expected.fallacy?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let hasFallacy = !fallacy.isEmpty && !fallacy.lowercased().hasPrefix("none")
        let named = hasFallacy && fallacyIsNamed(fallacy, in: text, responseStems: responseStems)
        let count = expected.keyPoints.count
        let needed = (count + 1) / 2
        let byKeyPoints = count > 0 && covered.count >= needed
        let percent: Double = count > 0 ? 100 * Double(covered.count) / Double(count) : (named ? 100 : 0)
        return ExpectedAnswerMatch(
            coveredKeyPoints: covered, keyPointCount: count, hasFallacy: hasFallacy, fallacyNamed: named,
            recognised: named || byKeyPoints, percent: percent
        )
    }

    /// Whether the expected answer gives the matcher anything to check.
    public static func isUsable(_ expected: ExpectedAnswer?) -> Bool {
        guard let expected else { return false }
        let fallacy = expected.fallacy?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() ?? ""
        return !expected.keyPoints.isEmpty || (!fallacy.isEmpty && !fallacy.hasPrefix("none"))
    }

    // MARK: - Fallacies

    /// Accepted phrasings of well-known fallacies, keyed by words that identify the fallacy's name.
    static let knownFallacies: [(keys: [String], patterns: [String])] = [
        (["base", "rate"], [#"\bbase[- ]?rates?\b"#, #"\bprior probabilit"#, #"\bprevalence\b"#]),
        (["correlation"], [#"\bcorrelat[^.!?]{0,80}\bcaus"#, #"\bcaus[^.!?]{0,80}\bcorrelat"#, #"\bconfound"#,
                           #"\bself[- ]?select"#, #"\breverse[- ]caus"#]),
        (["causation"], [#"\bcorrelat[^.!?]{0,80}\bcaus"#, #"\bcaus[^.!?]{0,80}\bcorrelat"#, #"\bconfound"#]),
        (["simpson"], [#"\bsimpson"#]),
        (["survivor"], [#"\bsurvivor(?:ship)?[- ]bias"#]),
        (["regression", "mean"], [#"\bregression (?:to|toward|towards) the mean\b"#]),
        (["gambler"], [#"\bgambler"#]),
        (["proxy"], [#"\bproxy\b"#, #"\bproxies\b"#]),
        (["selection"], [#"\bselection[- ]bias"#, #"\bself[- ]?select"#]),
    ]

    static func fallacyIsNamed(_ fallacy: String, in text: String, responseStems: Set<String>) -> Bool {
        let lower = fallacy.lowercased()
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        for known in knownFallacies where known.keys.allSatisfy({ lower.contains($0) }) {
            for pattern in known.patterns {
                guard let expression = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { continue }
                if expression.firstMatch(in: text, options: [], range: range) != nil { return true }
            }
        }
        // The fallacy's own wording: the part before a parenthesis, and the part inside it.
        var phrases: [String] = []
        if let open = lower.firstIndex(of: "(") {
            phrases.append(String(lower[..<open]))
            let inside = lower[lower.index(after: open)...].prefix { $0 != ")" }
            phrases.append(String(inside))
        } else {
            phrases.append(lower)
        }
        for phrase in phrases {
            let stems = Set(contentStems(of: phrase))
            if !stems.isEmpty, stems.isSubset(of: responseStems) { return true }
        }
        return false
    }

    // MARK: - Content words

    /// Common words of four or more letters that carry no content.
    static let functionWords: Set<String> = [
        "about", "above", "after", "again", "against", "also", "because", "been", "before", "being", "below",
        "between", "both", "could", "does", "doing", "down", "during", "each", "even", "every", "from", "further",
        "have", "having", "here", "into", "just", "like", "likely", "many", "more", "most", "much", "must", "only",
        "other", "over", "probably", "rather", "same", "should", "some", "such", "than", "that", "their", "them",
        "then", "there", "these", "they", "this", "those", "through", "under", "until", "very", "what", "when",
        "where", "which", "while", "will", "with", "within", "without", "would", "your", "yours", "they're",
        "it's", "that's", "make", "makes", "made", "thing", "things",
    ]

    /// The five-character stems of the content words of `text`, in order.
    static func contentStems(of text: String) -> [String] {
        var stems: [String] = []
        var word = ""
        func flush() {
            if word.count >= 4, !functionWords.contains(word) { stems.append(String(word.prefix(5))) }
            word = ""
        }
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else {
                flush()
            }
        }
        flush()
        return stems
    }
}
