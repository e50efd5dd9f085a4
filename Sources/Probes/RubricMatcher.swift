import Foundation

/// A rubric with its patterns compiled, ready to score responses by pattern matching.
///
/// A criterion is met when any of its patterns matches anywhere in the response (case-insensitive).
public struct RubricMatcher: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented as safe to share between threads.
    private let rubric: Rubric
    private let expressions: [[NSRegularExpression]]

    /// Compiles every pattern; throws a ``SuiteError`` naming the first pattern that is not a valid expression.
    public init(_ rubric: Rubric) throws(SuiteError) {
        var compiled: [[NSRegularExpression]] = []
        for (c, criterion) in rubric.criteria.enumerated() {
            var list: [NSRegularExpression] = []
            for (p, pattern) in criterion.patterns.enumerated() {
                guard let expression = PatternCompiler.compile(pattern) else {
                    throw SuiteError.invalid([SuiteIssue(
                        file: "<rubric>", path: "criteria[\(c)].patterns[\(p)]",
                        message: "pattern '\(abbreviate(pattern))' is not a valid regular expression")])
                }
                list.append(expression)
            }
            compiled.append(list)
        }
        self.rubric = rubric
        self.expressions = compiled
    }

    /// Whether criterion `index` is met by `text`.
    public func isMet(_ index: Int, in text: String) -> Bool {
        guard expressions.indices.contains(index) else { return false }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return expressions[index].contains { $0.firstMatch(in: text, options: [], range: range) != nil }
    }

    /// Scores a response. Sums saturate at the bounds of `Int`, so a rubric built in code with extreme weights
    /// (a validated suite only has ±1…±3) cannot trap.
    public func score(_ text: String) -> RubricScore {
        func add(_ a: Int, _ b: Int) -> Int {
            let (sum, overflow) = a.addingReportingOverflow(b)
            return overflow ? (b > 0 ? Int.max : Int.min) : sum
        }
        var matched: [String] = []
        var raw = 0
        var credit = 0
        var total = 0
        for (index, criterion) in rubric.criteria.enumerated() {
            let met = isMet(index, in: text)
            let weight = criterion.weight
            let magnitude = Int(clamping: weight.magnitude)
            total = add(total, magnitude)
            if met {
                matched.append(criterion.id)
                raw = add(raw, weight)
            }
            if (weight > 0 && met) || (weight < 0 && !met) { credit = add(credit, magnitude) }
        }
        let percent = total == 0 ? 0 : min(100, max(0, 100 * Double(credit) / Double(total)))
        return RubricScore(matched: matched, rawScore: raw, percent: percent, recognised: raw >= rubric.threshold)
    }
}
