import ArgumentParser
import Inference
import Models

/// Options shared by every command that runs the embedded engine.
struct EngineOptions: ParsableArguments {
    @Option(name: .long, help: "Model: local:smollm2 (default), local:PATH.gguf or PATH.gguf.")
    var model: String = "local:smollm2"

    @Option(name: .long, help: "Worker threads (default: all cores).")
    var threads: Int?

    @Option(name: .long, help: "Context size in tokens (default: the model's, at most 4096).")
    var context: Int?

    @Option(help: "Matrix-product precision: quantized (8-bit activations, like llama.cpp; fast) or float (exact f32 activations; slower).")
    var precision: InferenceContext.Precision = .quantized

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
        if let context, context < 1 { throw ValidationError("--context must be at least 1, got \(context)") }
    }

    /// Loads the model (fetching the built-in one on first use, with a progress line on stderr).
    func load() throws -> LanguageModel {
        let spec = try ModelSpec(parsing: model)
        return try LocalModels.load(spec, progress: Terminal.assetProgress)
    }

    func generator(_ model: LanguageModel) throws -> Generator {
        let generator = try Generator(model: model, contextSize: context, threads: threads)
        generator.context.precision = precision
        return generator
    }
}

/// Sampling options (llama.cpp's names and defaults).
struct SamplingOptions: ParsableArguments {
    @Option(help: "Temperature; 0 = greedy.") var temperature: Float = 0.8
    @Option(name: .customLong("top-k"), help: "Top-k; 0 disables.") var topK: Int = 40
    @Option(name: .customLong("top-p"), help: "Top-p (nucleus); 1 disables.") var topP: Float = 0.95
    @Option(name: .customLong("min-p"), help: "Min-p; 0 disables.") var minP: Float = 0.05
    @Option(name: .customLong("repeat-penalty"), help: "Repetition penalty; 1 disables.") var repeatPenalty: Float = 1.0
    @Option(name: .customLong("repeat-last-n"), help: "Tokens considered by the penalties.") var repeatLastN: Int = 64
    @Option(help: "Random seed (default: drawn, and printed with --json).") var seed: UInt64?
    @Option(name: .customLong("max-tokens"), help: "Most tokens to generate.") var maxTokens: Int = 256

    var parameters: SamplingParameters {
        SamplingParameters(temperature: temperature, topK: topK, topP: topP, minP: minP,
                           repeatPenalty: repeatPenalty, repeatLastN: repeatLastN, seed: seed)
    }

    func validate() throws {
        do { try parameters.validate() } catch { throw ValidationError(error.description) }
        if maxTokens < 0 { throw ValidationError("--max-tokens must be ≥ 0, got \(maxTokens)") }
    }
}
