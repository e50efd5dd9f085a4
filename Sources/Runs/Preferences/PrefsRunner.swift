import ChatTemplates
import Foundation
import Models
import Probes
import Statistics

/// Runs a preference measurement (`valueprobe prefs`) and analyses it.
///
/// 1. The first round's pairs (``PreferencePairPlanner``) are planned in both orientations; with `active`, each
///    further round adds the pairs the current fit is least sure about (``proposeUncertainPairs(model:data:count:perOutcome:unaskedOnly:)``,
///    at most 2 per outcome, pairs never asked).
/// 2. Every question without an answer is asked — on the embedded engine by exact label probabilities
///    (``EmbeddedChatModel/optionLikelihoods(messages:labels:options:)``), elsewhere by sampling and parsing
///    (``PreferenceAnswerParser``) — and its answer stored the moment it arrives. A cancelled run keeps every answer
///    it got; running it again asks only the rest.
/// 3. The counted answers are analysed with ``analyzePreferences(_:seed:replicates:confidence:heldOutFraction:maxTriads:options:)``
///    and ``ValueAgreementAnalysis``, and a Markdown report is written to `report.md`.
public struct PrefsRunner: Sendable {
    /// The run directory.
    public let directory: URL
    /// The options.
    public let configuration: PrefsConfiguration
    /// The outcomes.
    public let outcomeSet: OutcomeSet
    /// The model asked.
    public let model: any ChatModel
    /// The model's identity for the manifest.
    public let identity: ModelIdentity
    /// Called as answers arrive.
    public let progress: (@Sendable (PrefsProgress) -> Void)?

    /// Creates a runner.
    public init(directory: URL, configuration: PrefsConfiguration, outcomeSet: OutcomeSet, model: any ChatModel,
                identity: ModelIdentity, progress: (@Sendable (PrefsProgress) -> Void)? = nil) {
        self.directory = directory
        self.configuration = configuration
        self.outcomeSet = outcomeSet
        self.model = model
        self.identity = identity
        self.progress = progress
    }

    /// The method this runner's model gets: exact for the embedded engine, sampled otherwise.
    public var method: PreferenceMethod { model is EmbeddedChatModel ? .exact : .sampled }

    /// The run directory a configuration gets by default: `runs/prefs-SET-RUNID`.
    public static func defaultDirectory(configuration: PrefsConfiguration, outcomeSet: OutcomeSet) -> URL {
        let id = PrefsRunIdentity.runID(configuration: configuration, outcomeSetHash: OutcomeSetHash.hash(of: outcomeSet),
                                        outcomeCount: outcomeSet.outcomes.count)
        return URL(fileURLWithPath: "runs/prefs-\(outcomeSet.id)-\(id)")
    }

    /// Asks what is missing and analyses everything.
    /// - Throws: ``PrefsError`` for bad options, another run in the directory or data that cannot be analysed;
    ///   `CancellationError` when cancelled (the answers so far are kept).
    public func run() async throws -> PrefsResult {
        let outcomes = outcomeSet.outcomes
        let n = outcomes.count
        try configuration.validate(outcomeCount: n)
        let method = self.method
        let store = try PreferenceStore.open(directory: directory)
        try store.createOrOpen(PrefsManifest(configuration: configuration, outcomeSet: outcomeSet, model: identity,
                                             method: method), outcomes: outcomes)
        guard let manifest = try store.manifest() else {
            throw PrefsError.corruptStore(path: store.fileURL.path, reason: "the run record is missing")
        }
        try Data((try manifest.jsonText() + "\n").utf8)
            .write(to: directory.appendingPathComponent("manifest.json"), options: .atomic)
        let perOrientation = method == .exact ? 1 : configuration.samples

        var rounds = Set(try store.plannedRounds())
        if !rounds.contains(0) {
            let pairs = PreferencePairPlanner.pairs(
                outcomeCount: n, count: configuration.resolvedPairs(outcomeCount: n),
                seed: SeededGenerator.derivedSeed(configuration.seed, 101))
            try store.plan(round: 0, orientations: pairs.flatMap { [($0.0, $0.1), ($0.1, $0.0)] },
                           samples: perOrientation)
            rounds.insert(0)
        }
        var asked = try await askUnanswered(store, round: 0)
        if configuration.active {
            for round in 1...configuration.activeRounds {
                if !rounds.contains(round) {
                    let data = try currentData(store)
                    let fit = try analysisStep { try fitThurstonian(data) }
                    let proposed = try analysisStep {
                        try proposeUncertainPairs(model: fit.model, data: data,
                                                  count: configuration.activePairsPerRound(outcomeCount: n),
                                                  perOutcome: 2)
                    }
                    if proposed.isEmpty { break }
                    try store.plan(round: round, orientations: proposed.flatMap { [($0.a, $0.b), ($0.b, $0.a)] },
                                   samples: perOrientation)
                    rounds.insert(round)
                }
                asked += try await askUnanswered(store, round: round)
            }
        }

        let tally = PreferenceTally(questions: try store.questions(), answers: try store.answers(),
                                    weight: configuration.samples)
        let data = try analysisStep {
            try PairwisePreferenceData(outcomeCount: n, observations: tally.observations)
        }
        let analysis: PreferenceAnalysis
        do {
            analysis = try analyzePreferences(data, seed: configuration.seed, replicates: configuration.replicates)
        } catch {
            // The answers stay stored; a design this sparse cannot be bootstrapped by edges.
            let perOutcome = Double(2 * data.edges.count) / Double(n)
            throw PrefsError.analysis(error.description + String(
                format: " (%d pairs with answers: each outcome is in %.1f of them on average; the default design puts each in about 8)",
                data.edges.count, perOutcome))
        }
        let comparisons = data.comparisonsPerOutcome
        let utilities = outcomes.indices.map { i in
            OutcomeUtility(
                id: outcomes[i].id, text: outcomes[i].text, value: outcomes[i].value, polarity: outcomes[i].polarity,
                utility: analysis.fit.model.means[i], variance: analysis.fit.model.variances[i],
                lower: analysis.bootstrap.utilities[i].interval.lower,
                upper: analysis.bootstrap.utilities[i].interval.upper, comparisons: comparisons[i])
        }
        let agreements = ValueAgreementAnalysis.agreements(
            outcomes: outcomes, data: data, fit: analysis.fit, replicates: configuration.replicates,
            seed: SeededGenerator.derivedSeed(configuration.seed, 4))
        var result = PrefsResult(manifest: manifest, directory: directory.path, askedNow: asked, tally: tally,
                                 utilities: utilities, analysis: analysis, agreements: agreements, reportFile: nil)
        let report = directory.appendingPathComponent("report.md")
        try Data(PrefsMarkdown.render(result).utf8).write(to: report, options: .atomic)
        result.reportFile = report.path
        try result.jsonData().write(to: directory.appendingPathComponent(PrefsResult.fileName), options: .atomic)
        return result
    }

