/// What a model answered to one forced-choice question, as stored: for an exact question the probability of each
/// action, for a sampled one the answer's text and the action it picks.
public struct ChoiceAnswer: Sendable, Codable, Hashable {
    /// What became of the question.
    public enum Status: String, Codable, Sendable, CaseIterable, Hashable {
        /// Exact probabilities, or a sampled answer that picks one action.
        case answered
        /// A sampled answer that picks no action, or more than one.
        case invalid
        /// A sampled answer that declines to choose.
        case refused
        /// The backend failed (after its retries).
        case error
    }

    /// The planned question (key, model, choice, form, order, repeat, method).
    public var question: PlannedChoice
    public var status: Status
    /// Exact: the probability of each action, in the choice's action order (they sum to 1). Sampled: one-hot on
    /// the action picked; empty when none was.
    public var probabilities: [Double]
    /// Exact, or sampled with the server's log-probabilities: the probability mass of the offered answers before
    /// renormalising (how much of the model's probability the answers hold; low = it would mostly say something else).
    public var answerMass: Double?
    /// Exact, every form: each action's full-text log-probability, summed over its tokens, in action order.
    public var continuationLogProbabilities: [Double]?
    /// The same divided by each action's token count (length-normalised).
    public var continuationMeanLogProbabilities: [Double]?
    /// Sampled: the answer's text.
    public var text: String?
    /// Why the backend failed.
    public var error: String?
    public var latencyMilliseconds: Double

    /// How ``probabilities`` were obtained: exactly, from the server's log-probabilities (a sampled question whose
    /// response carried them, which is when ``answerMass`` is set), or from the sampled answer itself.
    public var measuredBy: ChoiceMethod {
        question.method == .sampled && answerMass != nil ? .logprobs : question.method
    }

    /// Creates an answer.
    public init(question: PlannedChoice, status: Status, probabilities: [Double], answerMass: Double? = nil,
                continuationLogProbabilities: [Double]? = nil, continuationMeanLogProbabilities: [Double]? = nil,
                text: String? = nil, error: String? = nil, latencyMilliseconds: Double) {
        self.question = question
        self.status = status
        self.probabilities = probabilities
        self.answerMass = answerMass
        self.continuationLogProbabilities = continuationLogProbabilities
        self.continuationMeanLogProbabilities = continuationMeanLogProbabilities
        self.text = text
        self.error = error
        self.latencyMilliseconds = latencyMilliseconds
    }
}
