import ChatTemplates
import Inference

/// A `POST /v1/responses` body (OpenAI's Responses API), read and checked: the conversation (`instructions` as a
/// system message, then `input` as a string or a list of message items), the generation settings
/// (`max_output_tokens`, `temperature`, `top_p`, `seed`, llama-server's extra samplers) and the fields a response
/// echoes back. What this server cannot honour — tools, stored responses, reasoning, structured text formats,
/// background mode — is refused with a 400 naming the field, never silently ignored.
struct ResponsesRequest: Sendable {
    var messages: [ChatMessage]
    var settings: GenerationSettings
    var instructions: String?
    var maxOutputTokens: Int?
    /// The sampling values in effect, echoed in the response object.
    var temperature: Double
    var topP: Double

    /// The roles an input message may have (`developer` reaches the template as `system`).
    static let roles = ["system", "developer", "user", "assistant"]

    init(_ f: RequestFields) throws(APIError) {
        instructions = try f.string("instructions")
        var messages: [ChatMessage] = []
        if let instructions, !instructions.isEmpty { messages.append(ChatMessage(role: "system", content: instructions)) }
        messages += try Self.input(f)
        self.messages = messages

        var settings = GenerationSettings()
        if let t = try f.number("temperature", in: 0 ... 2) { settings.parameters.temperature = Float(t) }
        if let p = try f.number("top_p", in: 0 ... 1) { settings.parameters.topP = Float(max(p, 1e-6)) }
        if let k = try f.int("top_k", in: 0 ... Int64(Int32.max)) { settings.parameters.topK = k }
        if let m = try f.number("min_p", in: 0 ... 1) { settings.parameters.minP = Float(m) }
        if let r = try f.number("repeat_penalty", in: 1e-3 ... 100) { settings.parameters.repeatPenalty = Float(r) }
        if let seed = try f.int64("seed") {
            settings.parameters.seed = UInt64(bitPattern: seed)
        } else {
            var system = SystemRandomNumberGenerator()
            settings.parameters.seed = system.next()
        }
        maxOutputTokens = try f.int("max_output_tokens", in: 1 ... (1 << 30))
        settings.maxTokens = maxOutputTokens
        settings.stream = try f.bool("stream") ?? false
        settings.responseFormat = try Self.format(f)
        temperature = Double(settings.parameters.temperature)
        topP = Double(settings.parameters.topP)
        self.settings = settings
        try Self.rejectUnsupported(f)
    }

    /// `input`: a string (one user message) or a list of message items `{role, content}` (`type` absent or
    /// `"message"`), the content a string or a list of `input_text` / `output_text` parts.
    static func input(_ f: RequestFields) throws(APIError) -> [ChatMessage] {
        guard let value = f["input"] else { throw APIError.missing("input") }
        switch value {
        case .string(let text):
            return [ChatMessage(role: "user", content: text)]
        case .array(let items):
            guard !items.isEmpty else { throw APIError.invalid("input", "'input' must hold at least one item") }
            var out: [ChatMessage] = []
            for (i, item) in items.enumerated() {
                let at = "input[\(i)]"
                guard case .object(let o) = item else { throw APIError.invalid(at, "'\(at)' must be an object, got \(item.typeName)") }
                let m = RequestFields(object: o)
                if let type = try? m.string("type"), type != "message" {
                    throw APIError(status: .badRequest,
                                   message: "'\(at).type' is \"\(type.prefix(40))\": this server takes message items only (no tool calls, reasoning items or item references)",
                                   param: "\(at).type", code: "unsupported_parameter")
                }
                guard let role = try? m.string("role") else { throw APIError.invalid("\(at).role", "'\(at).role' must be a string") }
                guard roles.contains(role) else {
                    throw APIError.invalid("\(at).role", "'\(at).role' is \"\(role.prefix(40))\"; it must be one of \(roles.joined(separator: ", "))")
                }
                out.append(ChatMessage(role: role == "developer" ? "system" : role, content: try content(m["content"], at: at)))
            }
            return out
        default:
            throw APIError.invalid("input", "'input' must be a string or an array of message items, got \(value.typeName)")
        }
    }

