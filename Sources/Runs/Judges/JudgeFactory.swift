import Foundation
import Models

/// Builds judges from their specs: `semantic` (the default: MiniLM sentence embeddings and a fitted logistic head,
/// ``SemanticJudge``), `rubric` (keyword patterns, ``RubricJudge``), or `llm:MODELSPEC` (any model spec, e.g.
/// `llm:openai:gpt-4o-mini`, `llm:local:smollm2`).
public enum JudgeFactory {
    /// The judge spec used when none is given.
    public static let defaultSpec = "semantic"

    /// The judge for `spec`. `modelFactory` builds the judge model of an `llm:` spec (default: ``ModelFactory``).
    /// - Throws: ``JudgeError`` for an unknown or malformed spec; whatever `modelFactory` throws.
    public static func make(
        spec: String,
        modelFactory: (ModelSpec) throws -> any ChatModel = { try ModelFactory.make($0) }
    ) throws -> any Judge {
        let trimmed = spec.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "rubric" { return RubricJudge() }
        if trimmed.lowercased() == "semantic" { return try SemanticJudge.builtin() }
        guard trimmed.lowercased().hasPrefix("llm:") else { throw JudgeError.unknownSpec(spec) }
        let modelText = String(trimmed.dropFirst(4))
        let modelSpec: ModelSpec
        do {
            modelSpec = try ModelSpec(parsing: modelText)
        } catch {
            throw JudgeError.invalidModelSpec(spec: spec, reason: error.description)
        }
        return LLMJudge(model: try modelFactory(modelSpec))
    }
}
