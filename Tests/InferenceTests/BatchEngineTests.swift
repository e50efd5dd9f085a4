import Assets
import ChatTemplates
import Foundation
import Testing
@testable import Inference

/// The continuous batch on the real SmolLM2: batch invariance bit for bit (a request alone and among 15 others,
/// some still evaluating their prompts), greedy output equal to the single-sequence `Generator`, shared prompts
/// evaluated once, log-probabilities, stop strings, streaming and cancellation.
@Suite(.serialized) struct BatchEngineTests {
    static let model: Result<LanguageModel, any Error> = Result {
        try LanguageModel(path: try AssetStore().primaryFile("smollm2").path)
    }

    static let questions = [
        "What is honesty?", "Name a fruit.", "Why do people help strangers?",
        "Describe the colour of the sea on a stormy winter afternoon, in a few words.", "Is it ever right to lie?",
        "Count to five.", "What is fairness?", "Say hello.", "Give one reason to keep a promise.",
        "What does a good friend do when you are sad and far from home?", "Define courage.", "What is 2 + 2?",
        "Write a haiku about rain.", "Should a doctor tell a patient the whole truth?", "Name a planet.",
        "What is kindness?",
    ]

    func prompt(_ model: LanguageModel, _ question: String) throws -> [Int32] {
        model.tokenize(prompt: try model.renderChat([ChatMessage(role: "user", content: question)]))
    }

    @Test func greedyOutputEqualsTheSingleSequenceGenerator() async throws {
        let model = try Self.model.get()
        let prompts = try Self.questions.prefix(4).map { try prompt(model, $0) }
        let generator = try Generator(model: model, contextSize: 256, threads: 2)
        let expected = try prompts.map { try generator.generate(prompt: $0, parameters: .greedy, maxTokens: 20) }
        let engine = try BatchEngine(model: model, parallelism: 4, threads: 2, contextSize: 256)
        let results = try await withThrowingTaskGroup(of: (Int, GenerationResult).self) { group in
            for (i, p) in prompts.enumerated() {
                group.addTask { (i, try await engine.generate(GenerationRequest(prompt: p, parameters: .greedy, maxTokens: 20))) }
            }
            var out = [GenerationResult?](repeating: nil, count: prompts.count)
            for try await (i, r) in group { out[i] = r }
            return out.compactMap { $0 }
        }
        #expect(results.count == prompts.count)
        for (r, e) in zip(results, expected) {
            #expect(r.tokens == e.tokens && r.text == e.text && r.finishReason == e.finishReason)
            #expect(r.tokenLogProbabilities.map(\.bitPattern) == e.tokenLogProbabilities.map(\.bitPattern))
        }
        #expect(engine.statistics.largestStep > 1)  // the sequences did share steps
    }

    @Test func aSeededRequestGivesTheSameTokensAloneAndAmongFifteenOthers() async throws {
        let model = try Self.model.get()
        let prompts = try Self.questions.map { try prompt(model, $0) }
        func request(_ i: Int) -> GenerationRequest {
            GenerationRequest(prompt: prompts[i], parameters: SamplingParameters(temperature: 0.9, seed: UInt64(100 + i)),
                              maxTokens: 12 + i % 5 * 4, topLogprobs: 3)
        }
        let probe = 9
        // Small steps: prompts are cut into chunks, and the probe's prompt is evaluated while others decode.
        let alone = try BatchEngine(model: model, parallelism: 16, threads: 2, contextSize: 256, stepTokens: 20)
        let reference = try await collect(alone.stream(request(probe)))

        let shared = try BatchEngine(model: model, parallelism: 16, threads: 2, contextSize: 256, stepTokens: 20)
        let others = (0 ..< 16).filter { $0 != probe }
        let (probeResult, otherResults) = try await withThrowingTaskGroup(of: (Int, Collected).self) { group in
            for i in others.prefix(8) { group.addTask { (i, try await collect(shared.stream(request(i)))) } }
            // Wait until the first ones decode, then start the probe and the rest.
            while shared.statistics.generatedTokens < 4 { try await Task.sleep(nanoseconds: 1_000_000) }
            group.addTask { (probe, try await collect(shared.stream(request(probe)))) }
            for i in others.dropFirst(8) { group.addTask { (i, try await collect(shared.stream(request(i)))) } }
            var all: [Int: Collected] = [:]
            for try await (i, c) in group { all[i] = c }
            return (all[probe], all)
        }
        let together = try #require(probeResult)
        #expect(otherResults.count == 16)
        #expect(together.result.tokens == reference.result.tokens)
        #expect(together.result.text == reference.result.text)
        #expect(together.result.tokenLogProbabilities.map(\.bitPattern) == reference.result.tokenLogProbabilities.map(\.bitPattern))
        #expect(together.tokens == reference.tokens)  // streamed tokens with their top log-probabilities
        #expect(together.text == together.result.text)
        #expect(shared.statistics.largestStep == 20)
        // Each of the others equals its own request run alone too.
        for i in [0, 3, 15] {
            let single = try await alone.generate(request(i))
            #expect(otherResults[i]?.result.tokens == single.tokens, "request \(i)")
        }
    }

