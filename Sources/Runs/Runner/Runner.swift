import ChatTemplates
import Foundation
import Models
import Probes

/// Runs a configuration to completion: plans it, records the plan, asks every pending sample of its model,
/// stores each response the moment it arrives, judges it and stores the verdict.
///
/// Running the same configuration again continues the same run (see ``RunIdentity``): samples that have a
/// response are never asked again, and stored responses without a verdict are judged. Models run in parallel,
/// each with at most `min(configuration.requestsInFlight, model.maxConcurrency)` requests in flight (the
/// embedded engine's whole batch, `concurrency` for a remote backend); judge calls are bounded by `concurrency`. A backend
/// failure (after the backend's own retries) is stored as a failed response with an `.error` verdict and the
/// run goes on; with ``retryErrors`` such responses are deleted first and asked again.
///
/// Cancelling the calling task stops new requests; requests in flight either finish (and are stored) or are
/// abandoned (and stay pending). Nothing partial is ever stored.
public struct Runner: Sendable {
    /// Makes the model for a spec.
    public typealias ModelMaker = @Sendable (ModelSpec) throws -> any ChatModel
    /// Describes a model for the manifest.
    public typealias ModelIdentifier = @Sendable (ModelSpec) throws -> ModelIdentity
    /// Receives progress snapshots (from any task; called often).
    public typealias ProgressHandler = @Sendable (RunProgress) -> Void

    /// The run directory (the store `valueprobe.sqlite` lives there).
    public var directory: URL
    /// What to run.
    public var configuration: RunConfiguration
    /// The suite, when already loaded; otherwise it is loaded from `configuration.suite`.
    public var suite: ProbeSuite?
    /// The judge; nil stores responses only (they are judged by a later run that has a judge).
    public var judge: (any Judge)?
    /// Makes models.
    public var makeModel: ModelMaker
    /// Identifies models for the manifest of a new run.
    public var identifyModel: ModelIdentifier
    /// Deletes failed responses first so that their samples are asked again.
    public var retryErrors: Bool
    /// Progress handler.
    public var progress: ProgressHandler?

    /// Creates a runner.
    /// - Parameters:
    ///   - makeModel: nil = ``RunModels/standard(threads:concurrency:progress:)``.
    ///   - identifyModel: nil = ``ModelIdentity/resolve(_:assets:)``.
    public init(directory: URL, configuration: RunConfiguration, suite: ProbeSuite? = nil, judge: (any Judge)?,
                makeModel: ModelMaker? = nil, identifyModel: ModelIdentifier? = nil, retryErrors: Bool = false,
                progress: ProgressHandler? = nil) {
        self.directory = directory
        self.configuration = configuration
        self.suite = suite
        self.judge = judge
        self.makeModel = makeModel ?? RunModels.standard(concurrency: configuration.concurrency)
        self.identifyModel = identifyModel ?? { try ModelIdentity.resolve($0) }
        self.retryErrors = retryErrors
        self.progress = progress
    }

