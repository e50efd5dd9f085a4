/// How a preference run obtained its answers.
public enum PreferenceMethod: String, Codable, Sendable, Hashable {
    /// The embedded engine's exact probabilities of "A" and "B" at the answer position, renormalised over the two
    /// labels; each orientation of a pair counts as `samples` answers split in those proportions.
    case exact
    /// `samples` sampled answers per orientation, parsed to A or B; unparseable answers and refusals counted apart.
    case sampled

    /// A phrase for reports.
    public var description: String {
        switch self {
        case .exact: "exact label probabilities from the embedded engine (P(A), P(B) renormalised; each orientation weighted as K answers)"
        case .sampled: "sampled answers (K per orientation, parsed to A or B; unparseable answers and refusals counted apart)"
        }
    }
}
