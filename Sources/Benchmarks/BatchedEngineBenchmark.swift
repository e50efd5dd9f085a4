import Foundation
import Inference
import Statistics

/// Aggregate speed of many sequences evaluated together, measured like llama.cpp's `llama-batched-bench`:
/// `sequences` distinct random prompts of `promptTokens` tokens are processed together (pp: all prompt tokens
/// over the time until every sequence has its first logits), then every sequence decodes `generatedTokens`
/// tokens, one per sequence per step (tg: all generated tokens over the decoding time). Decoding takes each
/// sequence's argmax. A third figure runs the whole `BatchEngine` (scheduling, sampling with the default
/// settings, log-probabilities, streaming) on the same workload: all tokens over the wall time.
/// Each figure is the median of `repetitions` runs after one warm-up run.
public struct BatchedEngineBenchmark: Sendable {
    public var sequences: Int = 16
    public var promptTokens: Int = 128
    public var generatedTokens: Int = 64
    public var repetitions: Int = 3
    public var seed: UInt64 = 1

    public init(sequences: Int = 16, promptTokens: Int = 128, generatedTokens: Int = 64, repetitions: Int = 3) {
        self.sequences = sequences
        self.promptTokens = promptTokens
        self.generatedTokens = generatedTokens
        self.repetitions = repetitions
    }

    /// One measured configuration.
    public struct Result: Codable, Sendable {
        public var threads: Int
        public var sequences: Int
        public var promptTokens: Int
        public var generatedTokens: Int
        /// Prompt tokens of all sequences per second (median) and every run's figure.
        public var promptTokensPerSecond: Double
        public var promptSamples: [Double]
        /// Generated tokens of all sequences per second while all decode (median) and every run's figure.
        public var decodeTokensPerSecond: Double
        public var decodeSamples: [Double]
        /// The whole engine with sampling: prompt and generated tokens per second of wall time (median).
        public var engineTokensPerSecond: Double
        public var engineSamples: [Double]
    }

    /// Runs the benchmark on `model` with `threads` threads; `progress` is told after each run.
    public func run(model: LanguageModel, threads: Int, progress: (String) -> Void = { _ in }) throws -> Result {
        guard sequences > 0, promptTokens > 0, generatedTokens > 0, repetitions > 0 else {
            throw InferenceError.invalidRequest("benchmark sizes must be positive")
        }
        let capacity = promptTokens + generatedTokens + 1
        let stepTokens = max(64, sequences)
        let context = try BatchContext(model: model, slots: sequences, capacity: capacity, threads: threads,
                                       maxStepTokens: stepTokens)
        var rng = SeededGenerator(seed: seed)
        let vocab = model.config.vocabularySize
        let prompts = (0 ..< sequences).map { _ in (0 ..< promptTokens).map { _ in Int32(rng.nextInt(below: vocab)) } }
        var pp: [Double] = [], tg: [Double] = [], engine: [Double] = []
        for rep in 0 ... repetitions {
            for s in 0 ..< sequences { context.clear(slot: s) }
            // Prompts: every token once, in steps of up to `stepTokens`, logits after each prompt's last token.
            let all = prompts.enumerated().flatMap { s, p in
                p.enumerated().map { i, t in BatchToken(slot: s, token: t, wantsLogits: i == p.count - 1) }
            }
            var next = [Int32](repeating: 0, count: sequences)
            let t0 = DispatchTime.now().uptimeNanoseconds
            var start = 0
            while start < all.count {
                let step = Array(all[start ..< min(all.count, start + stepTokens)])
                let logits = try context.step(step)
                var row = 0
                for token in step where token.wantsLogits {
                    next[token.slot] = Self.argmax(logits, row: row, vocab: vocab)
                    row += 1
                }
                start += step.count
            }
            let t1 = DispatchTime.now().uptimeNanoseconds
            for _ in 0 ..< generatedTokens {
                let logits = try context.step((0 ..< sequences).map { BatchToken(slot: $0, token: next[$0]) })
                for s in 0 ..< sequences { next[s] = Self.argmax(logits, row: s, vocab: vocab) }
            }
            let t2 = DispatchTime.now().uptimeNanoseconds
            let whole = try runEngine(model: model, threads: threads, prompts: prompts, capacity: capacity)
            if rep == 0 { continue }  // warm-up: page in the weights
            pp.append(Double(sequences * promptTokens) / (Double(t1 - t0) / 1e9))
            tg.append(Double(sequences * generatedTokens) / (Double(t2 - t1) / 1e9))
            engine.append(whole)
            progress(String(format: "threads %d, %d sequences, run %d/%d: pp %.1f t/s, tg %.1f t/s, engine %.1f t/s",
                            threads, sequences, rep, repetitions, pp.last!, tg.last!, whole))
        }
        return Result(threads: threads, sequences: sequences, promptTokens: promptTokens, generatedTokens: generatedTokens,
                      promptTokensPerSecond: median(pp) ?? 0, promptSamples: pp,
                      decodeTokensPerSecond: median(tg) ?? 0, decodeSamples: tg,
                      engineTokensPerSecond: median(engine) ?? 0, engineSamples: engine)
    }

    /// The whole engine on the same prompts: all sequences at once with default sampling (seeded), no early
    /// stop; returns prompt and generated tokens per second of wall time.
    private func runEngine(model: LanguageModel, threads: Int, prompts: [[Int32]], capacity: Int) throws -> Double {
        let engine = try BatchEngine(model: model, parallelism: sequences, threads: threads, contextSize: capacity)
        let requests = prompts.enumerated().map { i, p in
            GenerationRequest(prompt: p, parameters: SamplingParameters(seed: UInt64(i + 1)), maxTokens: generatedTokens)
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let tokens = BlockingWait.run {
            try await withThrowingTaskGroup(of: Int.self) { group in
                for r in requests { group.addTask { try await engine.generate(r).tokens.count } }
                return try await group.reduce(0, +)
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        engine.shutdown()
        return Double(try tokens.get() + sequences * promptTokens) / seconds
    }

    static func argmax(_ logits: [Float], row: Int, vocab: Int) -> Int32 {
        var best = row * vocab
        for i in row * vocab ..< (row + 1) * vocab where logits[i] > logits[best] { best = i }
        return Int32(best - row * vocab)
    }
}

/// Runs async work to completion from synchronous code (benchmarks only: it blocks the calling thread).
enum BlockingWait {
    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) -> Result<T, any Error> {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { box.set(.success(try await body())) } catch { box.set(.failure(error)) }
            done.signal()
        }
        done.wait()
        return box.get() ?? .failure(CancellationError())
    }
}

private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<T, any Error>?
    func set(_ v: Result<T, any Error>) { lock.withLock { value = v } }
    func get() -> Result<T, any Error>? { lock.withLock { value } }
}
