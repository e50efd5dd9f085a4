import ArgumentParser
import ChatTemplates
import Foundation
import Inference

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate text from a prompt with the embedded engine (streams to stdout)."
    )

    @OptionGroup var engine: EngineOptions
    @OptionGroup var sampling: SamplingOptions

    @Option(help: "System message (chat mode).") var system: String?
    @Flag(help: "Feed PROMPT to the model as is, without the chat template.") var raw = false
    @Option(name: .customLong("top-logits"), help: "With --json: record the K highest logits of every step.") var topLogits: Int = 0
    @Flag(help: "Print one JSON object (prompt_tokens, tokens, text, top) instead of streaming text.") var json = false
    @Argument(help: "The prompt.") var prompt: String

    func validate() throws {
        if topLogits < 0 { throw ValidationError("--top-logits must be ≥ 0, got \(topLogits)") }
        if raw && system != nil { throw ValidationError("--system has no effect with --raw") }
    }

    func run() throws {
        let model = try engine.load()
        let generator = try engine.generator(model)
        let promptTokens: [Int32]
        if raw {
            promptTokens = model.tokenize(prompt: prompt, parseSpecial: true)
        } else {
            var messages: [ChatMessage] = []
            if let system { messages.append(ChatMessage(role: "system", content: system)) }
            messages.append(ChatMessage(role: "user", content: prompt))
            promptTokens = model.tokenize(prompt: try model.renderChat(messages))
        }
        let result = try generator.generate(
            prompt: promptTokens, parameters: sampling.parameters, maxTokens: sampling.maxTokens,
            topLogits: topLogits, onText: json ? nil : { Terminal.write($0); return true })
        if json {
            try Terminal.printJSON(GenerateOutput(result))
        } else {
            Terminal.write("\n")
        }
    }
}

/// The `generate --json` object; field names are a stable interface for scripts.
struct GenerateOutput: Encodable {
    struct Logit: Encodable {
        var id: Int32
        var logit: Float
    }
    var prompt_tokens: [Int32]
    var tokens: [Int32]
    var text: String
    var finish_reason: String
    var seed: UInt64
    var top: [[Logit]]?
    var prompt_ms: Double
    var generation_ms: Double

    init(_ r: GenerationResult) {
        prompt_tokens = r.promptTokens
        tokens = r.tokens
        text = r.text
        finish_reason = r.finishReason.rawValue
        seed = r.seed
        top = r.topLogits.isEmpty ? nil : r.topLogits.map { $0.map { Logit(id: $0.id, logit: $0.value) } }
        prompt_ms = r.promptMilliseconds
        generation_ms = r.generationMilliseconds
    }
}
