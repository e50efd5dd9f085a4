import Foundation
import Models
import Probes
import Synchronization
import Testing
@testable import Runs

@Suite("Runner")
struct RunnerTests {
    let suite = fixtureSuite()

    @Test("every sample is answered exactly once, stored with its response and its verdict")
    func answersEverything() async throws {
        let configuration = RunConfiguration(suite: "fixture", models: ["ollama:a", "ollama:b"], samples: 3,
                                             judge: "fake-judge", concurrency: 3)
        let models = [FakeChatModel(spec: "ollama:a", delayMilliseconds: 1), FakeChatModel(spec: "ollama:b")]
        let judge = FakeJudge()
        let directory = try temporaryDirectory("answers")
        let outcome = try await fakeRunner(directory: directory, configuration: configuration, models: models,
                                           judge: judge).run()
        let planned = variantCount(suite) * 2 * 3
        #expect(outcome.isNew && outcome.isComplete)
        #expect(outcome.counts.planned == planned && outcome.counts.answered == planned)
        #expect(outcome.answeredNow == planned && outcome.judgedNow == planned && outcome.counts.failed == 0)
        #expect(models.map(\.calls).reduce(0, +) == planned)
        #expect(judge.callCount == planned)

        let store = try RunStore.open(directory: directory)
        let samples = try store.samples(run: outcome.runID)
        #expect(samples.count == planned)
        for judged in samples {
            let prompt = try #require(RunPlanner.promptText(for: judged.sample, in: suite))
            #expect(judged.response?.text == fakeAnswer(prompt: prompt, seed: judged.sample.seed))
            #expect(judged.verdict?.category == FakeJudge.expectedCategory(for: judged.sample))
            #expect(judged.verdict?.judge == "fake-judge")
        }
        // Each model answered its own samples, once each.
        for model in models {
            let mine = samples.filter { $0.sample.model == model.spec.description }
            #expect(model.successes.sorted() == mine.compactMap(\.response?.text).sorted())
        }

        // Running the same configuration again asks nothing.
        let again = try await fakeRunner(directory: directory, configuration: configuration, models: models,
                                         judge: judge).run()
        #expect(!again.isNew && again.runID == outcome.runID && again.answeredNow == 0 && again.judgedNow == 0)
        #expect(models.map(\.calls).reduce(0, +) == planned)
        let rows = try responseRowCounts(store)
        #expect(rows.rows == planned && rows.distinct == planned)
    }

    @Test("requests in flight per model stay within min(concurrency, model limit); models run side by side; judge calls are bounded too")
    func concurrencyBound() async throws {
        let configuration = RunConfiguration(suite: "fixture", models: ["ollama:a", "ollama:b"], samples: 4,
                                             judge: "fake-judge", concurrency: 5)
        let a = FakeChatModel(spec: "ollama:a", maxConcurrency: 3, delayMilliseconds: 15)
        let b = FakeChatModel(spec: "ollama:b", maxConcurrency: 8, delayMilliseconds: 15)
        let directory = try temporaryDirectory("bound")
        let outcome = try await fakeRunner(directory: directory, configuration: configuration, models: [a, b],
                                           judge: nil).run()
        #expect(outcome.isComplete && outcome.counts.judged == 0)
        #expect(a.maxInFlight <= 3 && a.maxInFlight >= 2)
        #expect(b.maxInFlight <= 5 && b.maxInFlight >= 2)
        // The two models ran side by side: some call of one overlapped some call of the other.
        let overlapping = a.intervals.contains { x in b.intervals.contains { y in x.start < y.end && y.start < x.end } }
        #expect(overlapping)

        // Judging the stored responses afterwards keeps at most `concurrency` judge calls going.
        let judge = FakeJudge(delayMilliseconds: 30)
        let judged = try await fakeRunner(directory: directory, configuration: configuration, models: [a, b],
                                          judge: judge).run()
        #expect(judged.counts.judged == judged.counts.planned && judge.callCount == judged.counts.planned)
        #expect(judge.maxInFlight <= 5 && judge.maxInFlight >= 2)
    }

