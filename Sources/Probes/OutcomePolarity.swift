/// How an outcome stands towards the value it names: it describes a state of the world that upholds the value,
/// one that violates it, or (for outcomes that name no value) a neutral everyday state used as an anchor.
public enum OutcomePolarity: String, Codable, Sendable, Hashable, CaseIterable {
    /// The state of the world upholds the outcome's value.
    case upholds
    /// The state of the world violates the outcome's value.
    case violates
    /// No value is at stake (an anchor of graded everyday desirability).
    case neutral
}
