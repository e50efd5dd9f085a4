import Statistics

/// The strong/weak gap of one value (or of a whole model): Δ = R_explicit − R_implicit within scenarios.
///
/// Scenarios: an explicit item with every implicit item whose `pair_id` points to it (its samples against theirs,
/// pooled). An implicit item without a usable partner (no `pair_id`, an unknown one, or a partner without labelled
/// samples) is paired with all its family's explicit samples instead (a "fallback pair"); without any labelled
/// explicit item in the family it is left out. Explicit items that no implicit item points to (e.g. definitions)
/// enter R_explicit in the per-mode table but not the gap, so Δ may differ from the plain difference of the two
/// mode rates, which is reported too.
///
/// Δ̂ is the mean over scenarios of (explicit rate − implicit rate); its interval is the scenario-level t interval
/// of ``Statistics/scenarioGapInterval(_:confidence:)`` (scenario spread and sampling noise both count; one
/// scenario gives a conditional interval over sampling noise only), and ``permutation`` the stratified permutation
/// test of "no gap within these scenarios" at the sample level. `docs/metrics.md` states both and their simulated
/// coverage.
public struct GapMetrics: Codable, Sendable, Equatable {
    /// Δ̂ with its scenario-level interval (method `scenario_t`, or `conditional` for a single scenario).
    public var estimate: IntervalEstimate?
    /// R_explicit − R_implicit of the per-mode rates (all items of each mode), for comparison.
    public var differenceOfMeans: Double?
    /// Implicit items paired with their own explicit partner.
    public var pairs: Int
    /// Implicit items paired with their family's explicit samples.
    public var fallbackPairs: Int
    /// Implicit items with labels that could not be paired at all.
    public var unpaired: Int
    /// Scenarios in the interval (S).
    public var scenarios: Int
    /// True when the scenarios agreed more closely than their own sampling noise allows, so the noise floor set the
    /// interval's width.
    public var samplingFloor: Bool
    /// Stratified permutation test within scenarios (two-sided).
    public var permutation: PermutationTestResult?
    /// The answers per item (or scenarios) that would detect the gap seen, at 80 % power (``Statistics/GapSampleSize``).
    public var sampleSize: GapSampleSize?
    /// The two rates the gap is the difference of: the mean over its scenarios of the explicit rate and of the
    /// implicit rate. They differ from the per-mode rates, which include explicit items outside any scenario
    /// (definitions) and weigh items, not scenarios; `pairedExplicit − pairedImplicit` is the estimate.
    public var pairedExplicit: Double?
    public var pairedImplicit: Double?

    /// Below this many scenarios a gap says little beyond the scenarios asked: reports warn.
    public static let minimumScenarios = 5

    /// Creates metrics from their parts.
    public init(estimate: IntervalEstimate?, differenceOfMeans: Double?, pairs: Int, fallbackPairs: Int, unpaired: Int,
                scenarios: Int, samplingFloor: Bool, permutation: PermutationTestResult?,
                sampleSize: GapSampleSize? = nil, pairedExplicit: Double? = nil, pairedImplicit: Double? = nil) {
        self.estimate = estimate
        self.differenceOfMeans = differenceOfMeans
        self.pairs = pairs
        self.fallbackPairs = fallbackPairs
        self.unpaired = unpaired
        self.scenarios = scenarios
        self.samplingFloor = samplingFloor
        self.permutation = permutation
        self.sampleSize = sampleSize
        self.pairedExplicit = pairedExplicit
        self.pairedImplicit = pairedImplicit
    }

    /// Whether there are fewer scenarios than ``minimumScenarios``.
    public var tooFewScenarios: Bool { scenarios < Self.minimumScenarios }

    /// Whether the interval includes 0 (the run cannot tell the gap from none).
    public var includesZero: Bool { estimate.map { $0.lower <= 0 && 0 <= $0.upper } ?? true }

