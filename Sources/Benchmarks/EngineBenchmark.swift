import Foundation
import Inference
import Statistics

/// Prompt-processing and decoding speed of the embedded engine, measured like `llama-bench`:
/// `pp` evaluates a prompt of random tokens in one call on an empty cache; `tg` decodes tokens one at a time
/// from an empty cache. Each figure is the median of `repetitions` runs after one warm-up run.
public struct EngineBenchmark: Sendable {
    public var promptTokens: Int = 128
    public var generatedTokens: Int = 64
    public var repetitions: Int = 5
    public var seed: UInt64 = 1

    public init(promptTokens: Int = 128, generatedTokens: Int = 64, repetitions: Int = 5) {
        self.promptTokens = promptTokens
        self.generatedTokens = generatedTokens
        self.repetitions = repetitions
    }

    /// One measured configuration.
    public struct Result: Codable, Sendable {
        public var threads: Int
        public var promptTokens: Int
        public var generatedTokens: Int
        /// Median prompt-processing speed, tokens/s, and every run's figure.
        public var promptTokensPerSecond: Double
        public var promptSamples: [Double]
        public var decodeTokensPerSecond: Double
        public var decodeSamples: [Double]
        /// Resident memory of the process after the runs, bytes (nil where unknown).
        public var residentBytes: Int?
    }

    /// Runs the benchmark on `model` with `threads` threads; `progress` is told after each run.
    public func run(model: LanguageModel, threads: Int, progress: (String) -> Void = { _ in }) throws -> Result {
        guard promptTokens > 0, generatedTokens > 0, repetitions > 0 else {
            throw InferenceError.invalidRequest("benchmark sizes must be positive")
        }
        let context = try InferenceContext(model: model, contextSize: max(promptTokens, generatedTokens) + 1, threads: threads)
        var rng = SeededGenerator(seed: seed)
        let vocab = model.config.vocabularySize
        let prompt = (0 ..< promptTokens).map { _ in Int32(rng.nextInt(below: vocab)) }
        var pp: [Double] = [], tg: [Double] = []
        for rep in 0 ... repetitions {
            context.reset()
            let t0 = DispatchTime.now().uptimeNanoseconds
            _ = try context.evaluate(prompt)
            let t1 = DispatchTime.now().uptimeNanoseconds
            context.reset()
            var token = prompt[0]
            for _ in 0 ..< generatedTokens {
                let logits = try context.evaluate([token])
                token = Int32(logits.indices.max { logits[$0] < logits[$1] } ?? 0)
            }
            let t2 = DispatchTime.now().uptimeNanoseconds
            if rep == 0 { continue }  // warm-up: page in the weights
            pp.append(Double(promptTokens) / (Double(t1 - t0) / 1e9))
            tg.append(Double(generatedTokens) / (Double(t2 - t1) / 1e9))
            progress(String(format: "threads %d run %d/%d: pp%d %.1f t/s, tg%d %.1f t/s",
                            threads, rep, repetitions, promptTokens, pp.last!, generatedTokens, tg.last!))
        }
        return Result(threads: threads, promptTokens: promptTokens, generatedTokens: generatedTokens,
                      promptTokensPerSecond: median(pp) ?? 0, promptSamples: pp,
                      decodeTokensPerSecond: median(tg) ?? 0, decodeSamples: tg, residentBytes: ProcessMemory.residentBytes())
    }
}

/// Resident memory of this process.
public enum ProcessMemory {
    public static func residentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let kb = line.split(separator: " ").compactMap { Int($0) }.first
            return kb.map { $0 * 1024 }
        }
        return nil
    }
}
