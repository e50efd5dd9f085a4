/// How stable an item's recognition is across repeated samples.
public enum StabilityClass: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
    /// Recognised almost always: r̂ ≥ 0.9 (by default).
    case stableRecognise
    /// Missed almost always: r̂ ≤ 0.1 (by default).
    case stableMiss
    /// Anything in between.
    case unstable

    /// Classifies a recognition rate; a NaN rate is `unstable`.
    ///
    /// - Parameters:
    ///   - rate: the item's recognition rate r̂.
    ///   - recogniseAtLeast: lower bound of `stableRecognise` (inclusive).
    ///   - missAtMost: upper bound of `stableMiss` (inclusive).
    public init(rate: Double, recogniseAtLeast: Double = 0.9, missAtMost: Double = 0.1) {
        if rate >= recogniseAtLeast {
            self = .stableRecognise
        } else if rate <= missAtMost {
            self = .stableMiss
        } else {
            self = .unstable
        }
    }
}
