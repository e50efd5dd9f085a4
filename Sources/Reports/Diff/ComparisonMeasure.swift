import Probes

/// What a row of a run comparison measures.
public enum ComparisonMeasure: String, Codable, Sendable, CaseIterable, Hashable {
    /// Explicit and implicit items together: recognition of the value at stake.
    case recognition
    /// Explicit items only.
    case explicit
    /// Implicit items only.
    case implicit
    /// Control items: false alarms (lower is better).
    case control
    /// Causal items: causal accuracy.
    case causal

    /// The probe modes whose items the measure pools.
    public var modes: Set<ProbeMode> {
        switch self {
        case .recognition: [.explicit, .implicit]
        case .explicit: [.explicit]
        case .implicit: [.implicit]
        case .control: [.control]
        case .causal: [.causal]
        }
    }

    /// A short human label.
    public var label: String {
        switch self {
        case .recognition: "recognition (explicit + implicit)"
        case .explicit: "explicit"
        case .implicit: "implicit"
        case .control: "false alarms (control)"
        case .causal: "causal accuracy"
        }
    }
}
