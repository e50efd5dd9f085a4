/// The pooled answers for one unordered pair of outcomes `a < b`, kept per orientation.
///
/// "A first" means outcome `a` was shown as option A; "B first" means `b` was.
public struct PreferenceEdge: Sendable, Codable, Equatable, Hashable {
    /// The smaller outcome index.
    public var a: Int
    /// The larger outcome index.
    public var b: Int
    /// Answers preferring `a` when `a` was shown first.
    public var aPreferredWhenAFirst: Double
    /// Answers preferring `b` when `a` was shown first.
    public var bPreferredWhenAFirst: Double
    /// Answers preferring `a` when `b` was shown first.
    public var aPreferredWhenBFirst: Double
    /// Answers preferring `b` when `b` was shown first.
    public var bPreferredWhenBFirst: Double

    /// Creates an edge from its four counts (all 0 by default).
    public init(
        a: Int, b: Int, aPreferredWhenAFirst: Double = 0, bPreferredWhenAFirst: Double = 0,
        aPreferredWhenBFirst: Double = 0, bPreferredWhenBFirst: Double = 0
    ) {
        self.a = a
        self.b = b
        self.aPreferredWhenAFirst = aPreferredWhenAFirst
        self.bPreferredWhenAFirst = bPreferredWhenAFirst
        self.aPreferredWhenBFirst = aPreferredWhenBFirst
        self.bPreferredWhenBFirst = bPreferredWhenBFirst
    }

    /// Answers preferring `a`, both orientations pooled.
    public var aPreferred: Double { aPreferredWhenAFirst + aPreferredWhenBFirst }
    /// Answers preferring `b`, both orientations pooled.
    public var bPreferred: Double { bPreferredWhenAFirst + bPreferredWhenBFirst }
    /// All counted answers.
    public var total: Double { aPreferred + bPreferred }

    /// P̂(a ≻ b) = #a / (#a + #b), both orientations pooled; `nil` without answers.
    public var empiricalPreference: Double? { total > 0 ? aPreferred / total : nil }

    /// P̂(a ≻ b) from the presentations with `a` first only; `nil` without such answers.
    public var preferenceWhenAFirst: Double? {
        let n = aPreferredWhenAFirst + bPreferredWhenAFirst
        return n > 0 ? aPreferredWhenAFirst / n : nil
    }

    /// P̂(a ≻ b) from the presentations with `b` first only (that is 1 − P̂(b ≻ a) flipped); `nil` without such
    /// answers.
    public var preferenceWhenBFirst: Double? {
        let n = aPreferredWhenBFirst + bPreferredWhenBFirst
        return n > 0 ? aPreferredWhenBFirst / n : nil
    }

    /// The same edge with every count multiplied by `factor` (a bootstrap sample that drew it `factor` times).
    func scaled(by factor: Double) -> PreferenceEdge {
        PreferenceEdge(
            a: a, b: b, aPreferredWhenAFirst: aPreferredWhenAFirst * factor,
            bPreferredWhenAFirst: bPreferredWhenAFirst * factor, aPreferredWhenBFirst: aPreferredWhenBFirst * factor,
            bPreferredWhenBFirst: bPreferredWhenBFirst * factor)
    }
}