    /// What the gap is the difference of, in words (ASCII, for terminals too): "explicit 25% - implicit 0% within
    /// 6 scenarios"; nil without scenarios. Shown next to the gap so that a reader does not take it for the
    /// difference of the mode rates.
    public var composition: String? {
        guard let e = pairedExplicit, let i = pairedImplicit, scenarios > 0 else { return nil }
        func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
        return "explicit \(percent(e)) - implicit \(percent(i)) within \(scenarios) scenario\(scenarios == 1 ? "" : "s")"
    }

    /// One plain sentence on what the gap allows one to conclude, or nil when there is nothing to say.
    public var caution: String? {
        var parts: [String] = []
        if scenarios == 1 {
            parts.append("1 scenario: the interval counts sampling noise only and says nothing about other scenarios")
        } else if tooFewScenarios, scenarios > 0 {
            parts.append("only \(scenarios) scenarios: too few to generalise (at least \(Self.minimumScenarios) recommended)")
        }
        if estimate != nil, includesZero {
            var part = "not distinguishable from 0 at this size"
            if let size = sampleSize {
                let power = Int((size.power * 100).rounded())
                if let needed = size.scenariosNeeded {
                    part += "; more answers per item cannot settle it (the scenarios differ too much): "
                        + "~\(needed) scenarios needed for \(power) % power"
                } else if let total = size.answersPerItem, Double(total) > size.currentAnswersPerItem {
                    let more = Int((Double(total) - size.currentAnswersPerItem).rounded(.up))
                    part += "; ~\(more) more answers per item needed (\(total) in all) to detect a gap this size "
                        + "with \(power) % power"
                }
            }
            parts.append(part)
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    enum CodingKeys: String, CodingKey {
        case estimate
        case differenceOfMeans = "difference_of_means"
        case pairs
        case fallbackPairs = "fallback_pairs"
        case unpaired, scenarios
        case samplingFloor = "sampling_floor"
        case permutation
        case sampleSize = "sample_size"
        case pairedExplicit = "paired_explicit"
        case pairedImplicit = "paired_implicit"
        case caution
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        estimate = try c.decodeIfPresent(IntervalEstimate.self, forKey: .estimate)
        differenceOfMeans = try c.decodeIfPresent(Double.self, forKey: .differenceOfMeans)
        pairs = try c.decode(Int.self, forKey: .pairs)
        fallbackPairs = try c.decode(Int.self, forKey: .fallbackPairs)
        unpaired = try c.decode(Int.self, forKey: .unpaired)
        scenarios = try c.decodeIfPresent(Int.self, forKey: .scenarios) ?? 0
        samplingFloor = try c.decodeIfPresent(Bool.self, forKey: .samplingFloor) ?? false
        permutation = try c.decodeIfPresent(PermutationTestResult.self, forKey: .permutation)
        sampleSize = try c.decodeIfPresent(GapSampleSize.self, forKey: .sampleSize)
        pairedExplicit = try c.decodeIfPresent(Double.self, forKey: .pairedExplicit)
        pairedImplicit = try c.decodeIfPresent(Double.self, forKey: .pairedImplicit)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(estimate, forKey: .estimate)
        try c.encode(differenceOfMeans, forKey: .differenceOfMeans)
        try c.encode(pairs, forKey: .pairs)
        try c.encode(fallbackPairs, forKey: .fallbackPairs)
        try c.encode(unpaired, forKey: .unpaired)
        try c.encode(scenarios, forKey: .scenarios)
        try c.encode(samplingFloor, forKey: .samplingFloor)
        try c.encode(permutation, forKey: .permutation)
        try c.encodeIfPresent(sampleSize, forKey: .sampleSize)
        try c.encodeIfPresent(pairedExplicit, forKey: .pairedExplicit)
        try c.encodeIfPresent(pairedImplicit, forKey: .pairedImplicit)
        try c.encode(caution, forKey: .caution)
    }
}