    @Test func samplesOfOnePromptEvaluateItOnce() async throws {
        let model = try Self.model.get()
        let p = try prompt(model, "Is it ever right to break a promise?")
        let engine = try BatchEngine(model: model, parallelism: 4, threads: 2, contextSize: 256)
        let requests = (1 ... 3).map { GenerationRequest(prompt: p, parameters: SamplingParameters(temperature: 1, seed: UInt64($0)), maxTokens: 10) }
        let results = try await withThrowingTaskGroup(of: (Int, GenerationResult).self) { group in
            for (i, r) in requests.enumerated() { group.addTask { (i, try await engine.generate(r)) } }
            var out: [Int: GenerationResult] = [:]
            for try await (i, r) in group { out[i] = r }
            return (0 ..< 3).compactMap { out[$0] }
        }
        try #require(results.count == 3)
        // Every generated token but the last of each sample is evaluated; the prompt once.
        let evaluatedGenerated = results.reduce(0) { $0 + $1.tokens.count - 1 }
        #expect(engine.statistics.evaluatedTokens == p.count + evaluatedGenerated)
        #expect(results.map(\.reusedPromptTokens).sorted() == [0, p.count, p.count])
        // Forks give what each sample gives alone, in a fresh engine.
        for (r, request) in zip(results, requests) {
            let fresh = try BatchEngine(model: model, parallelism: 1, threads: 2, contextSize: 256)
            let alone = try await fresh.generate(request)
            #expect(r.tokens == alone.tokens && r.tokenLogProbabilities.map(\.bitPattern) == alone.tokenLogProbabilities.map(\.bitPattern))
        }
    }

    @Test func topLogprobsAreLogProbabilities() async throws {
        let model = try Self.model.get()
        let p = try prompt(model, "What is the capital of France?")
        let engine = try BatchEngine(model: model, parallelism: 2, threads: 2, contextSize: 128)
        let c = try await collect(engine.stream(GenerationRequest(prompt: p, parameters: .greedy, maxTokens: 3, topLogprobs: 5)))
        let first = try #require(c.tokens.first)
        #expect(first.top.count == 5)
        // Reference: the logits after the prompt, normalised in Double here.
        let context = try InferenceContext(model: model, contextSize: 128, threads: 2)
        let logits = try context.evaluate(p)
        let m = Double(logits.max()!)
        let logZ = m + Foundation.log(logits.reduce(0.0) { $0 + Foundation.exp(Double($1) - m) })
        let order = logits.indices.sorted { logits[$0] > logits[$1] || (logits[$0] == logits[$1] && $0 < $1) }.prefix(5)
        #expect(first.top.map(\.id) == order.map { Int32($0) })
        for (score, index) in zip(first.top, order) {
            #expect(abs(Double(score.value) - (Double(logits[index]) - logZ)) < 1e-4)
        }
        #expect(first.id == first.top[0].id && first.logProbability == first.top[0].value)
        #expect(first.top.allSatisfy { $0.value <= 0 })
    }

    @Test func stopStringsAndStreamedText() async throws {
        let model = try Self.model.get()
        let p = model.tokenize(prompt: "1, 2, 3, 4,", parseSpecial: false)
        let generator = try Generator(model: model, contextSize: 128, threads: 2)
        let expected = try generator.generate(prompt: p, parameters: .greedy, maxTokens: 30, stop: [" 7"])
        let engine = try BatchEngine(model: model, parallelism: 2, threads: 2, contextSize: 128)
        let c = try await collect(engine.stream(GenerationRequest(prompt: p, parameters: .greedy, maxTokens: 30, stop: [" 7"])))
        #expect(c.result.finishReason == .stopSequence && !c.result.text.contains(" 7") && c.result.text.contains("5"))
        #expect(c.result.text == expected.text && c.result.tokens == expected.tokens)
        #expect(c.text == c.result.text)  // the deltas add up to the text; the held-back " 7" never went out
        #expect(c.deltas > 1)
        #expect(c.tokens.map(\.id) == c.result.tokens)
    }

