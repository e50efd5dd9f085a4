import Statistics

/// Whether an item's samples decide which answer the model gives: stable-recognise when the Wilson interval of the
/// item's rate lies entirely above ½, stable-miss when it lies entirely below ½, unstable otherwise (the samples
/// do not decide it: the answers vary, or there are too few of them — 3 of 3 recognised is not decided, 10 of 12 is).
public enum ItemStability: String, Codable, Sendable, Equatable, CaseIterable {
    case stableRecognise = "stable_recognise"
    case stableMiss = "stable_miss"
    case unstable

    /// The class of `recognised` out of `labelled` samples at `confidence`; nil without labelled samples.
    public init?(recognised: Int, labelled: Int, confidence: Double = 0.95) {
        guard let interval = try? wilsonInterval(successes: recognised, trials: labelled, confidence: confidence) else {
            return nil
        }
        if interval.lower > 0.5 {
            self = .stableRecognise
        } else if interval.upper < 0.5 {
            self = .stableMiss
        } else {
            self = .unstable
        }
    }
}
