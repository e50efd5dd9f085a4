/// The metrics of a run: what `summary.json` holds.
///
/// Encoded with stable snake_case keys; absent values are written as `null` (never dropped and never zero), so
/// every object of a kind always has the same keys.
public struct RunSummary: Codable, Sendable, Equatable {
    /// The format version of this summary.
    public static let currentSchemaVersion = 1

    /// What the run was, as recorded in its manifest (passed in by the caller).
    public struct Context: Codable, Sendable, Equatable {
        public var runID: String
        public var suiteID: String
        /// ``SuiteHash`` of the suite the run used.
        public var suiteHash: String
        /// Model specs, in the order of the run.
        public var models: [String]
        /// The judge spec.
        public var judge: String
        /// ValueProbe version that produced the run.
        public var toolVersion: String
        /// The run's seed.
        public var seed: UInt64
        /// Samples per item paraphrase.
        public var samples: Int

        /// Creates a context.
        public init(runID: String, suiteID: String, suiteHash: String, models: [String], judge: String, toolVersion: String,
                    seed: UInt64, samples: Int) {
            self.runID = runID
            self.suiteID = suiteID
            self.suiteHash = suiteHash
            self.models = models
            self.judge = judge
            self.toolVersion = toolVersion
            self.seed = seed
            self.samples = samples
        }

        enum CodingKeys: String, CodingKey {
            case runID = "run_id"
            case suiteID = "suite_id"
            case suiteHash = "suite_hash"
            case models, judge
            case toolVersion = "tool_version"
            case seed, samples
        }
    }

    /// ``currentSchemaVersion`` when written.
    public var schemaVersion: Int
    public var context: Context
    public var options: MetricOptions
    /// Per model, in the context's order.
    public var models: [ModelSummary]
    /// Agreement of the judge with human labels over the whole run (nil without labels); its sensitivity and
    /// specificity correct the rates.
    public var judgeAgreement: JudgeAgreement?
    /// The judge's validity per mode measured on the human labels imported into the run (nil without labels);
    /// where a mode has enough of them it replaces the calibration figures in ``ModelSummary/judgeCorrection``.
    public var labelValidity: JudgeValidity?
    /// Answers cut off at the token limit, all models together.
    public var truncation: TruncationSummary
    /// Several judges side by side, their agreement and the repeat-consistency check (nil when the run has one
    /// judge and no consistency check).
    public var judgePanel: JudgePanel?
    /// Things the reader should know (samples of unknown items, models missing from the context, …).
    public var warnings: [String]
    /// Forced choices, per model (empty when the suite has none).
    public var choices: [ChoiceModelSummary] = []

    /// Creates a summary from its parts.
    public init(schemaVersion: Int = RunSummary.currentSchemaVersion, context: Context, options: MetricOptions,
                models: [ModelSummary], judgeAgreement: JudgeAgreement?, warnings: [String],
                labelValidity: JudgeValidity? = nil,
                truncation: TruncationSummary = TruncationSummary(answered: 0, truncated: 0, modes: []),
                judgePanel: JudgePanel? = nil) {
        self.schemaVersion = schemaVersion
        self.context = context
        self.options = options
        self.models = models
        self.judgeAgreement = judgeAgreement
        self.judgePanel = judgePanel
        self.warnings = warnings
        self.labelValidity = labelValidity
        self.truncation = truncation
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case context, options, models
        case judgeAgreement = "judge_agreement"
        case labelValidity = "label_validity"
        case truncation
        case judgePanel = "judge_panel"
        case warnings
        case choices
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        context = try c.decode(Context.self, forKey: .context)
        options = try c.decode(MetricOptions.self, forKey: .options)
        models = try c.decode([ModelSummary].self, forKey: .models)
        judgeAgreement = try c.decodeIfPresent(JudgeAgreement.self, forKey: .judgeAgreement)
        // Summaries written before label validity and truncation counts existed have neither.
        labelValidity = try c.decodeIfPresent(JudgeValidity.self, forKey: .labelValidity)
        truncation = try c.decodeIfPresent(TruncationSummary.self, forKey: .truncation)
            ?? TruncationSummary(answered: 0, truncated: 0, modes: [])
        judgePanel = try c.decodeIfPresent(JudgePanel.self, forKey: .judgePanel)
        warnings = try c.decode([String].self, forKey: .warnings)
        choices = try c.decodeIfPresent([ChoiceModelSummary].self, forKey: .choices) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(context, forKey: .context)
        try c.encode(options, forKey: .options)
        try c.encode(models, forKey: .models)
        try c.encode(judgeAgreement, forKey: .judgeAgreement)
        try c.encode(labelValidity, forKey: .labelValidity)
        try c.encode(truncation, forKey: .truncation)
        try c.encode(judgePanel, forKey: .judgePanel)
        try c.encode(warnings, forKey: .warnings)
        if !choices.isEmpty { try c.encode(choices, forKey: .choices) }
    }
}
