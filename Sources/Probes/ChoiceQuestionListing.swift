/// A forced-choice question as `valueprobe suites questions` lists it: what the model is asked and how each answer
/// maps to an action.
public struct ChoiceQuestionListing: Sendable, Codable, Hashable {
    public var choice: String
    public var form: String
    public var order: Int
    /// The user message.
    public var prompt: String
    /// The answers offered, in presentation order.
    public var answers: [String]
    /// The action (index into the choice's actions) each answer picks.
    public var actions: [Int]

    /// The listing of a question.
    public init(_ question: ChoiceQuestion) {
        choice = question.choiceID
        form = question.form.id
        order = question.orderIndex
        prompt = question.prompt
        answers = question.answers
        actions = question.answerActions
    }
}
