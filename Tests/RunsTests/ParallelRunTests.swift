import Foundation
import Models
import Probes
import Testing
@testable import Runs

/// Runs on the embedded engine's continuous batch: the stored answers of a seeded run are the same whether the
/// engine generates one sequence at a time or sixteen together.
@Suite("Parallel runs", .serialized)
struct ParallelRunTests {
    static let model = Result { try LocalModels.load(.defaultLocal) }

    func run(parallel: Int) async throws -> (outcome: RunOutcome, answers: [String: SampleResponse]) {
        let model = try Self.model.get()
        let spec = ModelSpec.defaultLocal
        let engine = try EmbeddedChatModel(spec: spec, model: model, threads: 2, contextSize: 256, parallel: parallel)
        #expect(engine.maxConcurrency == parallel)
        let configuration = RunConfiguration(suite: "fixture", models: [spec.description], samples: 2, maxTokens: 12,
                                             seed: 7, judge: "rubric", parallel: parallel)
        #expect(configuration.requestsInFlight == max(RunConfiguration.defaultConcurrency, parallel))
        let directory = try temporaryDirectory("parallel-\(parallel)")
        let runner = Runner(directory: directory, configuration: configuration, suite: fixtureSuite(), judge: nil,
                            makeModel: { _ in engine },
                            identifyModel: { ModelIdentity(spec: $0.description, provider: "local", name: "smollm2") })
        let outcome = try await runner.run()
        let store = try RunStore.open(directory: directory)
        var answers: [String: SampleResponse] = [:]
        for judged in try store.samples(run: outcome.runID) { answers[judged.sample.key] = judged.response }
        return (outcome, answers)
    }

    @Test("a seeded run stores the same answers with --parallel 1 and --parallel 16")
    func sameAnswersWhateverTheBatch() async throws {
        let serial = try await run(parallel: 1)
        let batched = try await run(parallel: 16)
        let planned = variantCount(fixtureSuite()) * 2
        #expect(serial.outcome.runID == batched.outcome.runID)  // the batch size is not part of the run id
        #expect(serial.outcome.counts.answered == planned && batched.outcome.counts.answered == planned)
        #expect(serial.answers.count == planned && Set(serial.answers.keys) == Set(batched.answers.keys))
        for (key, answer) in serial.answers {
            let other = batched.answers[key]
            #expect(other?.text == answer.text && other?.completionTokens == answer.completionTokens, "\(key)")
            #expect(answer.error == nil && !answer.text.isEmpty)
        }
        // Samples of one prompt differ (their seeds differ), so the comparison above is not trivially true.
        #expect(Set(serial.answers.values.map(\.text)).count > planned / 2)
    }

    @Test("the embedded batch size is recorded but does not name the run")
    func parallelIsRecordedNotHashed() throws {
        let a = RunConfiguration(models: ["local:smollm2"], parallel: 1)
        let b = RunConfiguration(models: ["local:smollm2"], parallel: 16)
        let suite = fixtureSuite()
        #expect(RunIdentity.runID(configuration: a, suite: suite) == RunIdentity.runID(configuration: b, suite: suite))
        let decoded = try JSONDecoder().decode(RunConfiguration.self, from: JSONEncoder().encode(b))
        #expect(decoded.parallel == 16 && decoded == b)
        #expect(b.requestsInFlight == 16 && a.requestsInFlight == RunConfiguration.defaultConcurrency)
        let remote = RunConfiguration(models: ["ollama:x"], concurrency: 3, parallel: 16)
        #expect(remote.requestsInFlight == 3)
        let localJudge = RunConfiguration(models: ["ollama:x"], judge: "llm:local:smollm2", concurrency: 3, parallel: 16)
        #expect(localJudge.requestsInFlight == 16)
        #expect(throws: RunConfigurationError.self) { try RunConfiguration(parallel: 0).validate() }
    }
}
