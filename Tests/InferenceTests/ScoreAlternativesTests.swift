import Assets
import Foundation
import Testing
@testable import Inference

/// `BatchEngine.score(…, topLogprobs:)` on the real SmolLM2: asking for alternatives leaves the scores unchanged,
/// and each position's alternatives are the most likely tokens there, most likely first, with the scored token's own
/// log-probability when it is among them (what `serve`'s `echo` reports as `top_logprobs`).
@Suite(.serialized) struct ScoreAlternativesTests {
    @Test func alternativesAreTheMostLikelyTokens() async throws {
        let model = try BatchEngineTests.model.get()
        let tokens = model.tokenize(prompt: "Kindness costs nothing and means a great deal to others.", parseSpecial: false)
        let engine = try BatchEngine(model: model, parallelism: 2, threads: 2, contextSize: 128)
        let prompt = [tokens[0]], rest = Array(tokens.dropFirst())
        let plain = try #require(try await engine.score(prompt: prompt, continuations: [rest]).first)
        let withTop = try #require(try await engine.score(prompt: prompt, continuations: [rest], topLogprobs: 5).first)
        #expect(plain.topLogProbabilities.isEmpty)
        #expect(withTop.tokenLogProbabilities.map(\.bitPattern) == plain.tokenLogProbabilities.map(\.bitPattern))
        #expect(withTop.isGreedy == plain.isGreedy)
        #expect(withTop.topLogProbabilities.count == rest.count)
        var greedyEverywhere = true
        for (i, top) in withTop.topLogProbabilities.enumerated() {
            #expect(top.count == 5)
            #expect(zip(top, top.dropFirst()).allSatisfy { $0.value >= $1.value })
            #expect(Set(top.map(\.id)).count == 5)
            let own = Float(withTop.tokenLogProbabilities[i])
            #expect(top[0].value >= own)
            if let entry = top.first(where: { $0.id == rest[i] }) { #expect(entry.value == own) } else { #expect(top[4].value >= own) }
            if top[0].id != rest[i] { greedyEverywhere = false }
        }
        #expect(greedyEverywhere == plain.isGreedy)
        await #expect(throws: InferenceError.self) { _ = try await engine.score(prompt: prompt, continuations: [rest], topLogprobs: -1) }
    }
}
