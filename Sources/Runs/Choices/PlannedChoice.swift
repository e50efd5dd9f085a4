/// One forced-choice question a run asks one model: a choice in one form and order, and for sampled models one
/// of the repeats. The plan is recomputed from the suite and configuration (it is deterministic); a question is
/// done once its answer is stored under ``key``.
public struct PlannedChoice: Sendable, Codable, Hashable {
    /// Unique across runs (it hashes the run id): see ``ChoicePlanner/key(runID:model:choiceID:form:orderIndex:sampleIndex:)``.
    public var key: String
    public var model: String
    public var choiceID: String
    public var familyID: String
    public var value: String
    /// The question form's id (``Probes/ChoiceForm/id``).
    public var form: String
    /// Which presentation order (``Probes/ChoiceQuestion/orderIndex``).
    public var orderIndex: Int
    /// The repeat (0 for an exact question, which is asked once).
    public var sampleIndex: Int
    /// The seed of a sampled answer.
    public var seed: UInt64
    public var method: ChoiceMethod

    /// Creates a planned question.
    public init(key: String, model: String, choiceID: String, familyID: String, value: String, form: String,
                orderIndex: Int, sampleIndex: Int, seed: UInt64, method: ChoiceMethod) {
        self.key = key
        self.model = model
        self.choiceID = choiceID
        self.familyID = familyID
        self.value = value
        self.form = form
        self.orderIndex = orderIndex
        self.sampleIndex = sampleIndex
        self.seed = seed
        self.method = method
    }
}
