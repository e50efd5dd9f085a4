import Foundation
import Probes

/// Classifies one response. Implementations (the rubric judge, LLM judges) live in `Sources/Runs/Judges/`.
///
/// The runner never asks a judge about a failed response: it records an `.error` verdict for those itself.
/// The returned verdict is stored under the sample's key and this judge's ``spec``.
public protocol Judge: Sendable {
    /// The judge's spec (`rubric`, `llm:openai:gpt-4o-mini`, …); verdicts are stored under it.
    var spec: String { get }
    /// The verdict on `response`, the answer of `sample` (an `item` of `family` in `suite`).
    func judge(sample: PlannedSample, item: ProbeItem, family: ProbeFamily, suite: ProbeSuite,
               response: SampleResponse) async throws -> Verdict
}

extension Judge {
    /// The verdict every judge gives without looking further: `.error` when the model call failed, `.unparseable`
    /// for an empty response; nil when the response is there to be judged.
    public func verdictWithoutJudging(sample: PlannedSample, response: SampleResponse) -> Verdict? {
        if let error = response.error {
            return Verdict(sampleKey: sample.key, judge: spec, category: .error,
                           rationale: "model call failed: \(JudgeError.oneLine(error))")
        }
        if response.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return Verdict(sampleKey: sample.key, judge: spec, category: .unparseable, rationale: "empty response")
        }
        return nil
    }
}
