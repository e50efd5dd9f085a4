/// A parsed Jinja chat template (the `tokenizer.chat_template` string of a GGUF model), ready to render.
///
/// Supports the Jinja subset real chat templates use: `{{ }}`, `{% if/elif/else %}`, `{% for %}` (with `loop.*`,
/// `else`, inline `if`, tuple targets), `{% set %}` (also `ns.attr = ...` and block form), `{% macro %}`,
/// `{% filter %}`, `{% break/continue %}`, `{% generation %}`, `{% raw %}`, comments, whitespace control and
/// `trim_blocks`/`lstrip_blocks`; Python-semantics expressions, the common filters, tests and `str`/`list`/`dict`
/// methods; and the globals `raise_exception`, `namespace`, `range`, `strftime_now` and `dict`.
/// Undefined variables render as empty and are falsey, as in Jinja.
public struct ChatTemplate: Sendable {
    /// The template source as given.
    public let source: String
    /// The options it was parsed with and renders with.
    public let options: TemplateOptions
    private let statements: [Statement]
    private let map: SourceMap

    /// Parses `source` with the chat-template defaults (`trim_blocks` and `lstrip_blocks` on).
    /// Throws a `TemplateError` of kind `.syntax` naming `line:column` when the source is malformed.
    public init(_ source: String) throws {
        try self.init(source, options: TemplateOptions())
    }

    /// Parses `source` with explicit options.
    public init(_ source: String, options: TemplateOptions) throws {
        self.source = source
        self.options = options
        let scalars = TemplateLexer.normalize(source, keepTrailingNewline: options.keepTrailingNewline)
        map = SourceMap(scalars)
        var lexer = TemplateLexer(scalars: scalars, options: options, map: map)
        var parser = TemplateParser(tokens: try lexer.tokenize(), map: map)
        statements = try parser.parseTemplate()
    }

    /// Renders with `context` as the template's variables. Throws a `TemplateError`: `.raised` for the
    /// template's own `raise_exception(...)`, `.runtime` for anything else.
    public func render(_ context: [String: TemplateValue]) throws -> String {
        let renderer = Renderer(map: map, options: options)
        do {
            return try renderer.render(statements, context: context)
        } catch let error as TemplateError {
            throw error
        } catch {
            throw map.error(.runtime, String(describing: error), at: 0)
        }
    }

    /// Renders a conversation: `messages` (each `{"role", "content"}`), `add_generation_prompt`, `bos_token` and
    /// `eos_token`, plus `extra` variables (such as `tools` or `date_string`); the named ones win over `extra`.
    public func render(
        messages: [ChatMessage], addGenerationPrompt: Bool, bosToken: String, eosToken: String,
        extra: [String: TemplateValue] = [:]
    ) throws -> String {
        var context = extra
        context["messages"] = .array(messages.map(\.templateValue))
        context["add_generation_prompt"] = .bool(addGenerationPrompt)
        context["bos_token"] = .string(bosToken)
        context["eos_token"] = .string(eosToken)
        return try render(context)
    }

    /// ChatML, for models without a template: `<|im_start|>{role}\n{content}<|im_end|>\n` per message, then
    /// `<|im_start|>assistant\n` when a generation prompt is wanted.
    public static func chatML(messages: [ChatMessage], addGenerationPrompt: Bool) -> String {
        var out = ""
        for message in messages {
            out += "<|im_start|>" + message.role + "\n" + message.content + "<|im_end|>\n"
        }
        if addGenerationPrompt { out += "<|im_start|>assistant\n" }
        return out
    }
}
