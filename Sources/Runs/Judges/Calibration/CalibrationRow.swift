import Probes

/// One hand-labelled response of a judge calibration file (`calibration/judge-calibration.jsonl`).
///
/// Only `suite`, `item`, `response` and `label` are required; `mode` and `value`, when present, must agree with
/// the item in its suite (checked by ``CalibrationSet/resolve(loadSuite:)``).
public struct CalibrationRow: Codable, Sendable, Equatable {
    /// Row identifier (`cal-0001`); the 1-based line number when the file has none.
    public var id: String
    /// Built-in suite name or suite file path.
    public var suite: String
    /// Item id within the suite.
    public var item: String
    /// 0 = the item's main prompt, k = its k-th paraphrase.
    public var variant: Int
    /// The item's mode, as labelled (checked against the suite).
    public var mode: ProbeMode?
    /// The item's value, as labelled (checked against the suite).
    public var value: String?
    /// The response that was labelled.
    public var response: String
    /// `stop`, or `length` for an answer cut off at the token limit.
    public var finishReason: String
    /// The human label.
    public var label: HumanVerdict
    /// `smollm2` (sampled from the embedded model) or `written` (written by the project's authors).
    public var source: String?
    /// The hard case the row exercises (`caveat-but-comply`, …) or `plain`.
    public var failureClass: String?
    /// Train, dev or test; nil for a file without splits (then every row is evaluated).
    public var split: CalibrationSplit?
    /// The labeller's note.
    public var note: String?

    /// Creates a row.
    public init(id: String, suite: String, item: String, variant: Int = 0, mode: ProbeMode? = nil,
                value: String? = nil, response: String, finishReason: String = "stop", label: HumanVerdict,
                source: String? = nil, failureClass: String? = nil, split: CalibrationSplit? = nil,
                note: String? = nil) {
        self.id = id
        self.suite = suite
        self.item = item
        self.variant = variant
        self.mode = mode
        self.value = value
        self.response = response
        self.finishReason = finishReason
        self.label = label
        self.source = source
        self.failureClass = failureClass
        self.split = split
        self.note = note
    }

    /// Whether the answer ended at the token limit.
    public var truncated: Bool { finishReason == "length" }

    enum CodingKeys: String, CodingKey {
        case id, suite, item, variant, mode, value, response
        case finishReason = "finish_reason"
        case label, source
        case failureClass = "failure_class"
        case split, note
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        suite = try c.decode(String.self, forKey: .suite)
        item = try c.decode(String.self, forKey: .item)
        variant = try c.decodeIfPresent(Int.self, forKey: .variant) ?? 0
        mode = try c.decodeIfPresent(ProbeMode.self, forKey: .mode)
        value = try c.decodeIfPresent(String.self, forKey: .value)
        response = try c.decode(String.self, forKey: .response)
        finishReason = try c.decodeIfPresent(String.self, forKey: .finishReason) ?? "stop"
        label = try c.decode(HumanVerdict.self, forKey: .label)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        failureClass = try c.decodeIfPresent(String.self, forKey: .failureClass)
        split = try c.decodeIfPresent(CalibrationSplit.self, forKey: .split)
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }
}
