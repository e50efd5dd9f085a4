/// A smaller plan that a suite offers for a first look (``SuiteDefaults/quick``): `valueprobe run` uses it unless
/// told `--full` or given the setting itself. Fields left out keep the full plan's value.
public struct QuickPlan: Codable, Sendable, Hashable {
    /// Samples per prompt variant.
    public var samples: Int?
    /// Only the first N scenarios of each value are run (items outside scenarios always are).
    public var scenariosPerValue: Int?
    /// Whether paraphrases are sampled.
    public var paraphrases: Bool?

    /// Creates a quick plan.
    public init(samples: Int? = nil, scenariosPerValue: Int? = nil, paraphrases: Bool? = nil) {
        self.samples = samples
        self.scenariosPerValue = scenariosPerValue
        self.paraphrases = paraphrases
    }

    enum CodingKeys: String, CodingKey {
        case samples
        case scenariosPerValue = "scenarios_per_value"
        case paraphrases
    }
}
