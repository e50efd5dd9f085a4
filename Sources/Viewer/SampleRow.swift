import Runs

/// One row of `GET /api/runs/{id}/samples`: a planned sample with its response and the judge's verdict.
public struct SampleRow: Sendable, Encodable {
    public var key: String
    public var model: String
    public var itemId: String
    public var familyId: String
    public var value: String
    public var mode: String
    /// 0 = the main prompt, k = the k-th paraphrase.
    public var variant: Int
    public var sampleIndex: Int
    public var pairId: String?
    /// The sample's seed, as text.
    public var seed: String
    /// The model's answer (untrusted text), nil while pending.
    public var response: SampleResponse?
    /// The run judge's verdict, nil while unjudged.
    public var verdict: Verdict?
    /// `pending`, `unjudged` or the verdict's category.
    public var state: String

    init(_ judged: JudgedSample) {
        let s = judged.sample
        key = s.key
        model = s.model
        itemId = s.itemID
        familyId = s.familyID
        value = s.value
        mode = s.mode.rawValue
        variant = s.variant
        sampleIndex = s.sampleIndex
        pairId = s.pairID
        seed = String(s.seed)
        response = judged.response
        verdict = judged.verdict
        state = judged.verdict?.category.rawValue ?? (judged.response == nil ? "pending" : "unjudged")
    }
}

/// The prompts of an item, from the run's suite (when it can still be loaded with the run's hash).
public struct ItemPrompts: Sendable, Encodable {
    public var itemId: String
    public var familyId: String
    public var value: String
    public var mode: String
    /// The main prompt, then each paraphrase (index = the samples' `variant`).
    public var prompts: [String]
    public var pairId: String?
    public var valueAtRisk: Bool
    /// The matched scenario the item is a form of.
    public var scenario: String?
    /// Its hint-ladder level by name ("request", "deliberation", "follow-up", "explicit").
    public var level: String?
    /// For a multi-turn item, the conversation of the main prompt ("(not generated)" where the model's own
    /// answer goes; each sample shows the answer it got).
    public var conversation: String?
}
