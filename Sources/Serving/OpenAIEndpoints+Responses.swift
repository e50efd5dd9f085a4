import Hummingbird
import Inference

extension OpenAIEndpoints {
    /// `POST /v1/responses` (OpenAI's Responses API, what current OpenAI SDKs and Inspect's `openai` provider call):
    /// `instructions` and `input` rendered with the model's chat template, one sequence, answered as a `response`
    /// object or streamed as its events (`response.created` … `response.completed`). Nothing is stored.
    func responses(_ request: Request, _ f: RequestFields, context: ServerRequestContext,
                   start: ContinuousClock.Instant) async throws -> Response {
        try checkChatModel(f)
        let body = try ResponsesRequest(f)
        let rendered: String
        do { rendered = try model.renderChat(body.messages) } catch {
            throw APIError.invalid("input", "the model's chat template rejected the messages: \(RequestFields.oneLine(String(describing: error)))")
        }
        let prompt = model.tokenize(prompt: rendered)
        try checkContext(prompt, param: "input")
        var settings = body.settings
        do { try settings.bind(to: model) } catch {
            throw APIError(status: error.status, message: error.message.replacingOccurrences(of: "'response_format'", with: "'text.format'"),
                           param: "text.format", code: error.code)
        }
        let generation = settings.request(prompt: prompt, index: 0, context: configuration.contextSize)
        let ticket = try admit(1)
        let id = Self.newID("resp_"), itemID = Self.newID("msg_"), created = Self.now, modelID = configuration.modelID
        let fanout = SequenceFanout(service: self.generation)

        @Sendable func response(_ status: String, text: String?, usage: ResponseObject.ResponseUsage?) -> ResponseObject {
            let output = text.map { [ResponseObject.OutputMessage(id: itemID, status: status == "in_progress" ? "in_progress" : "completed", text: $0)] } ?? []
            return ResponseObject(id: id, createdAt: created, status: status, model: modelID, output: output,
                                  request: body, usage: usage)
        }

        if body.settings.stream {
            let connection = context.connection
            return eventStream(request: request, context: context, start: start, ticket: ticket, terminator: nil) { writer in
                var sequence = 0
                func send(_ type: String, _ payload: ResponseStreamEvent.Payload) async throws {
                    try await writer.write(Self.namedEvent(ResponseStreamEvent(type: type, sequenceNumber: sequence, payload: payload)))
                    sequence += 1
                }
                try await send("response.created", .response(response("in_progress", text: nil, usage: nil)))
                try await send("response.in_progress", .response(response("in_progress", text: nil, usage: nil)))
                try await send("response.output_item.added", .item(.init(id: itemID, status: "in_progress", text: nil)))
                try await send("response.content_part.added", .part(itemID: itemID, text: ""))
                var output = SequenceOutput()
                do {
                    try await fanout.run([generation], connection: connection) { _, event in
                        output.add(event)
                        if case .delta(let text, _) = event, !text.isEmpty {
                            try await send("response.output_text.delta", .delta(itemID: itemID, text: text))
                        }
                    }
                } catch where !(error is CancellationError) && connection?.isClosed != true {
                    // After the headers an error is an `error` event, in the Responses API's shape.
                    try await send("error", .error(Self.apiError(error)))
                    return "stream failed: \(Self.apiError(error).message)"
                }
                let usage = ResponseObject.ResponseUsage(inputTokens: prompt.count, outputTokens: output.completionTokens)
                let status = ResponseObject.status(finishReason: output.finishReason)
                try await send("response.output_text.done", .textDone(itemID: itemID, text: output.text))
                try await send("response.content_part.done", .part(itemID: itemID, text: output.text))
                try await send("response.output_item.done", .item(.init(id: itemID, status: "completed", text: output.text)))
                try await send(status == "incomplete" ? "response.incomplete" : "response.completed",
                               .response(response(status, text: output.text, usage: usage)))
                return "prompt=\(usage.inputTokens) completion=\(usage.outputTokens)"
            }
        }

        defer { ticket.release() }
        let outputs = try await fanout.collect([generation], connection: context.connection)
        let output = outputs[0]
        let usage = ResponseObject.ResponseUsage(inputTokens: prompt.count, outputTokens: output.completionTokens)
        let object = response(ResponseObject.status(finishReason: output.finishReason), text: output.text, usage: usage)
        log.record(client: context.client, method: "POST", path: request.uri.path, status: 200, since: start,
                   detail: "prompt=\(usage.inputTokens) completion=\(usage.outputTokens)")
        return try Self.json(object)
    }
}
