/// How a response fared against a rubric.
public struct RubricScore: Sendable, Hashable {
    /// Ids of the criteria whose patterns matched, in rubric order.
    public var matched: [String]
    /// Sum of the weights of the matched criteria.
    public var rawScore: Int
    /// MoReBench-style score in 0…100: credit |w| for each positive criterion met and each negative criterion
    /// avoided, divided by the sum of |w| (0 when the rubric has no weight).
    public var percent: Double
    /// Whether `rawScore` reaches the rubric's threshold.
    public var recognised: Bool
}
