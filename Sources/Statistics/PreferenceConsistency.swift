/// Decisiveness and order consistency of raw pairwise preference counts.
public struct PreferenceConsistency: Sendable, Codable, Equatable, Hashable {
    /// Mean over edges of 2·|P̂ − ½| (0: every pair a coin flip; 1: every pair answered the same way every time).
    public var decisiveness: Double
    /// Share of edges with P̂ < 0.2 or P̂ > 0.8.
    public var decisiveShare: Double
    /// Edges (pairs with at least one counted answer).
    public var edges: Int
    /// Mean over edges answered in both orientations of |P̂(a ≻ b | a first) − P̂(a ≻ b | b first)|, i.e.
    /// |P̂_AB(original) − (1 − P̂_BA(flipped))|; `nil` when no edge was answered in both orientations.
    public var orderDiscrepancy: Double?
    /// 1 − ``orderDiscrepancy``: 1 when the order of presentation never changes the preference.
    public var orderConsistency: Double?
    /// Edges answered in both orientations.
    public var edgesWithBothOrders: Int
    /// Share of all counted answers that chose the option shown first (½ without a position bias).
    public var firstPositionRate: Double
}

/// Decisiveness (mean 2·|P̂ − ½| and the share of pairs with P̂ ∉ [0.2, 0.8]) and order consistency
/// (|P̂_AB(original) − (1 − P̂_BA(flipped))| averaged over pairs asked both ways) of the raw counts, following
/// docs/metrics.md, "Preferences and utilities" (Mazeika et al. 2025). P̂ pools both orientations.
public func preferenceConsistency(_ data: PairwisePreferenceData) -> PreferenceConsistency {
    var decisive = 0.0
    var strong = 0
    var discrepancy = 0.0
    var ordered = 0
    var firstChosen = 0.0
    var answers = 0.0
    for edge in data.edges {
        guard let p = edge.empiricalPreference else { continue }
        decisive += 2 * abs(p - 0.5)
        if p < 0.2 || p > 0.8 { strong += 1 }
        if let whenAFirst = edge.preferenceWhenAFirst, let whenBFirst = edge.preferenceWhenBFirst {
            discrepancy += abs(whenAFirst - whenBFirst)
            ordered += 1
        }
        firstChosen += edge.aPreferredWhenAFirst + edge.bPreferredWhenBFirst
        answers += edge.total
    }
    let count = data.edges.count
    let orderDiscrepancy = ordered > 0 ? discrepancy / Double(ordered) : nil
    return PreferenceConsistency(
        decisiveness: decisive / Double(count), decisiveShare: Double(strong) / Double(count), edges: count,
        orderDiscrepancy: orderDiscrepancy, orderConsistency: orderDiscrepancy.map { 1 - $0 },
        edgesWithBothOrders: ordered, firstPositionRate: firstChosen / answers)
}
