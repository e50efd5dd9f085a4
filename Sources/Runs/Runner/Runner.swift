import ChatTemplates
import Foundation
import Models
import Probes
import Statistics

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
/// With several judges (``additionalJudges``) every response is judged by each of them; a stored response that
/// lacks the verdict of any judge is judged by that judge on the next run. With ``consistencySamples`` N > 0,
/// every judge that depends on a seed (``ReseedableJudge``, i.e. LLM judges) is asked again about the first N
/// samples in plan order that it has judged (answers that neither failed nor are empty), once with its own seed
/// and once with another (``JudgeRepeat``); those verdicts are stored for the reports' consistency figures.
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
    /// Further judges, in the order of `configuration.additionalJudges` (their specs must match).
    public var additionalJudges: [any Judge]
    /// How many samples (the first in plan order) each seeded judge is asked about again for the
    /// repeat-consistency check; 0 = none.
    public var consistencySamples: Int
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
                additionalJudges: [any Judge] = [], consistencySamples: Int = 0,
                makeModel: ModelMaker? = nil, identifyModel: ModelIdentifier? = nil, retryErrors: Bool = false,
                progress: ProgressHandler? = nil) {
        self.directory = directory
        self.configuration = configuration
        self.suite = suite
        self.judge = judge
        self.additionalJudges = additionalJudges
        self.consistencySamples = consistencySamples
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
        let extraSpecs = additionalJudges.map(\.spec)
        if extraSpecs != resolved.additionalJudges {
            throw RunError.judgeMismatch(configured: resolved.additionalJudges.joined(separator: ", "),
                                         judge: extraSpecs.joined(separator: ", "))
        }
        if judge == nil && !additionalJudges.isEmpty {
            throw RunError.judgeMismatch(configured: resolved.judge, judge: "(none)")
        }
        let plan = try RunPlanner.plan(suite: suite, configuration: resolved)
        let runID = RunIdentity.runID(configuration: resolved, suiteHash: SuiteHash.hash(of: suite))
        let choicePlan = try ChoicePlanner.plan(suite: suite, configuration: resolved, runID: runID)
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
                                       plannedSamples: plan.count,
                                       plannedChoices: choicePlan.isEmpty ? nil : choicePlan.count)
            isNew = try store.createOrOpenRun(manifest).isNew
        }
        try store.insertPlan(plan, run: runID)
        var retried = retryErrors ? try store.deleteErrorResponses(run: runID) : 0
        if retryErrors && !choicePlan.isEmpty { retried += try store.deleteChoiceErrors(run: runID) }

        let pending = try store.pendingSamples(run: runID)
        var byModel: [String: [PlannedSample]] = [:]
        for sample in pending { byModel[sample.model, default: []].append(sample) }
        let answeredChoices = choicePlan.isEmpty ? [] : try store.answeredChoiceKeys(run: runID)
        var choicesByModel: [String: [PlannedChoice]] = [:]
        for question in choicePlan where !answeredChoices.contains(question.key) {
            choicesByModel[question.model, default: []].append(question)
        }
        for spec in specs where (byModel[spec.description] != nil || choicesByModel[spec.description] != nil)
            && models[spec.description] == nil {
            models[spec.description] = try make(spec)
        }
        let judges: [any Judge] = judge.map { [$0] + additionalJudges } ?? []
        // Stored responses that lack some judge's verdict, in plan order, each with the judges it still needs.
        var planOrder: [String: Int] = [:]
        for (index, sample) in plan.enumerated() { planOrder[sample.key] = index }
        var missing: [String: JudgeWork] = [:]
        for (index, judge) in judges.enumerated() {
            for sample in try store.unjudged(run: runID, judge: judge.spec) {
                missing[sample.sample.key, default: JudgeWork(sample: sample, judges: [])].judges.append(index)
            }
        }
        let unjudged = missing.values.sorted {
            (planOrder[$0.sample.sample.key] ?? Int.max, $0.sample.sample.key)
                < (planOrder[$1.sample.sample.key] ?? Int.max, $1.sample.sample.key)
        }

        let judgeSpec = judge?.spec ?? resolved.judge
        let start = try store.counts(run: runID, judge: judgeSpec)
        // A forced-choice answer needs no judge: it counts as answered and judged at once.
        let choicesDone = choicePlan.count - choicesByModel.values.reduce(0) { $0 + $1.count }
        let tracker = ProgressTracker(total: start.planned + choicePlan.count, done: start.answered + choicesDone,
                                      failed: start.failed, judged: start.judged + choicesDone, handler: progress)
        tracker.report()
        let session = Session(suite: suite, configuration: resolved, judges: judges, writer: StoreWorker(store: store),
                              tracker: tracker, runID: runID,
                              reported: ReportedIdentities(manifest: try store.manifest(run: runID)))
        let work = specs.compactMap { spec -> ModelWork? in
            guard let model = models[spec.description] else { return nil }
            let samples = byModel[spec.description] ?? [], choices = choicesByModel[spec.description] ?? []
            return samples.isEmpty && choices.isEmpty ? nil : ModelWork(model: model, samples: samples, choices: choices)
        }
        try await session.execute(work: work, unjudged: unjudged)
        if consistencySamples > 0 && !Task.isCancelled {
            for judge in judges {
                guard let seeded = judge as? any ReseedableJudge else { continue }
                try await session.repeatJudging(seeded, samples: consistencySamples, store: store, run: runID)
            }
        }

        let cancelled = Task.isCancelled
        let totals = tracker.session
        var choiceCounts: ChoiceCounts?
        if !choicePlan.isEmpty {
            let stored = try store.choiceAnswers(run: runID)
            choiceCounts = ChoiceCounts(planned: choicePlan.count, answered: stored.count,
                                        failed: stored.filter { $0.status == .error }.count)
        }
        let elapsed = clock.now - started
        return RunOutcome(
            runID: runID, directory: directory.path, isNew: isNew, judge: judgeSpec,
            counts: try store.counts(run: runID, judge: judgeSpec), answeredNow: totals.answered,
            failedNow: totals.failed, judgedNow: totals.judged, retried: retried, judgeFailures: totals.judgeFailures,
            firstJudgeFailure: totals.firstJudgeFailure, cancelled: cancelled,
            elapsedSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18,
            choices: choiceCounts)
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

