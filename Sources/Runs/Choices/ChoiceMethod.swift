/// How a forced-choice probability was obtained; every report says which.
public enum ChoiceMethod: String, Codable, Sendable, CaseIterable, Hashable {
    /// Computed from the model's logits in one evaluation (the embedded engine and `local:` GGUF models): the
    /// probability of each answer at the answer position (letter and yes/no forms) or of each action's full text
    /// (repeat form), renormalised over the answers offered. No sampling noise.
    case exact
    /// Estimated from sampled answers, each parsed to an action; invalid answers and refusals are counted apart.
    case sampled
}
