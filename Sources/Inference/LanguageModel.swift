import ChatTemplates
import Foundation
import GGUF
import Tokenizers

/// A GGUF language model loaded for in-process inference: configuration, weights (memory-mapped, not copied),
/// tokenizer and chat template. Immutable and shareable; evaluate it through an `InferenceContext`.
public final class LanguageModel: Sendable {
    public let file: GGUFFile
    public let config: ModelConfig
    public let weights: ModelWeights
    public let tokenizer: any Tokenizer
    /// The model's own chat template, nil when the file has none (ChatML is used then).
    public let chatTemplate: ChatTemplate?
    /// Token ids that end a turn (end-of-sequence, end-of-turn).
    public let stopTokens: Set<Int32>
    /// Token masks of constrained decoding, shared by every request on this model.
    public let constraints = ConstraintCache()

    /// Loads the model at `path`. Errors are one line and name the file.
    public convenience init(path: String) throws {
        let file: GGUFFile
        do { file = try GGUFFile(path: path) } catch { throw InferenceError.invalidModel(error.description) }
        try self.init(file: file)
    }

    public init(file: GGUFFile) throws {
        self.file = file
        config = try ModelConfig(metadata: file.metadata)
        weights = try ModelWeights(file: file, config: config)
        do {
            tokenizer = try makeTokenizer(from: file)
        } catch {
            throw InferenceError.invalidModel("\(file.path): tokenizer: \(error)")
        }
        if let source = file.metadata.optionalString("tokenizer.chat_template") {
            do { chatTemplate = try ChatTemplate(source) } catch {
                throw InferenceError.unsupported("\(file.path): chat template: \(error)")
            }
        } else {
            chatTemplate = nil
        }
        var stops = Set<Int32>()
        let special = tokenizer.specialTokens
        if let eos = special.eos { stops.insert(eos) }
        if let eot = special.eot { stops.insert(eot) }
        stopTokens = stops
    }

    /// The constraint that enforces `format` over this model's vocabulary (nil for free text); unsupported schema
    /// keywords are an error naming the keyword and its path.
    public func constraint(for format: ResponseFormat) throws(JSONSchemaError) -> TokenConstraint? {
        guard let grammar = try format.grammar() else { return nil }
        return constraint(for: grammar)
    }

    /// The constraint that enforces `grammar` over this model's vocabulary.
    public func constraint(for grammar: JSONGrammar) -> TokenConstraint {
        constraints.constraint(for: grammar, tokenizer: tokenizer, stopTokens: stopTokens)
    }

    /// A short human-readable name.
    public var displayName: String { config.name ?? URL(fileURLWithPath: file.path).lastPathComponent }

    /// Renders `messages` with the model's chat template (ChatML if it has none), ready for generation.
    public func renderChat(_ messages: [ChatMessage], addGenerationPrompt: Bool = true) throws -> String {
        let special = tokenizer.specialTokens
        let bos = special.bos.map { tokenizer.tokenText($0) } ?? ""
        let eos = special.eos.map { tokenizer.tokenText($0) } ?? ""
        guard let chatTemplate else { return ChatTemplate.chatML(messages: messages, addGenerationPrompt: addGenerationPrompt) }
        return try chatTemplate.render(messages: messages, addGenerationPrompt: addGenerationPrompt, bosToken: bos, eosToken: eos)
    }

    /// Tokens of a rendered prompt: special tokens are parsed, and BOS is prepended when the model asks for it
    /// and the text does not already start with it.
    public func tokenize(prompt: String, parseSpecial: Bool = true) -> [Int32] {
        var ids = tokenizer.encode(prompt, parseSpecial: parseSpecial)
        let special = tokenizer.specialTokens
        if special.addBOS, let bos = special.bos, ids.first != bos { ids.insert(bos, at: 0) }
        return ids
    }
}