/// One model's pending work in a call: its samples, then its forced-choice questions.
private struct ModelWork: Sendable {
    var model: any ChatModel
    var samples: [PlannedSample]
    var choices: [PlannedChoice]
}

/// A stored response and the judges (indices into the session's judges) that still have to judge it.
private struct JudgeWork: Sendable {
    var sample: JudgedSample
    var judges: [Int]
}

/// One call's workers: per-model request workers feeding a pool of judge workers.
private struct Session: Sendable {
    let suite: ProbeSuite
    let configuration: RunConfiguration
    /// The primary judge first; empty when responses are only stored.
    let judges: [any Judge]
    let writer: StoreWorker
    let tracker: ProgressTracker
    let runID: String
    /// What each backend has reported about itself, as in the manifest.
    let reported: ReportedIdentities

    func execute(work: [ModelWork], unjudged: [JudgeWork]) async throws {
        let (stream, continuation) = AsyncStream.makeStream(of: JudgeWork.self)
        for sample in unjudged { continuation.yield(sample) }
        let everyJudge = Array(judges.indices)
        try await withThrowingTaskGroup(of: Void.self) { group in
            if !judges.isEmpty {
                // One consumer of the stream keeps at most `concurrency` judge calls going.
                let bound = max(1, configuration.concurrency)
                group.addTask {
                    try await withThrowingTaskGroup(of: Void.self) { judges in
                        var running = 0
                        for await item in stream {
                            for index in item.judges {
                                if running >= bound {
                                    try await judges.next()
                                    running -= 1
                                }
                                judges.addTask {
                                    try await judgeOne(item.sample, with: self.judges[index], storedAs: nil,
                                                       primary: index == 0)
                                }
                                running += 1
                            }
                        }
                        try await judges.waitForAll()
                    }
                }
            }
            group.addTask {
                defer { continuation.finish() }
                try await withThrowingTaskGroup(of: Void.self) { requests in
                    for piece in work {
                        let model = piece.model
                        let queue = SampleQueue(piece.samples), choices = SampleQueue(piece.choices)
                        let bound = max(1, min(configuration.requestsInFlight, model.maxConcurrency))
                        for _ in 0..<bound {
                            requests.addTask {
                                while !Task.isCancelled, let sample = queue.next() {
                                    if let response = try await ask(model, sample), !judges.isEmpty {
                                        continuation.yield(JudgeWork(sample: JudgedSample(sample: sample,
                                                                                          response: response),
                                                                     judges: everyJudge))
                                    }
                                }
                                while !Task.isCancelled, let question = choices.next() {
                                    try await choose(model, question)
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
        guard let turns = suite.item(id: sample.itemID)?.conversation(variant: sample.variant) else {
            throw RunError.unknownItem(itemID: sample.itemID, variant: sample.variant)
        }
        let clock = ContinuousClock(), start = clock.now
        let response: SampleResponse
        var attempts = 1
        var reportedModel: String?, systemFingerprint: String?
        do {
            let answer = try await converse(model, turns, seed: sample.seed)
            response = answer.response
            (reportedModel, systemFingerprint) = (answer.reportedModel, answer.systemFingerprint)
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
        try await record(model: sample.model, name: reportedModel, fingerprint: systemFingerprint)
        let key = sample.key, tries = attempts
        let stored = try await writer.perform { try $0.saveResponse(key: key, response, attempts: tries) }
        guard stored else { return nil }
        tracker.responseStored(failed: response.error != nil)
        return response
    }

    /// Asks one forced-choice question and stores the answer; an abandoned (cancelled) question stays pending.
    private func choose(_ model: any ChatModel, _ question: PlannedChoice) async throws {
        let answer: ChoiceAnswer
        do {
            answer = try await ChoiceAsker(suite: suite, configuration: configuration).ask(question, of: model)
        } catch {
            if error is CancellationError || Task.isCancelled { return }
            throw error
        }
        let run = runID
        let stored = try await writer.perform { try $0.saveChoiceAnswer(answer, run: run) }
        guard stored else { return }
        tracker.responseStored(failed: answer.status == .error)
        tracker.verdictStored()
    }

    /// Plays a conversation to the model: each generated assistant turn is asked first (with its own seed derived
    /// from the sample's) and its answer inserted; the answer to the last turn is the response. Latencies add up.
    private func converse(_ model: any ChatModel, _ turns: [ConversationTurn], seed: UInt64) async throws
        -> (response: SampleResponse, reportedModel: String?, systemFingerprint: String?)
    {
        var messages: [ChatMessage] = [], earlier: [String] = [], latency = 0.0
        func ask(_ seed: UInt64) async throws -> ChatResponse {
            let answer = try await model.complete(ChatRequest(
                messages: messages, temperature: configuration.temperature, topP: configuration.topP,
                maxTokens: configuration.effectiveMaxTokens, seed: seed, stopOnRepetition: true))
            latency += answer.latencyMilliseconds
            return answer
        }
        for (index, turn) in turns.enumerated() {
            if let content = turn.content {
                messages.append(ChatMessage(role: turn.role.rawValue, content: content))
            } else {
                let answer = try await ask(SeededGenerator.derivedSeed(seed, UInt64(index)))
                earlier.append(answer.text)
                messages.append(ChatMessage(role: "assistant", content: answer.text))
            }
        }
        let answer = try await ask(seed)
        return (SampleResponse(text: answer.text, finishReason: answer.finishReason, promptTokens: answer.promptTokens,
                               completionTokens: answer.completionTokens, latencyMilliseconds: latency,
                               earlierAnswers: earlier),
                answer.reportedModel, answer.systemFingerprint)
    }

    /// Adds a model name or fingerprint the backend reported to the manifest the first time it is seen.
    private func record(model: String, name: String?, fingerprint: String?) async throws {
        guard reported.isNew(model: model, name: name, fingerprint: fingerprint) else { return }
        let run = runID
        try await writer.perform { store in
            try store.recordReported(run: run, model: model, reportedModel: name, systemFingerprint: fingerprint)
        }
    }

    /// Asks `judge` again, once per ``JudgeRepeat``, about the first `count` samples in plan order that it has
    /// judged (failed and empty answers excluded: the judge is not asked about those), skipping repeats already
    /// stored.
    func repeatJudging(_ judge: any ReseedableJudge, samples count: Int, store: RunStore, run: String) async throws {
        let judged = try store.samples(run: run, judge: judge.spec).filter { sample in
            guard let response = sample.response, response.error == nil, let verdict = sample.verdict,
                  !response.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            else { return false }
            return verdict.category != .error
        }.prefix(count)
        var work: [(JudgedSample, any Judge, String)] = []
        for kind in JudgeRepeat.allCases {
            let name = kind.storedJudge(for: judge.spec)
            let done = Set(try store.samples(run: run, judge: name).filter { $0.verdict != nil }.map(\.sample.key))
            let repeated = judge.reseeded(kind.seed(for: judge.seed))
            for sample in judged where !done.contains(sample.sample.key) {
                work.append((JudgedSample(sample: sample.sample, response: sample.response), repeated, name))
            }
        }
        let bound = max(1, configuration.concurrency)
        try await withThrowingTaskGroup(of: Void.self) { group in
            var running = 0
            for (sample, repeated, name) in work {
                if Task.isCancelled { break }
                if running >= bound {
                    try await group.next()
                    running -= 1
                }
                group.addTask { try await judgeOne(sample, with: repeated, storedAs: name, primary: false) }
                running += 1
            }
            try await group.waitForAll()
        }
    }

    /// Judges one stored response and stores the verdict under `name` (nil = the judge's spec); failed responses
    /// get an `.error` verdict directly. Only the primary judge's verdicts move the progress bar.
    private func judgeOne(_ judged: JudgedSample, with judge: any Judge, storedAs name: String?,
                          primary: Bool) async throws {
        guard let response = judged.response else { return }
        let sample = judged.sample
        let storedName = name ?? judge.spec
        var verdict: Verdict
        if let error = response.error {
            verdict = Verdict(sampleKey: sample.key, judge: storedName, category: .error, rationale: error)
        } else {
            guard let family = suite.family(ofItem: sample.itemID),
                  let item = family.items.first(where: { $0.id == sample.itemID })
            else { throw RunError.unknownItem(itemID: sample.itemID, variant: sample.variant) }
            do {
                verdict = try await judge.judge(sample: sample, item: item, family: family, suite: suite,
                                                response: response)
            } catch {
                if error is CancellationError || Task.isCancelled { return }
                tracker.judgeFailed("\(storedName) on \(sample.key): \(Runner.oneLine(error))")
                return
            }
            verdict.sampleKey = sample.key
            verdict.judge = storedName
        }
        let stored = verdict
        try await writer.perform { try $0.saveVerdict(stored) }
        if primary { tracker.verdictStored() }
    }
}
