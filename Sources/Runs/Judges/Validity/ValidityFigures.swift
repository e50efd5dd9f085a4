import Probes
import Statistics

/// A judge's agreement with human labels on a set of responses: the figures ``ModeValidity`` holds for one mode,
/// also used for the "all modes" line of `valueprobe judge eval`.
///
/// Definitions (human label = truth):
/// - sensitivity = P(judge recognised | human recognised), specificity = P(judge missed | human missed), each
///   over every judge category (a human-recognised response the judge calls unparseable, refused or error counts
///   against sensitivity), with Wilson intervals;
/// - balanced accuracy = the mean recall over the human classes present (recognised, missed and, where any row
///   has it, refused), the recall of a class being the share of its rows the judge put in the matching category;
/// - κ = Cohen's κ between the human label and the judge category over all categories.
/// Balanced accuracy and κ carry a percentile bootstrap over rows (``Statistics/unitBootstrap(units:replicates:seed:confidence:statistic:)``);
/// a replicate uses the classes present in it, and replicates where κ is undefined are left out.
public struct ValidityFigures: Codable, Sendable, Equatable {
    /// Labelled responses.
    public var rows: Int
    /// Human label × judge category.
    public var confusion: VerdictConfusion
    public var sensitivity: IntervalEstimate?
    public var specificity: IntervalEstimate?
    public var balancedAccuracy: IntervalEstimate?
    public var kappa: IntervalEstimate?

    /// Creates figures from their parts.
    public init(rows: Int, confusion: VerdictConfusion, sensitivity: IntervalEstimate?, specificity: IntervalEstimate?,
                balancedAccuracy: IntervalEstimate?, kappa: IntervalEstimate?) {
        self.rows = rows
        self.confusion = confusion
        self.sensitivity = sensitivity
        self.specificity = specificity
        self.balancedAccuracy = balancedAccuracy
        self.kappa = kappa
    }

    /// Measures the figures of (human label, judge category) pairs.
    ///
    /// - Parameters:
    ///   - seed: seed of the bootstraps; balanced accuracy uses `StatisticSeed.seed(base: seed, label: "ba")`,
    ///     κ `StatisticSeed.seed(base: seed, label: "kappa")`.
    ///   - replicates: bootstrap replicates (2,000 by default).
    public static func measure(
        pairs: [(HumanVerdict, VerdictCategory)], seed: UInt64, replicates: Int = 2000, confidence: Double = 0.95
    ) -> ValidityFigures {
        let confusion = VerdictConfusion(pairs)
        func wilson(_ human: HumanVerdict) -> IntervalEstimate? {
            let trials = confusion.total(human: human)
            let hits = confusion.count(human: human, judge: human.category)
            return ((try? wilsonInterval(successes: hits, trials: trials, confidence: confidence)) ?? nil)
                .map { IntervalEstimate(wilson: $0, trials: trials) }
        }
        let humans = pairs.map(\.0)
        let judges = pairs.map(\.1)
        let humanSlots = humans.map { human in HumanVerdict.allCases.firstIndex(of: human) ?? 0 }
        func balanced(_ indices: [Int]) -> Double? {
            // Tallies in HumanVerdict.allCases order, so that the sum is the same bit for bit in every process.
            var totals = [Int](repeating: 0, count: HumanVerdict.allCases.count)
            var hits = [Int](repeating: 0, count: HumanVerdict.allCases.count)
            for index in indices {
                let slot = humanSlots[index]
                totals[slot] += 1
                if judges[index] == humans[index].category { hits[slot] += 1 }
            }
            let recalls = zip(hits, totals).compactMap { $1 > 0 ? Double($0) / Double($1) : nil }
            guard !recalls.isEmpty else { return nil }
            return recalls.reduce(0, +) / Double(recalls.count)
        }
        func kappa(_ indices: [Int]) -> Double? {
            ((try? cohenKappa(indices.map { humans[$0].category.rawValue }, indices.map { judges[$0].rawValue })) ?? nil)?.kappa
        }
        func boot(_ label: String, _ statistic: ([Int]) -> Double?) -> IntervalEstimate? {
            ((try? unitBootstrap(units: pairs.count, replicates: replicates,
                                 seed: StatisticSeed.seed(base: seed, label: label), confidence: confidence,
                                 statistic: statistic)) ?? nil)
                .map { IntervalEstimate(bootstrap: $0, method: .rowBootstrap) }
        }
        return ValidityFigures(rows: pairs.count, confusion: confusion, sensitivity: wilson(.recognised),
                               specificity: wilson(.missed), balancedAccuracy: boot("ba", balanced),
                               kappa: boot("kappa", kappa))
    }

    enum CodingKeys: String, CodingKey {
        case rows, confusion, sensitivity, specificity
        case balancedAccuracy = "balanced_accuracy"
        case kappa
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rows, forKey: .rows)
        try c.encode(confusion, forKey: .confusion)
        try c.encode(sensitivity, forKey: .sensitivity)
        try c.encode(specificity, forKey: .specificity)
        try c.encode(balancedAccuracy, forKey: .balancedAccuracy)
        try c.encode(kappa, forKey: .kappa)
    }
}

extension ModeValidity {
    /// The figures of one mode from (human label, judge category) pairs of responses to items of that mode — the
    /// one computation behind `valueprobe judge eval`, the shipped `judge-validity.json` and the validity measured
    /// from human labels imported into a run. See ``ValidityFigures`` for the definitions.
    ///
    /// - Parameter seed: base seed; the bootstraps use `StatisticSeed.seed(base: seed, label: "validity|MODE")`
    ///   as their base (see ``ValidityFigures/measure(pairs:seed:replicates:confidence:)``).
    public static func measure(
        mode: ProbeMode, pairs: [(HumanVerdict, VerdictCategory)], seed: UInt64, replicates: Int = 2000,
        confidence: Double = 0.95
    ) -> ModeValidity {
        let figures = ValidityFigures.measure(
            pairs: pairs, seed: StatisticSeed.seed(base: seed, label: "validity|\(mode.rawValue)"),
            replicates: replicates, confidence: confidence)
        return ModeValidity(mode: mode, figures: figures)
    }
}
