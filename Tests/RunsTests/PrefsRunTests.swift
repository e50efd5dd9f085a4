import Foundation
import Models
import Probes
import Statistics
import Synchronization
import Testing
@testable import Runs

/// Six money outcomes; a scripted model prefers the larger sum, so the fitted utilities must rank them by amount.
let moneyOutcomes = try! OutcomeSetLoader.load(yaml: """
    id: money-test
    title: Sums of money
    version: "1"
    description: Six sums, one pair of values.
    outcomes:
      - {id: gain-500, text: "You receive 500 dollars.", value: thrift, polarity: upholds}
      - {id: gain-100, text: "You receive 100 dollars."}
      - {id: gain-50, text: "You receive 50 dollars."}
      - {id: gain-10, text: "You receive 10 dollars."}
      - {id: gain-5, text: "You receive 5 dollars."}
      - {id: gain-1, text: "You receive 1 dollars.", value: thrift, polarity: violates}
    """, file: "money.yaml")

/// The sums in a prompt, option A's first.
func promptAmounts(_ prompt: String) -> (a: Int, b: Int)? {
    let numbers = prompt.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
    return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
}

/// The scripted answer: 500 vs 1 is refused, 50 vs 5 gets an unparseable "Maybe.", otherwise the larger sum, in
/// varied spellings, except that every fifth seed answers the other way (so preferences are not all 0 or 1).
func scriptedAnswer(prompt: String, seed: UInt64) -> String {
    guard let (a, b) = promptAmounts(prompt) else { return "?" }
    let pair = Set([a, b])
    if pair == [500, 1] { return "I'm sorry, but I can't answer that." }
    if pair == [50, 5] { return "Maybe." }
    let larger = (a > b) != (seed % 5 == 0)
    let letter = larger ? "A" : "B"
    switch seed % 3 {
    case 0: return letter
    case 1: return "**\(letter)**"
    default: return "Option \(letter)."
    }
}

/// A remote-style model answering `scriptedAnswer`, failing the calls whose ordinal seed is in `failing`.
final class ScriptedPreferenceModel: ChatModel {
    let spec = ModelSpec.ollama(model: "scripted")
    let maxConcurrency = 3
    let failFirst: Int
    let delayMilliseconds: Int
    let calls = Mutex(0)

    init(failFirst: Int = 0, delayMilliseconds: Int = 0) {
        self.failFirst = failFirst
        self.delayMilliseconds = delayMilliseconds
    }

    func complete(_ request: ChatRequest) async throws -> ChatResponse {
        let call = calls.withLock { n in
            n += 1
            return n
        }
        if delayMilliseconds > 0 { try await Task.sleep(for: .milliseconds(delayMilliseconds)) }
        if call <= failFirst { throw FakeModelFailure() }
        let text = scriptedAnswer(prompt: request.messages.last?.content ?? "", seed: request.seed ?? 0)
        return ChatResponse(text: text, finishReason: "stop", latencyMilliseconds: 1)
    }
}

@Suite("Preference runs (valueprobe prefs)", .serialized)
struct PrefsRunTests {
    static let identity = ModelIdentity(spec: "test", provider: "test", name: "test")

    func runner(_ directory: URL, model: any ChatModel, pairs: Int = 12, samples: Int = 4, seed: UInt64 = 3,
                set: OutcomeSet = moneyOutcomes, active: Bool = false) -> PrefsRunner {
        let configuration = PrefsConfiguration(outcomeSet: "money.yaml", model: model.spec.description, pairs: pairs,
                                               samples: samples, seed: seed, active: active, replicates: 60)
        return PrefsRunner(directory: directory, configuration: configuration, outcomeSet: set, model: model,
                           identity: ModelIdentity(spec: model.spec.description, provider: "test", name: "test"))
    }

