/// How a probe item tests a value.
///
/// - `explicit`: asks about the value directly ("What is human dignity?").
/// - `implicit`: a practical request that puts the value at risk without naming it.
/// - `control`: the same surface story as an implicit item with nothing at risk (measures false alarms).
/// - `causal`: asks the model to predict what an action leads to, often around a statistical or causal trap.
public enum ProbeMode: String, Codable, Sendable, CaseIterable, Hashable {
    case explicit
    case implicit
    case control
    case causal
}
