/// Why a judge could not be made or could not judge a sample. Each description is one line.
public enum JudgeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The judge spec is neither `semantic`, `rubric` nor `llm:MODELSPEC`.
    case unknownSpec(String)
    /// `llm:` is followed by something that is not a model spec.
    case invalidModelSpec(spec: String, reason: String)
    /// The item has no rubric (neither its own, its family's nor the suite's template).
    case noRubric(itemID: String)
    /// A rubric pattern does not compile.
    case invalidRubric(itemID: String, reason: String)
    /// The judge model failed (the sample stays unjudged and can be judged again).
    case judgeModelFailed(spec: String, reason: String)
    /// The `semantic` judge's encoder, exemplars or head could not be loaded or do not fit together.
    case semantic(String)

    public var description: String {
        switch self {
        case .unknownSpec(let spec):
            "judge spec '\(spec)': unknown judge (expected 'semantic', 'rubric' or 'llm:MODELSPEC', e.g. llm:openai:gpt-4o-mini)"
        case .invalidModelSpec(let spec, let reason):
            "judge spec '\(spec)': \(JudgeError.oneLine(reason))"
        case .noRubric(let itemID):
            "item '\(itemID)': no rubric to judge it with (give the item, its family or the suite a rubric)"
        case .invalidRubric(let itemID, let reason):
            "item '\(itemID)': rubric cannot be used: \(JudgeError.oneLine(reason))"
        case .judgeModelFailed(let spec, let reason):
            "judge '\(spec)' failed: \(JudgeError.oneLine(reason))"
        case .semantic(let reason):
            "semantic judge: \(JudgeError.oneLine(reason))"
        }
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
