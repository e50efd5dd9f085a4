/// Weighted criteria that score a response; a response is "recognised" when its score reaches the threshold.
///
/// The score is the sum of the weights of the criteria that are met (see ``RubricMatcher``).
public struct Rubric: Codable, Sendable, Hashable {
    /// The criteria, in the order a judge reports them.
    public var criteria: [RubricCriterion]
    /// Raw score (sum of the weights of met criteria) at or above which the value counts as recognised.
    public var threshold: Int

    /// Creates a rubric.
    public init(criteria: [RubricCriterion], threshold: Int) {
        self.criteria = criteria
        self.threshold = threshold
    }

    /// The highest raw score a response can reach: the sum of the positive weights (`Int.max` if that sum does not
    /// fit an `Int`).
    public var maximumScore: Int {
        criteria.reduce(0) { sum, criterion in
            let (total, overflow) = sum.addingReportingOverflow(max(criterion.weight, 0))
            return overflow ? Int.max : total
        }
    }
}