    @Test("backend failures are stored as errors; --retry-errors asks them again")
    func errorsAndRetry() async throws {
        let configuration = RunConfiguration(suite: "fixture", models: ["ollama:a"], samples: 2,
                                             judge: "fake-judge", concurrency: 1)
        let directory = try temporaryDirectory("retry")
        let failing = FakeChatModel(spec: "ollama:a", maxConcurrency: 1, failFirst: 3)
        let judge = FakeJudge()
        let planned = variantCount(suite) * 2
        let first = try await fakeRunner(directory: directory, configuration: configuration, models: [failing],
                                         judge: judge).run()
        #expect(first.counts.answered == planned && first.counts.failed == 3 && first.failedNow == 3)
        #expect(first.counts.count(.error) == 3)
        #expect(judge.callCount == planned - 3)  // failed responses are never sent to the judge
        let store = try RunStore.open(directory: directory)
        let failed = try store.samples(run: first.runID).filter { $0.response?.error != nil }
        #expect(failed.count == 3)
        #expect(failed.allSatisfy { $0.response?.error == "fake backend failure" && $0.verdict?.category == .error })

        // A plain re-run keeps them.
        let healthy = FakeChatModel(spec: "ollama:a", maxConcurrency: 1)
        let second = try await fakeRunner(directory: directory, configuration: configuration, models: [healthy],
                                          judge: judge).run()
        #expect(second.answeredNow == 0 && second.counts.failed == 3 && healthy.calls == 0)

        // --retry-errors asks exactly the failed ones again.
        let third = try await fakeRunner(directory: directory, configuration: configuration, models: [healthy],
                                         judge: judge, retryErrors: true).run()
        #expect(third.retried == 3 && third.answeredNow == 3 && healthy.calls == 3)
        #expect(third.counts.failed == 0 && third.counts.answered == planned && third.counts.count(.error) == 0)
        #expect(third.counts.judged == planned)
        let rows = try responseRowCounts(store)
        #expect(rows.rows == planned && rows.distinct == planned)
    }

    @Test("responses stored without a judge are judged by a later run")
    func judgesLater() async throws {
        let configuration = RunConfiguration(suite: "fixture", models: ["ollama:a"], samples: 1,
                                             judge: "fake-judge")
        let directory = try temporaryDirectory("later")
        let model = FakeChatModel(spec: "ollama:a")
        let unjudged = try await fakeRunner(directory: directory, configuration: configuration, models: [model],
                                            judge: nil).run()
        #expect(unjudged.counts.answered == variantCount(suite) && unjudged.counts.judged == 0)
        let judge = FakeJudge()
        let judged = try await fakeRunner(directory: directory, configuration: configuration, models: [model],
                                          judge: judge).run()
        #expect(judged.answeredNow == 0 && judged.judgedNow == variantCount(suite))
        #expect(judge.callCount == variantCount(suite) && model.calls == variantCount(suite))
    }

    @Test("a judge other than the configured one is refused; a model that cannot be made stops the run")
    func refusals() async throws {
        let configuration = RunConfiguration(suite: "fixture", models: ["ollama:a"], samples: 1, judge: "rubric")
        let runner = fakeRunner(directory: try temporaryDirectory("mismatch"), configuration: configuration,
                                models: [FakeChatModel(spec: "ollama:a")], judge: FakeJudge())
        await #expect(throws: RunError.judgeMismatch(configured: "rubric", judge: "fake-judge")) {
            try await runner.run()
        }
        var missing = configuration
        missing.judge = "fake-judge"
        missing.models = ["ollama:absent"]
        let noModel = fakeRunner(directory: try temporaryDirectory("nomodel"), configuration: missing,
                                 models: [], judge: FakeJudge())
        await #expect(throws: RunError.self) { try await noModel.run() }
    }

    @Test("progress counts up to the total with a rate and an ETA")
    func progress() async throws {
        let configuration = RunConfiguration(suite: "fixture", models: ["ollama:a"], samples: 2, judge: "fake-judge")
        let seen = ProgressLog()
        _ = try await fakeRunner(directory: try temporaryDirectory("progress"), configuration: configuration,
                                 models: [FakeChatModel(spec: "ollama:a", delayMilliseconds: 1)], judge: FakeJudge(),
                                 progress: { seen.append($0) }).run()
        let snapshots = seen.all
        let total = variantCount(suite) * 2
        #expect(snapshots.first?.done == 0)
        #expect(snapshots.allSatisfy { $0.total == total })
        #expect(snapshots.map(\.done).max() == total)
        #expect(snapshots.map(\.judged).max() == total)
        let middle = try #require(snapshots.first { $0.done == total / 2 })
        #expect(middle.samplesPerSecond != nil && middle.etaSeconds != nil)
        #expect(RunProgress(total: 10, done: 4, failed: 1, judged: 0, doneThisSession: 4, elapsedSeconds: 8).line
                == "4/10 samples (1 failed), 0.50 samples/s, ETA 12s")
        #expect(RunProgress.duration(3725) == "1h02m" && RunProgress.duration(185) == "3m05s")
    }
}

/// Collects progress snapshots from any task.
final class ProgressLog: Sendable {
    private let items = Mutex<[RunProgress]>([])
    func append(_ p: RunProgress) { items.withLock { $0.append(p) } }
    var all: [RunProgress] { items.withLock { $0 } }
}
