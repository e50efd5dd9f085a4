/// The five foundations of Moral Foundations Theory, as the lexicons name them (MoralStrength's `purity` is
/// ``sanctity``).
public enum MoralFoundation: String, CaseIterable, Sendable, Codable, Hashable {
    case care, fairness, loyalty, authority, sanctity

    /// Parses a foundation name; accepts `purity` for ``sanctity`` and `harm` for ``care``, any case.
    public init?(name: String) {
        switch name.lowercased() {
        case "care", "harm": self = .care
        case "fairness", "cheating": self = .fairness
        case "loyalty", "betrayal", "ingroup": self = .loyalty
        case "authority", "subversion": self = .authority
        case "sanctity", "purity", "degradation": self = .sanctity
        default: return nil
        }
    }
}
