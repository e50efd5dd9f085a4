import Foundation
import Inference
import Models
import Probes

/// Judges responses by asking a model (spec `llm:MODELSPEC`, e.g. `llm:openai:gpt-4o-mini` or `llm:local:smollm2`).
///
/// Each response is shown to the judge model with the fixed, neutral prompt of ``JudgePrompt`` (the same questions
/// for every mode; the judge is not told the mode nor whether anything is at risk) at temperature 0 with a fixed
/// seed (``seed``), so that repeated judging of a frozen response is as repeatable as the backend allows. The reply
/// is read strictly by ``JudgeReply/parse(_:)``; a reply that does not qualify becomes `.unparseable` with the reply
/// kept in `raw` — never a silent "missed". The code maps the judge's answers to a category for the item's mode
/// (``JudgeAnswerMapping``); the verdict's rationale records every answer, the rule that decided and the judge's own
/// rationale.
///
/// When the backend can (``Models/ChatModel/honoursResponseFormat``: the embedded engine, `valueprobe serve`,
/// OpenAI and other OpenAI-compatible servers) the request carries the verdict's JSON Schema
/// (``JudgeReply/responseFormat``), so the reply is a parseable verdict unless it was cut off at `maxTokens` (the
/// embedded engine, `valueprobe serve`, llama-server and vLLM enforce it; OpenAI follows it without `strict`);
/// such verdicts say so at the end of their rationale (`[asked under the verdict schema]`), and
/// ``constrainsVerdict`` tells.
///
/// Before the model is asked: a failed backend call (`response.error`) gives `.error` and an empty response gives
/// `.unparseable`. A failure of the judge model itself is thrown (``JudgeError/judgeModelFailed(spec:reason:)``),
/// so the sample stays unjudged and can be judged again later.
public struct LLMJudge: ReseedableJudge {
    /// `llm:` followed by the judge model's spec.
    public let spec: String
    /// The judge model.
    public let model: any ChatModel
    /// Seed sent with every judge request.
    public let seed: UInt64
    /// Most tokens the judge may write.
    public let maxTokens: Int

    /// Whether requests carry the verdict schema as their response format (the backend honours it).
    public var constrainsVerdict: Bool { model.honoursResponseFormat }

    /// The seed used unless another is given.
    public static let defaultSeed: UInt64 = 20_240_815

    /// A judge that asks `model`.
    public init(model: any ChatModel, seed: UInt64 = LLMJudge.defaultSeed, maxTokens: Int = 400) {
        self.model = model
        self.spec = "llm:" + model.spec.description
        self.seed = seed
        self.maxTokens = maxTokens
    }

    /// The request sent for one response (exposed for tests and audit).
    public func request(item: ProbeItem, family: ProbeFamily, suite: ProbeSuite, variant: Int,
                        response: String, earlierAnswers: [String] = []) -> ChatRequest {
        ChatRequest(
            messages: JudgePrompt.messages(item: item, family: family, suite: suite, variant: variant,
                                           response: response, earlierAnswers: earlierAnswers),
            temperature: 0, maxTokens: maxTokens, seed: seed,
            responseFormat: constrainsVerdict ? JudgeReply.responseFormat : nil
        )
    }

    public func judge(
        sample: PlannedSample, item: ProbeItem, family: ProbeFamily, suite: ProbeSuite, response: SampleResponse
    ) async throws -> Verdict {
        if let verdict = verdictWithoutJudging(sample: sample, response: response) { return verdict }
        let reply: ChatResponse
        do {
            reply = try await model.complete(request(item: item, family: family, suite: suite,
                                                     variant: sample.variant, response: response.text,
                                                     earlierAnswers: response.earlierAnswers))
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw JudgeError.judgeModelFailed(spec: spec, reason: "\(error)")
        }
        return verdict(sampleKey: sample.key, mode: item.mode, reply: reply.text, constrained: constrainsVerdict)
    }

    /// The same judge asking with another seed (the repeat-consistency check).
    public func reseeded(_ seed: UInt64) -> any Judge {
        LLMJudge(model: model, seed: seed, maxTokens: maxTokens)
    }

    /// The verdict for a judge model's `reply` about a response to an item of `mode`; `constrained`: the reply was
    /// asked for under the verdict schema (noted at the end of the rationale).
    public func verdict(sampleKey: String, mode: ProbeMode, reply: String, constrained: Bool = false) -> Verdict {
        let note = constrained ? " [asked under the verdict schema]" : ""
        switch JudgeReply.parse(reply) {
        case .failure(let rejection):
            return Verdict(sampleKey: sampleKey, judge: spec, category: .unparseable,
                           rationale: "judge reply rejected: \(rejection)\(note)", raw: reply)
        case .success(let parsed):
            let (category, rule) = JudgeAnswerMapping.category(for: parsed, mode: mode)
            var rationale = "\(parsed.answersLine) -> \(category.rawValue) (\(rule))"
            if !parsed.rationale.isEmpty { rationale += "; judge: \(parsed.rationale)" }
            rationale += note
            return Verdict(sampleKey: sampleKey, judge: spec, category: category, valuesNamed: parsed.valuesNamed,
                           rationale: rationale, raw: reply)
        }
    }
}