    @Test func badRequestsEndTheStreamWithAnError() async throws {
        let model = try Self.model.get()
        let engine = try BatchEngine(model: model, parallelism: 2, threads: 1, contextSize: 64)
        await #expect(throws: InferenceError.self) {
            _ = try await engine.generate(GenerationRequest(prompt: [Int32](repeating: 260, count: 64)))
        }
        await #expect(throws: InferenceError.self) { _ = try await engine.generate(GenerationRequest(prompt: [])) }
        await #expect(throws: InferenceError.self) {
            _ = try await engine.generate(GenerationRequest(prompt: [1, 2], parameters: SamplingParameters(temperature: -1)))
        }
        await #expect(throws: InferenceError.self) { _ = try await engine.generate(GenerationRequest(prompt: [1, 999_999])) }
        await #expect(throws: InferenceError.self) { _ = try await engine.score(prompt: [1], continuations: [[]]) }
        // The engine still serves after the errors; a request at the context limit stops there.
        let r = try await engine.generate(GenerationRequest(prompt: [Int32](repeating: 260, count: 60), parameters: .greedy, maxTokens: 10))
        #expect(r.finishReason == .contextFull && r.tokens.count == 5)
        #expect(BatchEngineTests.parallelismThrows(model))
    }

    static func parallelismThrows(_ model: LanguageModel) -> Bool {
        (try? BatchEngine(model: model, parallelism: 0)) == nil
    }

    @Test func aCancelledRequestFreesItsSlot() async throws {
        let model = try Self.model.get()
        let engine = try BatchEngine(model: model, parallelism: 1, threads: 2, contextSize: 512)
        let p = try prompt(model, "Tell me a very long story about a dragon.")
        let long = GenerationRequest(prompt: p, parameters: SamplingParameters(temperature: 1, seed: 3), maxTokens: 400, stop: ["§§§"])
        let task = Task {
            var deltas = 0
            for try await event in engine.stream(long) {
                if case .delta = event { deltas += 1 }
            }
            return deltas
        }
        while engine.statistics.generatedTokens < 3 { try await Task.sleep(nanoseconds: 1_000_000) }
        task.cancel()
        _ = try? await task.value
        // With one slot, the next request runs only once the cancelled one is gone.
        let next = try await engine.generate(GenerationRequest(prompt: p, parameters: .greedy, maxTokens: 2))
        #expect(next.tokens.count == 2)
        #expect(engine.statistics.generatedTokens < 200)
        var idle = false
        for _ in 0 ..< 1000 where !idle {
            idle = engine.load.active == 0 && engine.load.waiting == 0
            try await Task.sleep(nanoseconds: 1_000_000)
        }
        #expect(idle)
    }

    @Test func batchScoringEqualsTheGenerator() async throws {
        let model = try Self.model.get()
        let p = try prompt(model, "Is the sky blue? Answer yes or no.")
        let generator = try Generator(model: model, contextSize: 128, threads: 2)
        let yes = model.tokenize(prompt: "Yes, it is.", parseSpecial: false)
        let no = model.tokenize(prompt: "No", parseSpecial: false)
        let expected = try generator.score(prompt: p, continuations: [yes, no, yes])
        let engine = try BatchEngine(model: model, parallelism: 4, threads: 2, contextSize: 128)
        let scores = try await engine.score(prompt: p, continuations: [yes, no, yes])
        #expect(scores.count == 3)
        for (s, e) in zip(scores, expected) {
            #expect(s.tokens == e.tokens && s.isGreedy == e.isGreedy)
            #expect(s.tokenLogProbabilities.map(\.bitPattern) == e.tokenLogProbabilities.map(\.bitPattern))
        }
        // The prompt was evaluated once for the three continuations.
        #expect(engine.statistics.evaluatedTokens == p.count + 2 * (yes.count - 1) + (no.count - 1), "\(p.count) \(yes.count) \(no.count) \(engine.statistics)")
    }
}

/// What a stream delivered.
struct Collected: Sendable {
    var text = ""
    var deltas = 0
    var tokens: [GeneratedToken] = []
    var result: GenerationResult
}

func collect(_ stream: AsyncThrowingStream<GenerationEvent, any Error>) async throws -> Collected {
    var text = "", deltas = 0, tokens: [GeneratedToken] = []
    for try await event in stream {
        switch event {
        case .delta(let piece, let new):
            text += piece
            deltas += 1
            tokens += new
        case .finished(let result):
            return Collected(text: text, deltas: deltas, tokens: tokens, result: result)
        }
    }
    throw CancellationError()
}