    /// The counted answers so far as preference data.
    private func currentData(_ store: PreferenceStore) throws -> PairwisePreferenceData {
        let tally = PreferenceTally(questions: try store.questions(), answers: try store.answers(),
                                    weight: configuration.samples)
        return try analysisStep {
            try PairwisePreferenceData(outcomeCount: outcomeSet.outcomes.count, observations: tally.observations)
        }
    }

    private func analysisStep<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as StatisticsError { throw PrefsError.analysis(error.description) }
    }

    /// Asks every unanswered question (of any round; `round` is only reported), at most the model's concurrency at
    /// once, saving each answer as it arrives. Returns how many were asked.
    private func askUnanswered(_ store: PreferenceStore, round: Int) async throws -> Int {
        let pending = try store.unanswered()
        guard !pending.isEmpty else { return 0 }
        let limit = max(1, model.maxConcurrency)
        let total = pending.count
        progress?(PrefsProgress(round: round, done: 0, total: total))
        var done = 0
        try await withThrowingTaskGroup(of: PreferenceAnswer.self) { group in
            var next = 0
            func addNext() {
                let question = pending[next]
                next += 1
                group.addTask { try await self.ask(question) }
            }
            while next < min(limit, total) { addNext() }
            while let answer = try await group.next() {
                try store.save(answer)
                done += 1
                progress?(PrefsProgress(round: round, done: done, total: total))
                try Task.checkCancellation()
                if next < total { addNext() }
            }
        }
        return done
    }

    /// One question, answered exactly or by one sample; a failed backend call becomes an `error` answer.
    private func ask(_ question: PreferenceQuestion) async throws -> PreferenceAnswer {
        let first = outcomeSet.outcomes[question.first], second = outcomeSet.outcomes[question.second]
        let messages = [ChatMessage(role: "user", content: outcomeSet.question(first: first, second: second))]
        do {
            if let embedded = model as? EmbeddedChatModel {
                let likelihoods = try await embedded.optionLikelihoods(
                    messages: messages, labels: ["A", "B"], options: [first.text, second.text])
                return PreferenceAnswer(
                    ordinal: question.ordinal, kind: .exact, firstProbability: likelihoods.labelProbabilities[0],
                    secondProbability: likelihoods.labelProbabilities[1], labelMass: likelihoods.labelMass)
            }
            let request = ChatRequest(
                messages: messages, temperature: configuration.temperature, maxTokens: configuration.maxTokens,
                seed: SeededGenerator.derivedSeed(configuration.seed, 202, UInt64(question.ordinal)))
            let response = try await model.complete(request)
            return PreferenceAnswer(ordinal: question.ordinal, kind: PreferenceAnswerParser.parse(response.text),
                                    text: response.text)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            if Task.isCancelled { throw CancellationError() }
            let message = "\(error)".split(whereSeparator: \.isNewline).joined(separator: " ")
            return PreferenceAnswer(ordinal: question.ordinal, kind: .error, text: message)
        }
    }
}
