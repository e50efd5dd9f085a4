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
