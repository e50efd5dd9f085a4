/// How a forced-choice probability was obtained; every report says which.
public enum ChoiceMethod: String, Codable, Sendable, CaseIterable, Hashable {
    /// Computed from the model's logits in one evaluation (the embedded engine and `local:` GGUF models): the
    /// probability of each answer at the answer position (letter and yes/no forms) or of each action's full text
    /// (repeat form), renormalised over the answers offered. No sampling noise.
    case exact
    /// Estimated from sampled answers, each parsed to an action; invalid answers and refusals are counted apart.
    case sampled
    /// Read from the first-token log-probabilities an OpenAI-compatible server reports with a sampled answer (its
    /// 20 most likely tokens), renormalised over the offered answers (`A`/`B`, `Yes`/`No`); an answer missing from
    /// the list counts 0. Letter and yes/no forms only: a repeat form's answers are sampled.
    case logprobs
}

extension ChoiceMethod {
    /// The method that describes a set of answers: exact when any answer is exact (a local model's are all exact),
    /// else log-probabilities when any answer was read from them, else sampled.
    static func describing(_ answers: [ChoiceAnswer]) -> ChoiceMethod {
        let methods = Set(answers.map(\.measuredBy))
        if methods.contains(.exact) { return .exact }
        return methods.contains(.logprobs) ? .logprobs : .sampled
    }
}