    /// A message's content: a string, or text parts (`input_text`, and `output_text` in earlier assistant turns).
    private static func content(_ value: JSONValue?, at: String) throws(APIError) -> String {
        switch value {
        case nil:
            throw APIError.invalid("\(at).content", "'\(at).content' is missing (or null): every message needs a string or a list of text parts")
        case .string(let s)?:
            return s
        case .array(let parts)?:
            var text = ""
            for (j, part) in parts.enumerated() {
                let where_ = "\(at).content[\(j)]"
                guard case .object(let p) = part, case .string(let type)? = p["type"] else {
                    throw APIError.invalid(where_, "'\(where_)' must be an object with a 'type'")
                }
                guard ["input_text", "output_text", "text"].contains(type) else {
                    throw APIError(status: .badRequest,
                                   message: "'\(where_).type' is \"\(type.prefix(40))\": only text parts (input_text, output_text) are supported",
                                   param: "\(where_).type", code: "unsupported_parameter")
                }
                guard case .string(let t)? = p["text"] else {
                    throw APIError.invalid("\(where_).text", "'\(where_).text' must be a string")
                }
                text += t
            }
            return text
        case let other?:
            throw APIError.invalid("\(at).content", "'\(at).content' must be a string or an array of text parts, got \(other.typeName)")
        }
    }

    /// `text.format`: `{"type": "text"}`, `{"type": "json_object"}` or the Responses API's flat
    /// `{"type": "json_schema", "name", "schema", "strict"}` (the schema's members in the order the body gives them),
    /// enforced by constrained decoding like chat's `response_format`.
    static func format(_ f: RequestFields) throws(APIError) -> ResponseFormat {
        guard let text = f["text"] else { return .text }
        guard case .object(let members) = text else {
            throw APIError.invalid("text", "'text' must be an object, got \(text.typeName)")
        }
        guard let value = members["format"], value != .null else { return .text }
        guard case .object = value else {
            throw APIError.invalid("text.format", "'text.format' must be an object, got \(value.typeName)")
        }
        var format = JSONDocument(value)
        if let body = f.body, let source = String(data: body, encoding: .utf8),
           let ordered = try? JSONDocument(parsing: source)["text"]?["format"] {
            format = ordered
        }
        // The chat form nests name, schema and strict under `json_schema`.
        var wire = format
        if format["type"] == .string("json_schema") {
            var spec: [(key: String, value: JSONDocument)] = []
            for key in ["name", "schema", "strict"] { if let v = format[key] { spec.append((key, v)) } }
            wire = .object([("type", .string("json_schema")), ("json_schema", .object(spec))])
        }
        do { return try ResponseFormat(openAI: wire) } catch {
            throw APIError(status: .badRequest, message: "'text.format': \(error)", param: "text.format",
                           code: "invalid_value")
        }
    }

    /// Fields this server cannot honour.
    private static func rejectUnsupported(_ f: RequestFields) throws(APIError) {
        func unsupported(_ key: String, _ why: String) -> APIError {
            APIError(status: .badRequest, message: "'\(key)' is not supported by this server: \(why)", param: key,
                     code: "unsupported_parameter")
        }
        if case .array(let tools)? = f["tools"], !tools.isEmpty { throw unsupported("tools", "no tool calling") }
        if let choice = f["tool_choice"], choice != .string("none"), choice != .string("auto") {
            throw unsupported("tool_choice", "no tool calling")
        }
        if try f.string("previous_response_id") != nil {
            throw unsupported("previous_response_id", "responses are not stored; send the whole conversation in 'input'")
        }
        if f["conversation"] != nil { throw unsupported("conversation", "conversations are not stored") }
        if try f.bool("background") == true { throw unsupported("background", "responses are generated in the request") }
        if case .object(let reasoning)? = f["reasoning"],
           reasoning.contains(where: { $0.value != .null }) {
            throw unsupported("reasoning", "the model has no reasoning settings")
        }
        if let k = try f.int("top_logprobs", in: 0 ... 20), k > 0 {
            throw unsupported("top_logprobs", "use /v1/chat/completions with 'logprobs' for log-probabilities")
        }
        // Encrypted reasoning has nothing to include (the model produces no reasoning items); anything else would be
        // extra output this server does not make.
        if let include = try f.strings("include"),
           let other = include.first(where: { $0 != "reasoning.encrypted_content" }) {
            throw unsupported("include", "no extra output ('\(other.prefix(60))')")
        }
    }
}
