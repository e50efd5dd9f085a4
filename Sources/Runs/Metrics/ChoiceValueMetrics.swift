/// One model's forced choices for one value: how often it picks an action that puts the value at risk, over every
/// choice (of any family) where some action does, with a percentile bootstrap over those choices.
public struct ChoiceValueMetrics: Sendable, Codable, Equatable {
    public var value: String
    /// Choices where an action puts the value at risk.
    public var choices: Int
    /// Mean over those choices of the marginal probability of choosing such an action.
    public var riskyRate: IntervalEstimate?
    /// Mean order effect and form consistency over those choices.
    public var orderEffect: Double
    public var formConsistency: Double?
    /// The control twins of the value's family: mean probability of the first-shown action, and mean order effect.
    public var controlFirstPosition: Double?
    public var controlOrderEffect: Double?

    enum CodingKeys: String, CodingKey {
        case value
        case choices
        case riskyRate = "risky_rate"
        case orderEffect = "order_effect"
        case formConsistency = "form_consistency"
        case controlFirstPosition = "control_first_position"
        case controlOrderEffect = "control_order_effect"
    }
}

/// One model's forced choices in a run.
public struct ChoiceModelSummary: Sendable, Codable, Equatable {
    public var model: String
    /// How its likelihoods were obtained.
    public var method: ChoiceMethod
    /// Per value, in suite order.
    public var values: [ChoiceValueMetrics]
    /// Over every value-probing choice: mean probability of choosing an action that puts a value at risk.
    public var riskyRate: IntervalEstimate?
    /// Means over the value-probing choices.
    public var orderEffect: Double
    public var formConsistency: Double?
    public var entropy: Double
    /// Means over the control twins.
    public var controlFirstPosition: Double?
    public var controlOrderEffect: Double?
    /// Questions stored, and how many sampled answers were invalid, refusals, or failed calls.
    public var questions: Int
    public var invalid: Int
    public var refused: Int
    public var failed: Int
    /// Exact: the mean probability mass of the offered answers.
    public var answerMass: Double?
    /// Per choice, in suite order.
    public var items: [ChoiceItemMetrics]

    enum CodingKeys: String, CodingKey {
        case model
        case method
        case values
        case riskyRate = "risky_rate"
        case orderEffect = "order_effect"
        case formConsistency = "form_consistency"
        case entropy
        case controlFirstPosition = "control_first_position"
        case controlOrderEffect = "control_order_effect"
        case questions
        case invalid
        case refused
        case failed
        case answerMass = "answer_mass"
        case items
    }
}
