import Statistics

/// How far several judges agree with each other on the same responses (whatever the truth): Cohen's κ for every
/// pair of judges and Krippendorff's α (nominal) over all of them, each over the verdict categories.
///
/// α carries a percentile bootstrap over responses (``Statistics/unitBootstrap(units:replicates:seed:confidence:statistic:)``);
/// κ is given as a point value per pair.
public struct JudgePanelAgreement: Codable, Sendable, Equatable {
    /// Cohen's κ of one pair of judges.
    public struct Pair: Codable, Sendable, Equatable {
        public var first: String
        public var second: String
        /// Responses both judged.
        public var n: Int
        /// Share of responses with the same category.
        public var observedAgreement: Double?
        /// κ; nil when undefined (both judges used one and the same category throughout).
        public var kappa: Double?

        /// Creates a pair.
        public init(first: String, second: String, n: Int, observedAgreement: Double?, kappa: Double?) {
            self.first = first
            self.second = second
            self.n = n
            self.observedAgreement = observedAgreement
            self.kappa = kappa
        }

        enum CodingKeys: String, CodingKey {
            case first, second, n
            case observedAgreement = "observed_agreement"
            case kappa
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(first, forKey: .first)
            try c.encode(second, forKey: .second)
            try c.encode(n, forKey: .n)
            try c.encode(observedAgreement, forKey: .observedAgreement)
            try c.encode(kappa, forKey: .kappa)
        }
    }

    /// The judges, in order.
    public var judges: [String]
    /// Responses judged.
    public var units: Int
    /// Every pair of judges, in order (first before second).
    public var pairs: [Pair]
    /// Krippendorff's α (nominal) over the judges' categories, with a bootstrap interval over responses; nil when
    /// undefined (every judge gave one and the same category throughout).
    public var alpha: IntervalEstimate?

    /// Creates agreement from its parts.
    public init(judges: [String], units: Int, pairs: [Pair], alpha: IntervalEstimate?) {
        self.judges = judges
        self.units = units
        self.pairs = pairs
        self.alpha = alpha
    }

    /// Measures agreement among `judges`, each giving one category per response (all the same length).
    /// - Parameter seed: seed of α's bootstrap.
    public static func measure(
        judges: [(spec: String, categories: [VerdictCategory])], seed: UInt64, replicates: Int = 2000,
        confidence: Double = 0.95
    ) -> JudgePanelAgreement {
        let units = judges.map(\.categories.count).min() ?? 0
        var pairs: [Pair] = []
        for i in judges.indices {
            for j in judges.indices where j > i {
                let a = Array(judges[i].categories.prefix(units)).map(\.rawValue)
                let b = Array(judges[j].categories.prefix(units)).map(\.rawValue)
                let kappa = (try? cohenKappa(a, b)) ?? nil
                pairs.append(Pair(first: judges[i].spec, second: judges[j].spec, n: units,
                                  observedAgreement: kappa?.observedAgreement, kappa: kappa?.kappa))
            }
        }
        let data = judges.map { Array($0.categories.prefix(units)).map(\.rawValue) }
        let alpha = ((try? unitBootstrap(units: units, replicates: replicates, seed: seed, confidence: confidence) { indices in
            let sample: [[String?]] = data.map { row in indices.map { Optional(row[$0]) } }
            return (try? krippendorffAlpha(labels: sample)) ?? nil
        }) ?? nil).map { IntervalEstimate(bootstrap: $0, method: .rowBootstrap) }
        return JudgePanelAgreement(judges: judges.map(\.spec), units: units, pairs: pairs, alpha: alpha)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(judges, forKey: .judges)
        try c.encode(units, forKey: .units)
        try c.encode(pairs, forKey: .pairs)
        try c.encode(alpha, forKey: .alpha)
    }
}
