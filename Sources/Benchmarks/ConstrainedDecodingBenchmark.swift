import ChatTemplates
import Foundation
import Inference
import Statistics

/// The cost per generated token of constrained decoding (a JSON Schema enforced as a token mask) against free
/// decoding, on one sequence of the single-sequence `Generator` with the same prompt and sampling.
///
/// Runs alternate (free, constrained, free, …) so that changes in the machine's load hit both alike; each figure
/// is the median over `repetitions` runs of milliseconds per generated token (decoding only, the prompt excluded).
/// The first constrained run starts from an empty mask cache (`coldMillisecondsPerToken`: every state's mask is
/// computed on first use); the measured runs share the cache, as the requests of a run or a server do.
public struct ConstrainedDecodingBenchmark: Sendable {
    public var generatedTokens: Int
    public var repetitions: Int
    public var temperature: Float
    /// The schema enforced (default: the LLM judge's verdict schema, passed in by the caller).
    public var schema: JSONDocument
    public var question: String

    public init(schema: JSONDocument, generatedTokens: Int = 64, repetitions: Int = 5, temperature: Float = 0.8,
                question: String = "Describe a city you like as a JSON object.") {
        self.schema = schema
        self.generatedTokens = generatedTokens
        self.repetitions = repetitions
        self.temperature = temperature
        self.question = question
    }

    public struct Result: Codable, Sendable {
        public var model: String
        public var threads: Int
        public var generatedTokens: Int
        public var repetitions: Int
        /// Building the vocabulary's token tree (once per model), milliseconds.
        public var trieMilliseconds: Double
        /// The first constrained run, from an empty mask cache.
        public var coldMillisecondsPerToken: Double
        public var freeMillisecondsPerToken: Double
        public var constrainedMillisecondsPerToken: Double
        public var freeSamples: [Double]
        public var constrainedSamples: [Double]
        /// constrained / free − 1 (0.05 = 5 % slower).
        public var slowdown: Double
        /// Distinct automaton states whose masks were cached by the end.
        public var cachedStates: Int
        /// Mean tokens per constrained run (a run stops early once the object is complete).
        public var constrainedTokensPerRun: Double
        public var loadAverage: Double?
    }

    public func run(model: LanguageModel, threads: Int, progress: (String) -> Void = { _ in }) throws -> Result {
        guard generatedTokens > 0, repetitions > 0 else { throw InferenceError.invalidRequest("benchmark sizes must be positive") }
        let t0 = DispatchTime.now().uptimeNanoseconds
        let trie = TokenTrie(tokenizer: model.tokenizer)
        let trieMs = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
        let grammar = try JSONSchemaCompiler.compile(schema)
        let constraint = TokenConstraint(grammar: grammar, trie: trie, stopTokens: model.stopTokens)
        let generator = try Generator(model: model, contextSize: 1024, threads: threads)
        let prompt = model.tokenize(prompt: try model.renderChat([ChatMessage(role: "user", content: question)]))
        func perToken(_ r: GenerationResult) -> Double { r.generationMilliseconds / Double(max(1, r.tokens.count)) }
        func once(_ constrained: TokenConstraint?, seed: UInt64) throws -> GenerationResult {
            try generator.generate(prompt: prompt, parameters: SamplingParameters(temperature: temperature, seed: seed),
                                   maxTokens: generatedTokens, constraint: constrained)
        }
        _ = try once(nil, seed: 0)  // warm-up: page in the weights, cache the prompt
        let cold = try once(constraint, seed: 0)
        var free: [Double] = [], constrained: [Double] = [], constrainedTokens = 0
        for rep in 1 ... repetitions {
            let f = try once(nil, seed: UInt64(rep))
            let c = try once(constraint, seed: UInt64(rep))
            free.append(perToken(f))
            constrained.append(perToken(c))
            constrainedTokens += c.tokens.count
            progress(String(format: "run %d/%d: free %.2f ms/token, constrained %.2f ms/token", rep, repetitions,
                            free.last ?? 0, constrained.last ?? 0))
        }
        let f = median(free) ?? 0, c = median(constrained) ?? 0
        return Result(model: model.displayName, threads: threads, generatedTokens: generatedTokens, repetitions: repetitions,
                      trieMilliseconds: trieMs, coldMillisecondsPerToken: perToken(cold), freeMillisecondsPerToken: f,
                      constrainedMillisecondsPerToken: c, freeSamples: free, constrainedSamples: constrained,
                      slowdown: f > 0 ? c / f - 1 : 0, cachedStates: constraint.cachedStates,
                      constrainedTokensPerRun: Double(constrainedTokens) / Double(repetitions),
                      loadAverage: LoadAverage.current())
    }
}
