import Statistics

/// How stable an item's recognition is across its samples: stable-recognise r̂ ≥ 0.9, stable-miss r̂ ≤ 0.1,
/// unstable otherwise.
public enum ItemStability: String, Codable, Sendable, Equatable, CaseIterable {
    case stableRecognise = "stable_recognise"
    case stableMiss = "stable_miss"
    case unstable

    /// The class of a rate (``StabilityClass`` with its default thresholds).
    public init(rate: Double) {
        switch StabilityClass(rate: rate) {
        case .stableRecognise: self = .stableRecognise
        case .stableMiss: self = .stableMiss
        case .unstable: self = .unstable
        }
    }
}
