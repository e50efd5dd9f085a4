import Assets
import ChatTemplates
import Foundation
import Testing
@testable import Inference

/// Constrained decoding on the real SmolLM2: outputs under several schemas parse as JSON and match the schema,
/// greedy and sampled, in the single-sequence `Generator` and in the batch; a constrained sequence leaves its
/// batch neighbours' tokens unchanged; the token limit mid-object ends with `length`.
@Suite(.serialized) struct ConstrainedGenerationTests {
    static let model: Result<LanguageModel, any Error> = Result {
        try LanguageModel(path: try AssetStore().primaryFile("smollm2").path)
    }

    static let schemas: [(question: String, schema: String)] = [
        ("Describe a cat as JSON with its name, age and whether it is friendly.",
         #"{"type":"object","properties":{"name":{"type":"string","maxLength":20},"age":{"type":"integer"},"friendly":{"type":"boolean"}},"required":["name","age","friendly"]}"#),
        ("Is lying acceptable? Answer as JSON.",
         #"{"type":"object","properties":{"answer":{"enum":["yes","no","sometimes"]},"reasons":{"type":"array","items":{"type":"string","maxLength":30},"maxItems":2},"confidence":{"type":"number"}},"required":["answer","reasons"]}"#),
        ("Give your verdict on this answer: 'Honesty means telling the truth.'",
         #"{"type":"object","properties":{"correct":{"type":["boolean","null"]},"note":{"type":"string","maxLength":40},"tags":{"type":"array","items":{"enum":["a","b"]}}},"required":["correct","note"]}"#),
    ]

    func prompt(_ model: LanguageModel, _ question: String) throws -> [Int32] {
        model.tokenize(prompt: try model.renderChat([ChatMessage(role: "user", content: question)]))
    }

    @Test(arguments: [SamplingParameters.greedy, SamplingParameters(temperature: 0.9, seed: 7),
                      SamplingParameters(temperature: 1.2, topK: 0, topP: 1, minP: 0, seed: 11)])
    func generatorOutputsParseAndMatchTheSchema(parameters: SamplingParameters) throws {
        let model = try Self.model.get()
        let generator = try Generator(model: model, contextSize: 512, threads: 2)
        for (question, schemaText) in Self.schemas {
            let schema = try JSONDocument(parsing: schemaText)
            let constraint = try #require(try model.constraint(for: .jsonSchema(name: "t", schema: schema, strict: true)))
            let r = try generator.generate(prompt: try prompt(model, question), parameters: parameters, maxTokens: 160,
                                           constraint: constraint)
            #expect(r.finishReason == .stop, "\(r.text)")
            #expect(SchemaConformance.problems(r.text, schema: schema) == [], "\(r.text)")
        }
    }

    @Test func anyJSONObjectFromTheBatchParses() async throws {
        let model = try Self.model.get()
        let engine = try BatchEngine(model: model, parallelism: 3, threads: 2, contextSize: 512)
        let constraint = try #require(try model.constraint(for: .jsonObject))
        let results = try await withThrowingTaskGroup(of: GenerationResult.self) { group in
            for seed in [UInt64(1), 2, 3] {
                let p = try prompt(model, "List three fruits and their colours as a JSON object.")
                group.addTask {
                    try await engine.generate(GenerationRequest(prompt: p, parameters: SamplingParameters(temperature: 0.8, seed: seed),
                                                                maxTokens: 200, constraint: constraint))
                }
            }
            var out: [GenerationResult] = []
            for try await r in group { out.append(r) }
            return out
        }
        for r in results {
            let data = try #require(r.text.data(using: .utf8))
            #expect((try? JSONSerialization.jsonObject(with: data)) is [String: Any], "\(r.finishReason): \(r.text)")
            #expect(r.finishReason == .stop)
        }
    }

    @Test func aConstrainedNeighbourLeavesAnUnconstrainedSequenceUnchanged() async throws {
        let model = try Self.model.get()
        let free = GenerationRequest(prompt: try prompt(model, "What is honesty?"),
                                     parameters: SamplingParameters(temperature: 0.9, seed: 42), maxTokens: 24, topLogprobs: 2)
        let schema = try JSONDocument(parsing: Self.schemas[0].schema)
        let constrained = GenerationRequest(prompt: try prompt(model, Self.schemas[0].question),
                                            parameters: SamplingParameters(temperature: 0.9, seed: 5), maxTokens: 40,
                                            constraint: try model.constraint(for: .jsonSchema(name: "c", schema: schema, strict: true)))
        let aloneEngine = try BatchEngine(model: model, parallelism: 2, threads: 2, contextSize: 256)
        let alone = try await aloneEngine.generate(free)
        let constrainedAlone = try await aloneEngine.generate(constrained)
        let together = try BatchEngine(model: model, parallelism: 2, threads: 2, contextSize: 256)
        async let a = together.generate(free)
        async let b = together.generate(constrained)
        let (freeResult, constrainedResult) = try await (a, b)
        #expect(together.statistics.largestStep > 1)  // they did share steps
        #expect(freeResult.tokens == alone.tokens)
        #expect(freeResult.tokenLogProbabilities.map(\.bitPattern) == alone.tokenLogProbabilities.map(\.bitPattern))
        // And the constrained one is the same alone and batched, and differs from free decoding of its prompt.
        #expect(constrainedResult.tokens == constrainedAlone.tokens)
        #expect(SchemaConformance.problems(constrainedResult.text, schema: schema) == [] || constrainedResult.finishReason == .length)
    }

    @Test func greedyConstrainedBatchEqualsTheGenerator() async throws {
        let model = try Self.model.get()
        let schema = try JSONDocument(parsing: Self.schemas[1].schema)
        let constraint = try #require(try model.constraint(for: .jsonSchema(name: "c", schema: schema, strict: false)))
        let p = try prompt(model, Self.schemas[1].question)
        let generator = try Generator(model: model, contextSize: 256, threads: 2)
        let expected = try generator.generate(prompt: p, parameters: .greedy, maxTokens: 60, constraint: constraint)
        let engine = try BatchEngine(model: model, parallelism: 2, threads: 2, contextSize: 256)
        let got = try await engine.generate(GenerationRequest(prompt: p, parameters: .greedy, maxTokens: 60, constraint: constraint))
        #expect(got.tokens == expected.tokens && got.text == expected.text)
    }

    @Test func masksOnTheRealVocabularyEqualTokenByTokenChecks() throws {
        let model = try Self.model.get()
        let trie = TokenTrie(tokenizer: model.tokenizer)
        let grammar = try JSONSchemaCompiler.compile(try JSONDocument(parsing: Self.schemas[1].schema))
        let prefixes = [#""#, #"{"#, #"{"answer":"#, #"{"answer":"no","reasons":["#, #"{"answer":"no","reasons":["abc"#,
                        #"{"answer":"no","reasons":["abcdefghijklmnopqrstuvwxyz0123"#, #"{"answer":"no","reasons":["é"#,
                        #"{"answer":"no","reasons":[],"confidence":1"#]
        for prefix in prefixes {
            var state = JSONAutomaton(grammar: grammar)
            let fed = state.feed(prefix.utf8)
            #expect(fed, "\(prefix)")
            var expected: [Int32] = []
            for id in 0 ..< model.tokenizer.vocabularySize where !model.tokenizer.isControl(Int32(id)) {
                let bytes = model.tokenizer.tokenBytes(Int32(id))
                var s = state
                if !bytes.isEmpty, s.feed(bytes) { expected.append(Int32(id)) }
            }
            #expect(trie.allowedTokens(from: state) == expected, "\(prefix)")
            #expect(!expected.isEmpty)
        }
    }

    @Test func theTokenLimitMidObjectEndsWithLength() throws {
        let model = try Self.model.get()
        let generator = try Generator(model: model, contextSize: 256, threads: 2)
        let constraint = try #require(try model.constraint(for: .jsonSchema(name: "c", schema: try JSONDocument(parsing: Self.schemas[0].schema), strict: true)))
        let r = try generator.generate(prompt: try prompt(model, Self.schemas[0].question), parameters: .greedy, maxTokens: 3,
                                       constraint: constraint)
        #expect(r.finishReason == .length)
        #expect(r.tokens.count == 3)
        #expect(r.text.hasPrefix("{"))
    }
}
