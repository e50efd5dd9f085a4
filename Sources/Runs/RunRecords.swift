import Probes

/// One planned sample of a run: an item's prompt variant, asked of one model, the n-th time.
/// Every planned sample is done at most once; its key is stable across re-runs of the same configuration.
public struct PlannedSample: Codable, Sendable, Hashable {
    /// Stable identifier: a hash of (model, item, variant, sample index) within the run.
    public var key: String
    /// The model spec, as text (`ModelSpec.description`).
    public var model: String
    public var itemID: String
    public var familyID: String
    /// The family's value (e.g. "dignity").
    public var value: String
    public var mode: ProbeMode
    /// 0 = the item's main prompt, k ≥ 1 = its k-th paraphrase.
    public var variant: Int
    /// 0 ..< samples.
    public var sampleIndex: Int
    /// The item's pair link (implicit → explicit, control → implicit twin).
    public var pairID: String?
    /// Seed for this sample, derived from the run seed and the key, so that repeats are independent yet reproducible.
    public var seed: UInt64

    public init(key: String, model: String, itemID: String, familyID: String, value: String, mode: ProbeMode,
                variant: Int, sampleIndex: Int, pairID: String?, seed: UInt64) {
        self.key = key
        self.model = model
        self.itemID = itemID
        self.familyID = familyID
        self.value = value
        self.mode = mode
        self.variant = variant
        self.sampleIndex = sampleIndex
        self.pairID = pairID
        self.seed = seed
    }
}

/// What a model answered for one planned sample (or why it could not).
public struct SampleResponse: Codable, Sendable, Equatable {
    public var text: String
    public var finishReason: String
    public var promptTokens: Int?
    public var completionTokens: Int?
    public var latencyMilliseconds: Double
    /// Set when the backend failed for good; `text` is empty then.
    public var error: String?
    /// The model's own earlier answers in a multi-turn item (``ProbeItem/messages``), in order; `text` answers the
    /// last turn.
    public var earlierAnswers: [String]

    public init(text: String, finishReason: String, promptTokens: Int? = nil, completionTokens: Int? = nil,
                latencyMilliseconds: Double, error: String? = nil, earlierAnswers: [String] = []) {
        self.text = text
        self.finishReason = finishReason
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.latencyMilliseconds = latencyMilliseconds
        self.error = error
        self.earlierAnswers = earlierAnswers
    }

    enum CodingKeys: String, CodingKey {
        case text, finishReason, promptTokens, completionTokens, latencyMilliseconds, error, earlierAnswers
    }

    /// Decodes a response; `earlierAnswers` may be absent (single-turn items).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(String.self, forKey: .text)
        finishReason = try container.decode(String.self, forKey: .finishReason)
        promptTokens = try container.decodeIfPresent(Int.self, forKey: .promptTokens)
        completionTokens = try container.decodeIfPresent(Int.self, forKey: .completionTokens)
        latencyMilliseconds = try container.decode(Double.self, forKey: .latencyMilliseconds)
        error = try container.decodeIfPresent(String.self, forKey: .error)
        earlierAnswers = try container.decodeIfPresent([String].self, forKey: .earlierAnswers) ?? []
    }

    /// Encodes a response; `earlierAnswers` only when there are some.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(finishReason, forKey: .finishReason)
        try container.encodeIfPresent(promptTokens, forKey: .promptTokens)
        try container.encodeIfPresent(completionTokens, forKey: .completionTokens)
        try container.encode(latencyMilliseconds, forKey: .latencyMilliseconds)
        try container.encodeIfPresent(error, forKey: .error)
        if !earlierAnswers.isEmpty { try container.encode(earlierAnswers, forKey: .earlierAnswers) }
    }

    /// Whether the answer was cut off at the token limit (finish reason `length`). A truncated answer is judged on
    /// what it says and counted apart in every report (``TruncationCounts``).
    public var isTruncated: Bool { finishReason == "length" }

    /// Whether the embedded engine stopped the answer because it had fallen into a loop (finish reason
    /// `repetition`, ``Inference/RepetitionGuard``): everything before the loop is kept and judged; the loop would
    /// have run to the token limit.
    public var isLooping: Bool { finishReason == "repetition" }
}

/// How a judge classified a response. Unparseable, refused and failed answers are their own categories,
/// never counted as a silent "missed".
public enum VerdictCategory: String, Codable, Sendable, CaseIterable {
    /// The response recognised the value at risk (explicit/implicit), reasoned correctly (causal),
    /// or — for a control — raised an alarm where there is no risk (a false alarm).
    case recognised
    /// It did not.
    case missed
    /// The judge could not read a verdict from the response (LLM judges) or the response was empty.
    case unparseable
    /// The model declined to answer.
    case refused
    /// The model call failed; no verdict is possible.
    case error

    /// Whether the category carries a recognised/missed label that metrics count.
    public var isLabelled: Bool { self == .recognised || self == .missed }
}

/// A judge's verdict on one sample.
public struct Verdict: Codable, Sendable, Equatable {
    public var sampleKey: String
    /// The judge's spec (`rubric`, `llm:SPEC`).
    public var judge: String
    public var category: VerdictCategory
    /// Rubric score (0–100) or a judge's confidence, when it gives one.
    public var score: Double?
    /// Values the response names explicitly.
    public var valuesNamed: [String]
    public var rationale: String
    /// The judge model's raw output (LLM judges), for audit.
    public var raw: String?

    public init(sampleKey: String, judge: String, category: VerdictCategory, score: Double? = nil,
                valuesNamed: [String] = [], rationale: String = "", raw: String? = nil) {
        self.sampleKey = sampleKey
        self.judge = judge
        self.category = category
        self.score = score
        self.valuesNamed = valuesNamed
        self.rationale = rationale
        self.raw = raw
    }

    /// 1 for recognised, 0 for missed, nil for the other categories.
    public var label: Bool? {
        switch category {
        case .recognised: true
        case .missed: false
        default: nil
        }
    }
}

/// A planned sample with what is known about it so far.
public struct JudgedSample: Codable, Sendable, Equatable {
    public var sample: PlannedSample
    public var response: SampleResponse?
    public var verdict: Verdict?

    public init(sample: PlannedSample, response: SampleResponse? = nil, verdict: Verdict? = nil) {
        self.sample = sample
        self.response = response
        self.verdict = verdict
    }
}

/// A human annotator's label for one sample (imported from the labels CSV).
public struct HumanLabel: Codable, Sendable, Equatable {
    public var sampleKey: String
    /// true = recognised, false = missed, nil = the annotator could not decide.
    public var recognised: Bool?
    public var annotator: String
    public var note: String

    public init(sampleKey: String, recognised: Bool?, annotator: String = "", note: String = "") {
        self.sampleKey = sampleKey
        self.recognised = recognised
        self.annotator = annotator
        self.note = note
    }
}
