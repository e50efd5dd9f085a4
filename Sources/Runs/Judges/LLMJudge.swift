import Foundation
import Models
import Probes

/// Judges responses by asking a model (spec `llm:MODELSPEC`, e.g. `llm:openai:gpt-4o-mini` or `llm:local:smollm2`).
///
/// Each response is shown to the judge model with the fixed prompt of ``JudgePrompt`` at temperature 0 with a
/// fixed seed (``seed``), so that repeated judging of a frozen response is as repeatable as the backend allows.
/// The reply is read strictly by ``JudgeReply/parse(_:)``: the first JSON object in it must hold `recognised` as
/// a JSON boolean. A reply that does not qualify becomes `.unparseable` with the reply kept in `raw` — never a
/// silent "missed".
///
/// Before the model is asked: a failed backend call (`response.error`) gives `.error` and an empty response gives
/// `.unparseable`. A reply of `recognised: false` for a response that reads as a bare refusal (``RefusalDetector``)
/// gives `.refused`. A failure of the judge model itself is thrown (``JudgeError/judgeModelFailed(spec:reason:)``),
/// so the sample stays unjudged and can be judged again later.
public struct LLMJudge: Judge {
    /// `llm:` followed by the judge model's spec.
    public let spec: String
    /// The judge model.
    public let model: any ChatModel
    /// Seed sent with every judge request.
    public let seed: UInt64
    /// Most tokens the judge may write.
    public let maxTokens: Int

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
    public func request(item: ProbeItem, family: ProbeFamily, variant: Int, response: String) -> ChatRequest {
        ChatRequest(
            messages: JudgePrompt.messages(item: item, family: family, variant: variant, response: response),
            temperature: 0, maxTokens: maxTokens, seed: seed
        )
    }

    public func judge(
        sample: PlannedSample, item: ProbeItem, family: ProbeFamily, suite: ProbeSuite, response: SampleResponse
    ) async throws -> Verdict {
        if let error = response.error {
            return Verdict(sampleKey: sample.key, judge: spec, category: .error,
                           rationale: "model call failed: \(JudgeError.oneLine(error))")
        }
        if response.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return Verdict(sampleKey: sample.key, judge: spec, category: .unparseable, rationale: "empty response")
        }
        let reply: ChatResponse
        do {
            reply = try await model.complete(request(item: item, family: family, variant: sample.variant,
                                                     response: response.text))
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw JudgeError.judgeModelFailed(spec: spec, reason: "\(error)")
        }
        return verdict(sampleKey: sample.key, response: response.text, reply: reply.text)
    }

    /// The verdict for a judge model's `reply` about `response`.
    public func verdict(sampleKey: String, response: String, reply: String) -> Verdict {
        switch JudgeReply.parse(reply) {
        case .failure(let rejection):
            return Verdict(sampleKey: sampleKey, judge: spec, category: .unparseable,
                           rationale: "judge reply rejected: \(rejection)", raw: reply)
        case .success(let parsed):
            let category: VerdictCategory
            if parsed.recognised {
                category = .recognised
            } else if RefusalDetector.isRefusal(response) {
                category = .refused
            } else {
                category = .missed
            }
            return Verdict(sampleKey: sampleKey, judge: spec, category: category, valuesNamed: parsed.valuesNamed,
                           rationale: parsed.rationale, raw: reply)
        }
    }
}
