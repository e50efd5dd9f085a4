import ArgumentParser
import ChatTemplates
import Foundation
import Inference

struct ChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Chat with the embedded model interactively (an empty line or end of input quits; /reset clears)."
    )

    @OptionGroup var engine: EngineOptions
    @OptionGroup var sampling: SamplingOptions
    @Option(help: "System message.") var system: String?

    func run() throws {
        let model = try engine.load()
        let generator = try engine.generator(model)
        var messages: [ChatMessage] = system.map { [ChatMessage(role: "system", content: $0)] } ?? []
        let interactive = Terminal.isInteractive(stdin: true)
        if interactive { Terminal.error("\(model.displayName) — empty line to quit, /reset to start over") }
        while true {
            if interactive { Terminal.write("> ") }
            guard let line = readLine(), !line.isEmpty else { break }
            if line == "/reset" {
                messages = system.map { [ChatMessage(role: "system", content: $0)] } ?? []
                continue
            }
            messages.append(ChatMessage(role: "user", content: line))
            let result: GenerationResult
            do {
                result = try generator.chat(messages, parameters: sampling.parameters, maxTokens: sampling.maxTokens) {
                    Terminal.write($0)
                    return true
                }
            } catch let error as InferenceError {
                Terminal.error("\nerror: \(error)")
                messages.removeLast()
                continue
            }
            Terminal.write("\n")
            messages.append(ChatMessage(role: "assistant", content: result.text))
        }
    }
}