    /// Runs (or continues) the run and returns what happened. Throws for problems that stop the whole run
    /// (bad configuration or suite, a model that cannot be created, a store failure); returns with
    /// `cancelled == true` when the task was cancelled.
    public func run() async throws -> RunOutcome {
        let clock = ContinuousClock(), started = clock.now
        let suite = try self.suite ?? SuiteLoader.load(nameOrPath: configuration.suite)
        let resolved = configuration.resolved(for: suite)
        try resolved.validate()
        if let judge, judge.spec != resolved.judge {
            throw RunError.judgeMismatch(configured: resolved.judge, judge: judge.spec)
        }
        let plan = try RunPlanner.plan(suite: suite, configuration: resolved)
        let runID = RunIdentity.runID(configuration: resolved, suiteHash: SuiteHash.hash(of: suite))
        let store = try RunStore.open(directory: directory)
        let specs = try resolved.modelSpecs()

        var models: [String: any ChatModel] = [:]
        var isNew = false
        if try store.manifest(run: runID) == nil {
            for spec in specs { models[spec.description] = try make(spec) }
            var identities: [ModelIdentity] = []
            for spec in specs {
                do { identities.append(try identifyModel(spec)) } catch {
                    throw RunError.modelUnavailable(spec: spec.description, reason: Self.oneLine(error))
                }
            }
            let manifest = RunManifest(configuration: configuration, suite: suite, models: identities,
                                       plannedSamples: plan.count)
            isNew = try store.createOrOpenRun(manifest).isNew
        }
        try store.insertPlan(plan, run: runID)
        let retried = retryErrors ? try store.deleteErrorResponses(run: runID) : 0

        let pending = try store.pendingSamples(run: runID)
        var byModel: [String: [PlannedSample]] = [:]
        for sample in pending { byModel[sample.model, default: []].append(sample) }
        for spec in specs where byModel[spec.description] != nil && models[spec.description] == nil {
            models[spec.description] = try make(spec)
        }
        let unjudged = try judge.map { try store.unjudged(run: runID, judge: $0.spec) } ?? []

        let judgeSpec = judge?.spec ?? resolved.judge
        let start = try store.counts(run: runID, judge: judgeSpec)
        let tracker = ProgressTracker(total: start.planned, done: start.answered, failed: start.failed,
                                      judged: start.judged, handler: progress)
        tracker.report()
        let session = Session(suite: suite, configuration: resolved, judge: judge, writer: StoreWorker(store: store),
                              tracker: tracker)
        let work = specs.compactMap { spec -> (any ChatModel, [PlannedSample])? in
            guard let samples = byModel[spec.description], let model = models[spec.description] else { return nil }
            return (model, samples)
        }
        try await session.execute(work: work, unjudged: unjudged)

        let cancelled = Task.isCancelled
        let totals = tracker.session
        let elapsed = clock.now - started
        return RunOutcome(
            runID: runID, directory: directory.path, isNew: isNew, judge: judgeSpec,
            counts: try store.counts(run: runID, judge: judgeSpec), answeredNow: totals.answered,
            failedNow: totals.failed, judgedNow: totals.judged, retried: retried, judgeFailures: totals.judgeFailures,
            firstJudgeFailure: totals.firstJudgeFailure, cancelled: cancelled,
            elapsedSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }

    private func make(_ spec: ModelSpec) throws -> any ChatModel {
        do {
            return try makeModel(spec)
        } catch {
            throw RunError.modelUnavailable(spec: spec.description, reason: Self.oneLine(error))
        }
    }

    /// An error's description on one line.
    static func oneLine(_ error: any Error) -> String {
        String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

/// One call's workers: per-model request workers feeding a pool of judge workers.
private struct Session: Sendable {
    let suite: ProbeSuite
    let configuration: RunConfiguration
    let judge: (any Judge)?
    let writer: StoreWorker
    let tracker: ProgressTracker

    func execute(work: [(any ChatModel, [PlannedSample])], unjudged: [JudgedSample]) async throws {
        let (stream, continuation) = AsyncStream.makeStream(of: JudgedSample.self)
        for sample in unjudged { continuation.yield(sample) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            if judge != nil {
                // One consumer of the stream keeps at most `concurrency` judge calls going.
                let bound = max(1, configuration.concurrency)
                group.addTask {
                    try await withThrowingTaskGroup(of: Void.self) { judges in
                        var running = 0
                        for await sample in stream {
                            if running >= bound {
                                try await judges.next()
                                running -= 1
                            }
                            judges.addTask { try await judgeOne(sample) }
                            running += 1
                        }
                        try await judges.waitForAll()
                    }
                }
            }
            group.addTask {
                defer { continuation.finish() }
                try await withThrowingTaskGroup(of: Void.self) { requests in
                    for (model, samples) in work {
                        let queue = SampleQueue(samples)
                        let bound = max(1, min(configuration.requestsInFlight, model.maxConcurrency))
                        for _ in 0..<bound {
                            requests.addTask {
                                while !Task.isCancelled, let sample = queue.next() {
                                    if let response = try await ask(model, sample), judge != nil {
                                        continuation.yield(JudgedSample(sample: sample, response: response))
                                    }
                                }
                            }
                        }
                    }
                    try await requests.waitForAll()
                }
            }
            try await group.waitForAll()
        }
    }

    /// Asks one sample and stores the response; nil when the request was abandoned (cancelled) or the sample
    /// already had a response.
    private func ask(_ model: any ChatModel, _ sample: PlannedSample) async throws -> SampleResponse? {
        guard let text = RunPlanner.promptText(for: sample, in: suite) else {
            throw RunError.unknownItem(itemID: sample.itemID, variant: sample.variant)
        }
        let request = ChatRequest(messages: [ChatMessage(role: "user", content: text)],
                                  temperature: configuration.temperature, topP: configuration.topP,
                                  maxTokens: configuration.effectiveMaxTokens, seed: sample.seed)
        let clock = ContinuousClock(), start = clock.now
        let response: SampleResponse
        var attempts = 1
        do {
            let answer = try await model.complete(request)
            response = SampleResponse(text: answer.text, finishReason: answer.finishReason,
                                      promptTokens: answer.promptTokens, completionTokens: answer.completionTokens,
                                      latencyMilliseconds: answer.latencyMilliseconds)
        } catch {
            // A request cut short by cancellation is abandoned: the sample stays pending.
            if error is CancellationError || Task.isCancelled { return nil }
            if case .retriesExhausted(_, let count, _) = error as? BackendError { attempts = count }
            let elapsed = clock.now - start
            let milliseconds = Double(elapsed.components.seconds) * 1000
                + Double(elapsed.components.attoseconds) * 1e-15
            response = SampleResponse(text: "", finishReason: "error", latencyMilliseconds: milliseconds,
                                      error: Runner.oneLine(error))
        }
        let key = sample.key, tries = attempts
        let stored = try await writer.perform { try $0.saveResponse(key: key, response, attempts: tries) }
        guard stored else { return nil }
        tracker.responseStored(failed: response.error != nil)
        return response
    }

    /// Judges one stored response and stores the verdict; failed responses get an `.error` verdict directly.
    private func judgeOne(_ judged: JudgedSample) async throws {
        guard let judge, let response = judged.response else { return }
        let sample = judged.sample
        var verdict: Verdict
        if let error = response.error {
            verdict = Verdict(sampleKey: sample.key, judge: judge.spec, category: .error, rationale: error)
        } else {
            guard let family = suite.family(ofItem: sample.itemID),
                  let item = family.items.first(where: { $0.id == sample.itemID })
            else { throw RunError.unknownItem(itemID: sample.itemID, variant: sample.variant) }
            do {
                verdict = try await judge.judge(sample: sample, item: item, family: family, suite: suite,
                                                response: response)
            } catch {
                if error is CancellationError || Task.isCancelled { return }
                tracker.judgeFailed("\(sample.key): \(Runner.oneLine(error))")
                return
            }
            verdict.sampleKey = sample.key
            verdict.judge = judge.spec
        }
        let stored = verdict
        try await writer.perform { try $0.saveVerdict(stored) }
        tracker.verdictStored()
    }
}
