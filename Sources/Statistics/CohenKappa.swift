/// Cohen's κ between two raters, with its parts.
public struct CohenKappa: Sendable, Codable, Equatable, Hashable {
    /// Number of units rated by both raters.
    public var count: Int
    /// Observed agreement p_o: share of units with identical labels.
    public var observedAgreement: Double
    /// Chance agreement p_e = Σ_c p_{1c}·p_{2c} from each rater's marginal label shares.
    public var chanceAgreement: Double
    /// κ = (p_o − p_e)/(1 − p_e); `nil` when p_e = 1 (both raters used one and the same label throughout).
    public var kappa: Double?

    /// Creates a result from its parts, as stored.
    public init(count: Int, observedAgreement: Double, chanceAgreement: Double, kappa: Double?) {
        self.count = count
        self.observedAgreement = observedAgreement
        self.chanceAgreement = chanceAgreement
        self.kappa = kappa
    }
}

/// Cohen's κ for two raters over any number of categories; `first[i]` and `second[i]` label unit i.
///
/// - Returns: `nil` for empty inputs.
/// - Throws: `StatisticsError` when the arrays differ in length.
public func cohenKappa<Label: Hashable>(_ first: [Label], _ second: [Label]) throws(StatisticsError) -> CohenKappa? {
    guard first.count == second.count else {
        throw StatisticsError(function: "cohenKappa", reason: "first has \(first.count) labels but second has \(second.count)")
    }
    guard !first.isEmpty else { return nil }
    var slot: [Label: Int] = [:]
    var firstCounts: [Int] = []
    var secondCounts: [Int] = []
    func index(of label: Label) -> Int {
        if let index = slot[label] { return index }
        slot[label] = firstCounts.count
        firstCounts.append(0)
        secondCounts.append(0)
        return firstCounts.count - 1
    }
    var agreements = 0
    for (a, b) in zip(first, second) {
        firstCounts[index(of: a)] += 1
        secondCounts[index(of: b)] += 1
        if a == b { agreements += 1 }
    }
    let n = Double(first.count)
    let observed = Double(agreements) / n
    var chance = 0.0
    for (a, b) in zip(firstCounts, secondCounts) { chance += Double(a) * Double(b) }
    chance /= n * n
    let kappa: Double? = chance < 1 ? (observed - chance) / (1 - chance) : nil
    return CohenKappa(count: first.count, observedAgreement: observed, chanceAgreement: chance, kappa: kappa)
}
