/// The rungs of the hint ladder, from System 1 to System 2: how much help a model gets before it is judged on
/// whether it notices the value at risk in a scenario (``ProbeItem/level``).
///
/// Level 0 is the plain request (the implicit item), level 1 adds a deliberation prompt that names no value,
/// level 2 asks a follow-up question after the model's own first answer, and level 3 is the explicit twin (the
/// scenario asked as a question about the value). The level at which a model starts to notice measures how much
/// prompting its recognition needs.
public enum HintLevel: Int, Codable, Sendable, CaseIterable, Hashable {
    case request = 0
    case deliberation = 1
    case followUp = 2
    case explicit = 3

    /// A short name for tables: "request", "deliberation", "follow-up", "explicit".
    public var name: String {
        switch self {
        case .request: "request"
        case .deliberation: "deliberation"
        case .followUp: "follow-up"
        case .explicit: "explicit"
        }
    }
}
