/// Sampling settings a run uses unless told otherwise.
public struct SuiteDefaults: Codable, Sendable, Hashable {
    /// Samples drawn per item and paraphrase (repeats of an identical prompt).
    public var samples: Int
    /// Sampling temperature of the tested model.
    public var temperature: Double
    /// Most tokens generated per response.
    public var maxTokens: Int
    /// A smaller plan for a first look, used by default runs (``QuickPlan``); nil = the full plan always.
    public var quick: QuickPlan?

    /// The values used when a suite gives no `defaults`: 10 samples at temperature 1.0, 256 tokens.
    public static let standard = SuiteDefaults(samples: 10, temperature: 1.0, maxTokens: 256)

    /// Creates sampling defaults.
    public init(samples: Int, temperature: Double, maxTokens: Int, quick: QuickPlan? = nil) {
        self.samples = samples
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.quick = quick
    }

    enum CodingKeys: String, CodingKey {
        case samples, temperature
        case maxTokens = "max_tokens"
        case quick
    }
}
