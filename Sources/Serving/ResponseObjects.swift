/// The objects of `/v1/responses` (OpenAI's Responses API): the `response` object, its one output message, and
/// the events of a streamed response. Fields OpenAI sends as `null` are sent as `null`; nothing is stored, so
/// `store` is always false.
struct ResponseObject: Encodable, Sendable {
    /// The one output item: an assistant message with one `output_text` part.
    struct OutputMessage: Encodable, Sendable {
        var id: String
        var status: String
        var text: String?

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode("message", forKey: .type)
            try c.encode(status, forKey: .status)
            try c.encode("assistant", forKey: .role)
            try c.encode(text.map { [OutputText(text: $0)] } ?? [], forKey: .content)
        }
        enum CodingKeys: String, CodingKey { case id, type, status, role, content }
    }

    /// An `output_text` content part.
    struct OutputText: Encodable, Sendable {
        var text: String
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode("output_text", forKey: .type)
            try c.encode(text, forKey: .text)
            try c.encode([String](), forKey: .annotations)
        }
        enum CodingKeys: String, CodingKey { case type, text, annotations }
    }

    /// `usage` in the Responses API's names.
    struct ResponseUsage: Encodable, Sendable {
        var inputTokens: Int
        var outputTokens: Int
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(inputTokens, forKey: .inputTokens)
            try c.encode(["cached_tokens": 0], forKey: .inputTokensDetails)
            try c.encode(outputTokens, forKey: .outputTokens)
            try c.encode(["reasoning_tokens": 0], forKey: .outputTokensDetails)
            try c.encode(inputTokens + outputTokens, forKey: .totalTokens)
        }
        enum CodingKeys: String, CodingKey {
            case inputTokens = "input_tokens", inputTokensDetails = "input_tokens_details"
            case outputTokens = "output_tokens", outputTokensDetails = "output_tokens_details"
            case totalTokens = "total_tokens"
        }
    }

    var id: String
    var createdAt: Int
    /// `in_progress`, `completed`, or `incomplete` (the token limit was reached).
    var status: String
    var model: String
    var output: [OutputMessage]
    var request: ResponsesRequest
    var usage: ResponseUsage?

    /// The status of a finished response from the engine's finish reason (`length` → incomplete).
    static func status(finishReason: String?) -> String { finishReason == "length" ? "incomplete" : "completed" }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode("response", forKey: .object)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(status, forKey: .status)
        try c.encodeNil(forKey: .error)
        if status == "incomplete" {
            try c.encode(["reason": "max_output_tokens"], forKey: .incompleteDetails)
        } else {
            try c.encodeNil(forKey: .incompleteDetails)
        }
        try c.encode(request.instructions, forKey: .instructions)
        try c.encode(request.maxOutputTokens, forKey: .maxOutputTokens)
        try c.encode(model, forKey: .model)
        try c.encode(output, forKey: .output)
        try c.encode(true, forKey: .parallelToolCalls)
        try c.encodeNil(forKey: .previousResponseID)
        try c.encode(["effort": String?.none, "summary": String?.none], forKey: .reasoning)
        try c.encode(false, forKey: .store)
        try c.encode(request.temperature, forKey: .temperature)
        let format: String
        switch request.settings.responseFormat {
        case .text: format = "text"
        case .jsonObject: format = "json_object"
        case .jsonSchema: format = "json_schema"
        }
        try c.encode(["format": ["type": format]], forKey: .text)
        try c.encode("auto", forKey: .toolChoice)
        try c.encode([String](), forKey: .tools)
        try c.encode(request.topP, forKey: .topP)
        try c.encode("disabled", forKey: .truncation)
        try c.encode(usage, forKey: .usage)
        try c.encode([String: String](), forKey: .metadata)
    }

    enum CodingKeys: String, CodingKey {
        case id, object, createdAt = "created_at", status, error, incompleteDetails = "incomplete_details"
        case instructions, maxOutputTokens = "max_output_tokens", model, output
        case parallelToolCalls = "parallel_tool_calls", previousResponseID = "previous_response_id", reasoning, store
        case temperature, text, toolChoice = "tool_choice", tools, topP = "top_p", truncation, usage, metadata
    }
}

/// One event of a streamed response: its `type`, its `sequence_number`, and the fields of that type.
struct ResponseStreamEvent: Encodable, Sendable {
    enum Payload: Sendable {
        /// `response.created`, `response.in_progress`, `response.completed`, `response.incomplete`.
        case response(ResponseObject)
        /// `response.output_item.added` / `.done`.
        case item(ResponseObject.OutputMessage)
        /// `response.content_part.added` / `.done`.
        case part(itemID: String, text: String)
        /// `response.output_text.delta`.
        case delta(itemID: String, text: String)
        /// `response.output_text.done`.
        case textDone(itemID: String, text: String)
        /// `error`.
        case error(APIError)
    }

    var type: String
    var sequenceNumber: Int
    var payload: Payload

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encode(sequenceNumber, forKey: .sequenceNumber)
        switch payload {
        case .response(let response):
            try c.encode(response, forKey: .response)
        case .item(let item):
            try c.encode(0, forKey: .outputIndex)
            try c.encode(item, forKey: .item)
        case .part(let itemID, let text):
            try c.encode(itemID, forKey: .itemID)
            try c.encode(0, forKey: .outputIndex)
            try c.encode(0, forKey: .contentIndex)
            try c.encode(ResponseObject.OutputText(text: text), forKey: .part)
        case .delta(let itemID, let text):
            try c.encode(itemID, forKey: .itemID)
            try c.encode(0, forKey: .outputIndex)
            try c.encode(0, forKey: .contentIndex)
            try c.encode(text, forKey: .delta)
            try c.encode([String](), forKey: .logprobs)
        case .textDone(let itemID, let text):
            try c.encode(itemID, forKey: .itemID)
            try c.encode(0, forKey: .outputIndex)
            try c.encode(0, forKey: .contentIndex)
            try c.encode(text, forKey: .text)
            try c.encode([String](), forKey: .logprobs)
        case .error(let error):
            try c.encode(error.code, forKey: .code)
            try c.encode(error.message, forKey: .message)
            try c.encode(error.param, forKey: .param)
        }
    }

    enum CodingKeys: String, CodingKey {
        case type, sequenceNumber = "sequence_number", response, outputIndex = "output_index", item
        case itemID = "item_id", contentIndex = "content_index", part, delta, text, logprobs, code, message, param
    }
}
