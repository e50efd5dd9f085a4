import ChatTemplates
import Hummingbird
import Inference

extension OpenAIEndpoints {
    /// `POST /v1/chat/completions`: the messages rendered with the model's chat template, `n` sequences sharing the
    /// prompt, whole or streamed as `chat.completion.chunk` events.
    func chatCompletions(_ request: Request, _ f: RequestFields, context: ServerRequestContext,
                         start: ContinuousClock.Instant) async throws -> Response {
        try checkChatModel(f)
        let messages = try Self.messages(f)
        var bound = try GenerationSettings(f, chat: true)
        try bound.bind(to: model)
        let settings = bound
        let rendered: String
        do { rendered = try model.renderChat(messages) } catch {
            throw APIError.invalid("messages", "the model's chat template rejected the messages: \(RequestFields.oneLine(String(describing: error)))")
        }
        let prompt = model.tokenize(prompt: rendered)
        try checkContext(prompt, param: "messages")
        let requests = (0 ..< settings.n).map { settings.request(prompt: prompt, index: $0, context: configuration.contextSize) }
        let ticket = try admit(requests.count)
        let id = Self.newID("chatcmpl-"), created = Self.now, modelID = configuration.modelID
        let fanout = SequenceFanout(service: generation)

        if settings.stream {
            let formatter = logprobs, fingerprint = fingerprint
            let connection = context.connection
            return eventStream(request: request, context: context, start: start, ticket: ticket) { writer in
                func chunk(_ choices: [ChatCompletionChunk.Choice], usage: Usage? = nil) -> ChatCompletionChunk {
                    ChatCompletionChunk(id: id, created: created, model: modelID, systemFingerprint: fingerprint,
                                        choices: choices, usage: usage, includeUsage: settings.includeUsage)
                }
                for i in 0 ..< requests.count {
                    try await writer.write(Self.event(chunk([.init(index: i, delta: .init(role: "assistant", content: ""))])))
                }
                var completion = 0
                try await fanout.run(requests, connection: connection) { index, event in
                    switch event {
                    case .delta(let text, let tokens):
                        let lp = settings.logprobs ? formatter.chat(tokens) : nil
                        if text.isEmpty, lp?.content.isEmpty ?? true { return }
                        try await writer.write(Self.event(chunk([.init(index: index, delta: .init(content: text), logprobs: lp)])))
                    case .finished(let result):
                        completion += result.tokens.count
                        let reason = SequenceOutput.openAIReason(result.finishReason)
                        try await writer.write(Self.event(chunk([.init(index: index, delta: .init(), finishReason: reason)])))
                    }
                }
                let usage = Usage(promptTokens: prompt.count, completionTokens: completion)
                if settings.includeUsage { try await writer.write(Self.event(chunk([], usage: usage))) }
                return "prompt=\(usage.promptTokens) completion=\(usage.completionTokens)"
            }
        }

        defer { ticket.release() }
        let outputs = try await fanout.collect(requests, connection: context.connection)
        let choices = outputs.enumerated().map { i, out in
            ChatCompletion.Choice(index: i, message: .init(content: out.text),
                                  logprobs: settings.logprobs ? logprobs.chat(out.tokens) : nil,
                                  finishReason: out.finishReason ?? "stop")
        }
        let usage = Usage(promptTokens: prompt.count, completionTokens: outputs.reduce(0) { $0 + $1.completionTokens })
        let body = ChatCompletion(id: id, created: created, model: modelID, systemFingerprint: fingerprint,
                                  choices: choices, usage: usage)
        log.record(client: context.client, method: "POST", path: request.uri.path, status: 200, since: start,
                   detail: "prompt=\(usage.promptTokens) completion=\(usage.completionTokens)")
        return try Self.json(body)
    }

    /// The roles a message may have. The chat template receives them as they are (`developer` as `system`);
    /// SmolLM2's template, like most ChatML templates, writes any role into its `<|im_start|>ROLE` header.
    static let roles = ["system", "developer", "user", "assistant", "tool"]

    /// The conversation: `messages` as `{role, content}` objects; the role is one of `roles`, the content (required)
    /// a string or a list of text parts. OpenAI's `developer` role is given to the template as `system`.
    static func messages(_ f: RequestFields) throws(APIError) -> [ChatMessage] {
        guard let value = f["messages"] else { throw APIError.missing("messages") }
        guard case .array(let items) = value else {
            throw APIError.invalid("messages", "'messages' must be an array, got \(value.typeName)")
        }
        guard !items.isEmpty else { throw APIError.invalid("messages", "'messages' must hold at least one message") }
        var out: [ChatMessage] = []
        for (i, item) in items.enumerated() {
            let at = "messages[\(i)]"
            guard case .object(let o) = item else { throw APIError.invalid(at, "'\(at)' must be an object, got \(item.typeName)") }
            let m = RequestFields(object: o)
            guard let role = try? m.string("role") else { throw APIError.invalid("\(at).role", "'\(at).role' must be a string") }
            guard Self.roles.contains(role) else {
                throw APIError.invalid("\(at).role", "'\(at).role' is \"\(role.prefix(40))\"; it must be one of \(Self.roles.joined(separator: ", "))")
            }
            let content: String
            switch m["content"] {
            case nil:
                throw APIError.invalid("\(at).content", "'\(at).content' is missing (or null): every message needs a string or a list of text parts")
            case .string(let s)?:
                content = s
            case .array(let parts)?:
                var text = ""
                for (j, part) in parts.enumerated() {
                    guard case .object(let p) = part, p["type"] == .string("text"), case .string(let t)? = p["text"] else {
                        throw APIError.invalid("\(at).content[\(j)]", "'\(at).content[\(j)]' must be {\"type\": \"text\", \"text\": …} (only text is supported)")
                    }
                    text += t
                }
                content = text
            case let other?:
                throw APIError.invalid("\(at).content", "'\(at).content' must be a string or an array of text parts, got \(other.typeName)")
            }
            out.append(ChatMessage(role: role == "developer" ? "system" : role, content: content))
        }
        return out
    }
}
