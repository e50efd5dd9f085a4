import ChatTemplates
import Foundation
import Inference
import Testing
@testable import Models

/// Exact option likelihoods on the embedded SmolLM2, checked against the engine's own logits.
@Suite("Option likelihoods on the embedded engine", .serialized)
struct OptionLikelihoodsTests {
    static let model = Result { try LocalModels.load(.defaultLocal) }

    static let question = [ChatMessage(role: "user", content: """
        One pole of my party canopy broke. Which would you do? A. Ask a guest to hold up the corner all evening. \
        B. Tie a broom handle to the broken pole. Answer with A or B.
        """)]
    static let options = ["Ask a guest to hold up the corner all evening.", "Tie a broom handle to the broken pole."]

    @Test("label probabilities are the softmax of the engine's logits at the answer position")
    func labelsAreTheSoftmax() async throws {
        let model = try Self.model.get()
        let engine = try EmbeddedChatModel(spec: .defaultLocal, model: model, threads: 2, contextSize: 512, parallel: 2)
        let result = try await engine.optionLikelihoods(messages: Self.question, labels: ["A", "B"], options: Self.options)

        // Independently: every logit at the answer position, from one greedy step of the single-sequence generator.
        let generator = Generator(context: try InferenceContext(model: model, contextSize: 512, threads: 2))
        let prompt = model.tokenize(prompt: try model.renderChat(Self.question))
        #expect(result.promptTokens == prompt.count)
        let vocabulary = model.config.vocabularySize
        let step = try generator.generate(prompt: prompt, parameters: .greedy, maxTokens: 1, topLogits: vocabulary)
        let logits = try #require(step.topLogits.first)
        #expect(logits.count == vocabulary)
        let top = Double(logits.map(\.value).max() ?? 0)
        let logSum = top + Foundation.log(logits.reduce(0.0) { $0 + Foundation.exp(Double($1.value) - top) })
        for (index, label) in ["A", "B"].enumerated() {
            let ids = model.tokenizer.encode(label, parseSpecial: false)
            #expect(ids.count == 1)
            let logit = try #require(logits.first { $0.id == ids[0] }).value
            let expected = Double(logit) - logSum
            #expect(abs(result.labelLogProbabilities[index] - expected) < 1e-4, "\(label): \(result.labelLogProbabilities[index]) vs \(expected)")
        }
        #expect(abs(result.labelProbabilities.reduce(0, +) - 1) < 1e-12)
        let mass = result.labelLogProbabilities.map { Foundation.exp($0) }.reduce(0, +)
        #expect(abs(result.labelMass - mass) < 1e-12 && result.labelMass > 0 && result.labelMass <= 1)
        let ratio = result.labelProbabilities[0] / result.labelProbabilities[1]
        #expect(abs(ratio - Foundation.exp(result.labelLogProbabilities[0] - result.labelLogProbabilities[1])) < 1e-9)
    }

    @Test("continuations: raw sums equal the generator's scores, means divide by the token count, probabilities sum to 1")
    func continuations() async throws {
        let model = try Self.model.get()
        let engine = try EmbeddedChatModel(spec: .defaultLocal, model: model, threads: 2, contextSize: 512, parallel: 2)
        let result = try await engine.optionLikelihoods(messages: Self.question, labels: ["A", "B"], options: Self.options)
        let generator = Generator(context: try InferenceContext(model: model, contextSize: 512, threads: 2))
        let prompt = model.tokenize(prompt: try model.renderChat(Self.question))
        let tokens = Self.options.map { model.tokenizer.encode($0, parseSpecial: false) }
        let scores = try generator.score(prompt: prompt, continuations: tokens)
        for index in 0..<2 {
            #expect(abs(result.continuationLogProbabilities[index] - scores[index].logProbability) < 1e-9)
            #expect(abs(result.continuationMeanLogProbabilities[index]
                        - scores[index].logProbability / Double(tokens[index].count)) < 1e-9)
            #expect(result.continuationLogProbabilities[index] < 0)
        }
        #expect(abs(result.continuationProbabilities.reduce(0, +) - 1) < 1e-12)
    }

    @Test("mismatched or empty option lists are one-line errors")
    func badInput() async throws {
        let engine = try EmbeddedChatModel(spec: .defaultLocal, model: try Self.model.get(), threads: 2, contextSize: 512)
        for (labels, options) in [([String](), [String]()), (["A"], ["one", "two"])] {
            do {
                _ = try await engine.optionLikelihoods(messages: Self.question, labels: labels, options: options)
                Issue.record("\(labels) / \(options) accepted")
            } catch {
                #expect("\(error)".contains("as many labels as options") && !"\(error)".contains("\n"))
            }
        }
    }
}
