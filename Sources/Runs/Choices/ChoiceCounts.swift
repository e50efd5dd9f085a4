/// How far a run's forced-choice questions have got.
public struct ChoiceCounts: Sendable, Codable, Equatable, Hashable {
    /// Questions in the plan (choice × form × order × model, × samples for sampled models).
    public var planned: Int
    /// Questions with a stored answer (failed ones included).
    public var answered: Int
    /// Stored answers whose backend call failed.
    public var failed: Int

    /// Creates counts.
    public init(planned: Int, answered: Int, failed: Int) {
        self.planned = planned
        self.answered = answered
        self.failed = failed
    }

    /// Questions without an answer.
    public var pending: Int { planned - answered }
}
