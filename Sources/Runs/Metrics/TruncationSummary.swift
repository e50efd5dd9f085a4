import Probes

/// Answers cut off at the token limit (finish reason `length`, ``SampleResponse/isTruncated``), overall and per
/// mode. A truncated answer is judged on what it says, like any other; this count says how many there were, so
/// that a reader can tell whether the rates rest on complete answers.
public struct TruncationSummary: Codable, Sendable, Equatable {
    /// The counts of one mode.
    public struct Mode: Codable, Sendable, Equatable {
        public var mode: ProbeMode
        /// Answers received (failed calls and pending samples are not answers).
        public var answered: Int
        /// Of those, answers cut off at the token limit.
        public var truncated: Int

        /// Creates counts.
        public init(mode: ProbeMode, answered: Int, truncated: Int) {
            self.mode = mode
            self.answered = answered
            self.truncated = truncated
        }

        /// truncated / answered; nil without answers.
        public var share: Double? { answered > 0 ? Double(truncated) / Double(answered) : nil }

        enum CodingKeys: String, CodingKey { case mode, answered, truncated, share }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            mode = try c.decode(ProbeMode.self, forKey: .mode)
            answered = try c.decode(Int.self, forKey: .answered)
            truncated = try c.decode(Int.self, forKey: .truncated)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(mode, forKey: .mode)
            try c.encode(answered, forKey: .answered)
            try c.encode(truncated, forKey: .truncated)
            try c.encode(share, forKey: .share)
        }
    }

    /// Answers received, all modes together.
    public var answered: Int
    /// Of those, answers cut off at the token limit.
    public var truncated: Int
    /// Of those, answers the embedded engine stopped in a repetition loop (``SampleResponse/isLooping``).
    public var looping: Int
    /// Per mode, in `ProbeMode.allCases` order, for the modes with planned samples.
    public var modes: [Mode]

    /// Creates counts from their parts.
    public init(answered: Int, truncated: Int, looping: Int = 0, modes: [Mode]) {
        self.answered = answered
        self.truncated = truncated
        self.looping = looping
        self.modes = modes
    }

    /// Counts the answers among `samples`.
    public init(samples: [JudgedSample]) {
        var answered: [ProbeMode: Int] = [:]
        var truncated: [ProbeMode: Int] = [:]
        var present = Set<ProbeMode>()
        var looping = 0
        for sample in samples {
            present.insert(sample.sample.mode)
            guard let response = sample.response, response.error == nil else { continue }
            answered[sample.sample.mode, default: 0] += 1
            if response.isTruncated { truncated[sample.sample.mode, default: 0] += 1 }
            if response.isLooping { looping += 1 }
        }
        self.looping = looping
        modes = ProbeMode.allCases.filter(present.contains).map {
            Mode(mode: $0, answered: answered[$0] ?? 0, truncated: truncated[$0] ?? 0)
        }
        self.answered = modes.reduce(0) { $0 + $1.answered }
        self.truncated = modes.reduce(0) { $0 + $1.truncated }
    }

    /// truncated / answered; nil without answers.
    public var share: Double? { answered > 0 ? Double(truncated) / Double(answered) : nil }

    /// The counts of `mode`, if it had planned samples.
    public func mode(_ mode: ProbeMode) -> Mode? { modes.first { $0.mode == mode } }

    enum CodingKeys: String, CodingKey { case answered, truncated, share, looping, modes }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        answered = try c.decode(Int.self, forKey: .answered)
        truncated = try c.decode(Int.self, forKey: .truncated)
        looping = try c.decodeIfPresent(Int.self, forKey: .looping) ?? 0
        modes = try c.decode([Mode].self, forKey: .modes)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(answered, forKey: .answered)
        try c.encode(truncated, forKey: .truncated)
        try c.encode(share, forKey: .share)
        try c.encode(looping, forKey: .looping)
        try c.encode(modes, forKey: .modes)
    }
}
