/// How far a run has got, counted in the store.
public struct RunCounts: Sendable, Equatable, Codable {
    /// Planned samples.
    public var planned: Int
    /// Samples with a stored response (including failed ones).
    public var answered: Int
    /// Stored responses whose backend call failed (`error` set).
    public var failed: Int
    /// Samples with a verdict from the judge counted.
    public var judged: Int
    /// Verdicts of that judge by category (`VerdictCategory.rawValue` → count).
    public var byCategory: [String: Int]

    /// Creates counts.
    public init(planned: Int, answered: Int, failed: Int, judged: Int, byCategory: [String: Int] = [:]) {
        self.planned = planned
        self.answered = answered
        self.failed = failed
        self.judged = judged
        self.byCategory = byCategory
    }

    /// Planned samples without a response.
    public var pending: Int { planned - answered }
    /// Responses without a verdict from the judge counted.
    public var unjudged: Int { answered - judged }
    /// Verdicts in `category`.
    public func count(_ category: VerdictCategory) -> Int { byCategory[category.rawValue] ?? 0 }
}