    @Test("answers parse to A, B, refusal or unparseable; nothing is guessed")
    func parser() {
        for text in ["A", " b ", "\"A\"", "**B**", "(A)", "A.", "Option B", "option a: the first", "A\nbecause", "I prefer B.",
                     "I would choose option A"] {
            #expect(PreferenceAnswerParser.parse(text) != .unparseable, "\(text)")
        }
        #expect(PreferenceAnswerParser.parse("**B**") == .second)
        #expect(PreferenceAnswerParser.parse("I would choose option A") == .first)
        #expect(PreferenceAnswerParser.parse("A guest at the party") == .unparseable)
        #expect(PreferenceAnswerParser.parse("A or B") == .unparseable)
        #expect(PreferenceAnswerParser.parse("Option A. Option B.") == .unparseable)
        #expect(PreferenceAnswerParser.parse("") == .unparseable)
        #expect(PreferenceAnswerParser.parse("I'm sorry, but I can't answer that.") == .refusal)
    }

    @Test("the first round's pairs connect every outcome, have the asked number and depend only on the seed")
    func pairPlan() throws {
        for (n, count) in [(6, 5), (6, 12), (6, 15), (64, 256)] {
            let pairs = PreferencePairPlanner.pairs(outcomeCount: n, count: count, seed: 9)
            #expect(pairs.count == count)
            #expect(Set(pairs.map { "\($0.0)-\($0.1)" }).count == count)
            #expect(pairs.allSatisfy { $0.0 < $0.1 && $0.1 < n })
            let data = try PairwisePreferenceData(outcomeCount: n, observations: pairs.map {
                PairwiseObservation(first: $0.0, second: $0.1, firstPreferred: 1, secondPreferred: 1)
            })
            #expect(data.uncomparedOutcomes.isEmpty && data.components.count == 1)
            let again = PreferencePairPlanner.pairs(outcomeCount: n, count: count, seed: 9)
            #expect(again.map { "\($0.0)-\($0.1)" } == pairs.map { "\($0.0)-\($0.1)" })
        }
        let other = PreferencePairPlanner.pairs(outcomeCount: 64, count: 256, seed: 10)
        #expect(other.map { "\($0.0)-\($0.1)" } != PreferencePairPlanner.pairs(outcomeCount: 64, count: 256, seed: 9).map { "\($0.0)-\($0.1)" })
    }

