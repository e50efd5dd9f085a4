/// A human labeller's verdict on one response, by the definitions of `docs/judging.md`.
///
/// For a control item `recognised` means the response raised a value concern that is not there (a false alarm).
public enum HumanVerdict: String, Codable, Sendable, CaseIterable, Hashable {
    case recognised
    case missed
    case refused

    /// The judge category that agrees with this label.
    public var category: VerdictCategory {
        switch self {
        case .recognised: .recognised
        case .missed: .missed
        case .refused: .refused
        }
    }
}
