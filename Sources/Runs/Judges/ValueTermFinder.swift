import Foundation
import Probes

/// Finds which of a suite's values a response names.
///
/// A value counts as named when any of its family's terms (the value and its synonyms, ``ProbeFamily/valueTerms``)
/// occurs at the start of a word, case-insensitively — the same rule as the rubric template's `\b{value}`
/// pattern, so "fair" also finds "fairness" and "fairly". Hyphens and spaces inside a term match each other
/// ("well-being" finds "well being" and "wellbeing" only if that spelling is a synonym).
public struct ValueTermFinder: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and safe to share between threads.
    private let entries: [(value: String, expressions: [NSRegularExpression])]

    /// Compiles the terms of every family of `suite`, in suite order.
    public init(suite: ProbeSuite) {
        var entries: [(value: String, expressions: [NSRegularExpression])] = []
        var seen = Set<String>()
        for family in suite.families where !seen.contains(family.value.lowercased()) {
            seen.insert(family.value.lowercased())
            let expressions = family.valueTerms.compactMap(ValueTermFinder.expression(for:))
            entries.append((family.value, expressions))
        }
        self.entries = entries
    }

    /// The values named in `text`: `first` (the item's own value) leads when it is named, the others follow in
    /// suite order.
    public func valuesNamed(in text: String, first: String? = nil) -> [String] {
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        var found: [String] = []
        for entry in entries where entry.expressions.contains(where: { $0.firstMatch(in: text, options: [], range: range) != nil }) {
            found.append(entry.value)
        }
        if let first, let index = found.firstIndex(of: first), index > 0 {
            found.remove(at: index)
            found.insert(first, at: 0)
        }
        return found
    }

    /// A case-insensitive word-start pattern for one term, or nil for an empty term.
    static func expression(for term: String) -> NSRegularExpression? {
        let words = term.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).map {
            NSRegularExpression.escapedPattern(for: String($0))
        }
        guard !words.isEmpty else { return nil }
        return try? NSRegularExpression(pattern: "\\b" + words.joined(separator: "[-\\s]"), options: [.caseInsensitive])
    }
}