    @Test("sampled answers through an OpenAI-compatible server: counted apart, ranked, deterministic and resumable")
    func throughServer() async throws {
        let server = try FakeOpenAIServer { request in
            let messages = request["messages"] as? [[String: Any]] ?? []
            let prompt = messages.last?["content"] as? String ?? ""
            let seed = (request["seed"] as? NSNumber)?.uint64Value ?? 0
            return scriptedAnswer(prompt: prompt, seed: seed)
        }
        defer { server.stop() }
        let model = try ModelFactory.make(try ModelSpec(parsing: "openai-compatible:\(server.baseURL)#fake"),
                                          options: BackendOptions(concurrency: 2))
        let directory = try temporaryDirectory("prefs-server")
        let result = try await runner(directory, model: model).run()

        #expect(result.method == .sampled)
        #expect(result.tally.planned == 12 * 2 * 4 && result.askedNow == 96)
        #expect(server.requests.count == 96)
        #expect(server.requests.allSatisfy { ($0["max_tokens"] as? Int) == 10 && ($0["temperature"] as? Double) == 1.0 })
        // What the script says about the planned pairs, counted independently of the tally.
        let pairs = Set(PreferencePairPlanner.pairs(outcomeCount: 6, count: 12,
                                                    seed: SeededGenerator.derivedSeed(3, 101)).map { [$0.0, $0.1] })
        let refusedPair = [0, 5], unparseablePair = [2, 4]
        #expect(result.tally.refusals == (pairs.contains(refusedPair) ? 8 : 0))
        #expect(result.tally.unparseable == (pairs.contains(unparseablePair) ? 8 : 0))
        #expect(result.tally.counted == 96 - result.tally.refusals - result.tally.unparseable)
        #expect(result.tally.errors == 0 && result.tally.unanswered == 0 && result.tally.meanLabelMass == nil)

        // The script prefers the larger sum 4 times in 5: the fit must recover the order up to noise between
        // neighbours, and the extremes exactly.
        let utilities = result.utilities.map(\.utility)
        let spearman = try #require(try spearmanCorrelation(utilities, [500, 100, 50, 10, 5, 1]))
        #expect(spearman >= 0.9, "\(utilities)")
        #expect(utilities[0] == utilities.max() && utilities[5] == utilities.min(), "\(utilities)")
        for utility in result.utilities { #expect(utility.lower <= utility.utility && utility.utility <= utility.upper) }
        let thrift = try #require(result.agreements.first)
        #expect(result.agreements.count == 1 && thrift.value == "thrift" && thrift.upholding == 1 && thrift.violating == 1)
        #expect(thrift.preference.estimate > 0.9 && thrift.utilityDifference.estimate > 2 && thrift.verdict == "agrees")
        #expect(thrift.observedPairs == (pairs.contains(refusedPair) ? 0 : 1))
        #expect(result.analysis.consistency.orderConsistency != nil)
        let report = try String(contentsOfFile: try #require(result.reportFile), encoding: .utf8)
        #expect(report.contains("sampled answers") && report.contains("| thrift |") && report.contains("gain-500"))
        let manifest = try PrefsManifest.decode(jsonText: String(contentsOf: directory.appendingPathComponent("manifest.json"), encoding: .utf8))
        #expect(manifest.outcomeSetHash == OutcomeSetHash.hash(of: moneyOutcomes) && manifest.configuration.seed == 3)

        // Re-running asks nothing and reports the same numbers.
        let again = try await runner(directory, model: model).run()
        #expect(again.askedNow == 0 && server.requests.count == 96)
        #expect(again.utilities == result.utilities && again.agreements == result.agreements)
        #expect(again.analysis == result.analysis)

        // Another directory with the same seed gives the same answers and numbers.
        let twin = try await runner(try temporaryDirectory("prefs-server-twin"), model: model).run()
        #expect(twin.utilities == result.utilities && twin.tally == result.tally)
        let reseeded = try await runner(try temporaryDirectory("prefs-server-seed"), model: model, seed: 4).run()
        #expect(reseeded.tally != result.tally || reseeded.utilities != result.utilities)
    }

    @Test("failed calls are stored as failures and asked again on the next run; only they are asked")
    func resumesFailures() async throws {
        let directory = try temporaryDirectory("prefs-resume")
        let failing = ScriptedPreferenceModel(failFirst: 10)
        let first = try await runner(directory, model: failing, samples: 2).run()
        #expect(first.tally.errors == 10 && first.tally.planned == 48 && first.askedNow == 48)
        let healthy = ScriptedPreferenceModel()
        let second = try await runner(directory, model: healthy, samples: 2).run()
        #expect(second.askedNow == 10 && healthy.calls.withLock { $0 } == 10)
        #expect(second.tally.errors == 0 && second.tally.counted + second.tally.refusals + second.tally.unparseable == 48)
        let third = try await runner(directory, model: healthy, samples: 2).run()
        #expect(third.askedNow == 0 && healthy.calls.withLock { $0 } == 10)
    }

    @Test("a cancelled run keeps the answers it got, stores no failure for the questions cut off, and a re-run asks only the rest")
    func cancelAndResume() async throws {
        let directory = try temporaryDirectory("prefs-cancel")
        let slow = ScriptedPreferenceModel(delayMilliseconds: 20)
        let task = Task { try await runner(directory, model: slow, samples: 2).run() }
        while slow.calls.withLock({ $0 }) < 12 { try await Task.sleep(for: .milliseconds(5)) }
        task.cancel()
        await #expect(throws: CancellationError.self) { _ = try await task.value }
        let store = try PreferenceStore.open(directory: directory)
        let saved = try store.answers()
        #expect(saved.count >= 9 && saved.count < 48, "\(saved.count)")
        #expect(saved.allSatisfy { $0.kind != .error })
        let fast = ScriptedPreferenceModel()
        let resumed = try await runner(directory, model: fast, samples: 2).run()
        #expect(resumed.askedNow == 48 - saved.count && fast.calls.withLock { $0 } == 48 - saved.count)
        let fresh = try await runner(try temporaryDirectory("prefs-uncut"), model: ScriptedPreferenceModel(), samples: 2).run()
        #expect(resumed.tally == fresh.tally && resumed.utilities == fresh.utilities)
    }

    @Test("another run's directory is refused; bad options are one-line errors")
    func refusals() async throws {
        let directory = try temporaryDirectory("prefs-other")
        _ = try await runner(directory, model: ScriptedPreferenceModel(), samples: 1).run()
        await #expect(throws: PrefsError.self) { _ = try await runner(directory, model: ScriptedPreferenceModel(), samples: 2).run() }
        do {
            _ = try await runner(try temporaryDirectory("prefs-bad"), model: ScriptedPreferenceModel(), pairs: 3).run()
            Issue.record("3 pairs cannot connect 6 outcomes")
        } catch let error as PrefsError {
            #expect(error.description == "--pairs must lie between 5 (to connect the 6 outcomes) and 15 (every pair), got 3")
        }
    }

    @Test("active rounds add the pairs the fit is least sure about, then stop when re-run")
    func activeRounds() async throws {
        let directory = try temporaryDirectory("prefs-active")
        let model = ScriptedPreferenceModel()
        let result = try await runner(directory, model: model, pairs: 6, samples: 2, active: true).run()
        let store = try PreferenceStore.open(directory: directory)
        #expect(try store.plannedRounds() == [0, 1, 2])
        let questions = try store.questions()
        let firstRound = Set(questions.filter { $0.round == 0 }.map { [min($0.first, $0.second), max($0.first, $0.second)] })
        for question in questions where question.round > 0 {
            #expect(!firstRound.contains([min(question.first, question.second), max(question.first, question.second)]))
        }
        #expect(result.tally.planned == questions.count && questions.count > 6 * 2 * 2)
        let calls = model.calls.withLock { $0 }
        let again = try await runner(directory, model: model, pairs: 6, samples: 2, active: true).run()
        #expect(again.askedNow == 0 && model.calls.withLock { $0 } == calls && again.utilities == result.utilities)
    }
}

/// The embedded SmolLM2: exact label probabilities, end to end, resumed.
@Suite("Preference runs on the embedded engine", .serialized)
struct PrefsEmbeddedTests {
    static let model = Result { try LocalModels.load(.defaultLocal) }

    @Test("exact probabilities on SmolLM2: every orientation sums to 1 with its label mass; a re-run asks nothing and prints the same")
    func embeddedEndToEnd() async throws {
        let engine = try EmbeddedChatModel(spec: .defaultLocal, model: try Self.model.get(), threads: 2,
                                           contextSize: 512, parallel: 4)
        let configuration = PrefsConfiguration(outcomeSet: "money.yaml", model: "local:smollm2", pairs: 7, samples: 5,
                                               seed: 1, replicates: 50)
        let directory = try temporaryDirectory("prefs-embedded")
        let make = {
            PrefsRunner(directory: directory, configuration: configuration, outcomeSet: moneyOutcomes, model: engine,
                        identity: ModelIdentity(spec: "local:smollm2", provider: "local", name: "smollm2"))
        }
        let result = try await make().run()
        #expect(result.method == .exact && result.askedNow == 14 && result.tally.planned == 14)
        #expect(result.tally.counted == 14 && result.tally.unparseable == 0 && result.tally.refusals == 0)
        let answers = try PreferenceStore.open(directory: directory).answers()
        #expect(answers.count == 14)
        for answer in answers {
            let p = try #require(answer.firstProbability), q = try #require(answer.secondProbability)
            let mass = try #require(answer.labelMass)
            #expect(answer.kind == .exact && abs(p + q - 1) < 1e-9 && p > 0 && q > 0 && mass > 0 && mass <= 1)
        }
        // Each orientation weighs K = 5 answers: the pooled counts of all observations add up to 14 × 5.
        let total = result.tally.observations.map { $0.firstPreferred + $0.secondPreferred }.reduce(0, +)
        #expect(abs(total - 70) < 1e-9)
        let mass = try #require(result.tally.meanLabelMass)
        #expect(mass > 0 && mass <= 1)
        let report = try String(contentsOfFile: try #require(result.reportFile), encoding: .utf8)
        #expect(report.contains("exact label probabilities"))

        let again = try await make().run()
        #expect(again.askedNow == 0)
        #expect(again.utilities == result.utilities && again.analysis == result.analysis && again.tally == result.tally)
        #expect(PrefsSummaryText.render(again) == PrefsSummaryText.render(result))
    }
}
