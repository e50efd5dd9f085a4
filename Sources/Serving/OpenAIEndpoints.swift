import Synchronization
import Foundation
import Hummingbird
import Inference
import NIOCore
import NIOHTTP1

/// What the endpoints share: the configuration, the engine, the embedding model, the admission bound, the key
/// check and the access log. One per server; the handlers are in the `OpenAIEndpoints+…` files.
final class OpenAIEndpoints: Sendable {
    let configuration: ServerConfiguration
    let generation: any GenerationService
    let embeddings: (any EmbeddingService)?
    let admission: AdmissionControl
    let authentication: BearerAuthentication?
    let log: AccessLog
    let logprobs: LogprobFormatter
    let fingerprint = ServerFingerprint.value
    var model: LanguageModel { generation.model }

    init(configuration: ServerConfiguration, generation: any GenerationService, embeddings: (any EmbeddingService)?,
         log: AccessLog) {
        self.configuration = configuration
        self.generation = generation
        self.embeddings = embeddings
        self.log = log
        admission = AdmissionControl(capacity: generation.parallelism + max(0, configuration.queue))
        authentication = configuration.apiKey.map(BearerAuthentication.init(key:))
        logprobs = LogprobFormatter(tokenizer: generation.model.tokenizer, stopTokens: generation.model.stopTokens)
    }

    /// Every model this server answers for: the chat model, then the embedding model.
    var modelIDs: [String] { [configuration.modelID] + (embeddings.map { [$0.modelID] } ?? []) }

    /// Checks `model` against the chat model's names (absent = the chat model).
    func checkChatModel(_ f: RequestFields) throws(APIError) {
        guard let name = try f.string("model") else { return }
        let names = [configuration.modelID] + configuration.modelAliases
        guard names.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) else {
            throw APIError.unknownModel(name, known: modelIDs)
        }
    }

    /// Refuses a prompt that leaves no room to generate.
    func checkContext(_ prompt: [Int32], param: String) throws(APIError) {
        guard !prompt.isEmpty else { throw APIError.invalid(param, "'\(param)' is empty") }
        guard prompt.count < configuration.contextSize else {
            throw APIError.contextExceeded(promptTokens: prompt.count, context: configuration.contextSize, param: param)
        }
    }

    /// Refuses more sequences than the server could ever hold (slots + queue: it could never admit them, so a 429
    /// would only make the client retry forever), then admits them or answers 429.
    func admit(_ sequences: Int) throws(APIError) -> AdmissionTicket {
        guard sequences <= admission.capacity else {
            throw APIError.invalid("n", "the request asks for \(sequences) sequences (prompts × n), but this server holds at most \(admission.capacity) at once (\(generation.parallelism) slots + a queue of \(configuration.queue)): ask for fewer, or start it with a larger --queue")
        }
        guard admission.tryAdmit(sequences) else { throw APIError.busy(retryAfter: configuration.retryAfterSeconds) }
        return AdmissionTicket(control: admission, count: sequences)
    }

    static func newID(_ prefix: String) -> String {
        prefix + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(24)
    }

    static var now: Int { Int(Date().timeIntervalSince1970) }

    /// A JSON response.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try JSONEncoder.api.encode(value)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// One server-sent event carrying `value` as JSON.
    static func event(_ value: some Encodable) throws -> ByteBuffer {
        var buffer = ByteBuffer(string: "data: ")
        buffer.writeBytes(try JSONEncoder.api.encode(value))
        buffer.writeString("\n\n")
        return buffer
    }

    static let done = ByteBuffer(string: "data: [DONE]\n\n")

    /// One server-sent event with an `event:` line naming its type (the Responses API's form).
    static func namedEvent(_ event: ResponseStreamEvent) throws -> ByteBuffer {
        var buffer = ByteBuffer(string: "event: \(event.type)\ndata: ")
        buffer.writeBytes(try JSONEncoder.api.encode(event))
        buffer.writeString("\n\n")
        return buffer
    }

    static var eventStreamHeaders: HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache"
        return headers
    }

    /// An engine error as an API error: a refused request is the client's fault (400), anything else the server's.
    static func apiError(_ error: any Error) -> APIError {
        if let e = error as? APIError { return e }
        if error is CancellationError {
            // The client went away; nobody reads this, but the access log shows it (nginx's 499).
            return APIError(status: .init(code: 499, reasonPhrase: "Client Closed Request"),
                            message: "the client closed the connection", code: "client_closed")
        }
        if let e = error as? HTTPParserError {
            // A body the HTTP decoder refused mid-way; `ConnectionGuard` has already answered with this error.
            return APIError.transport(e, inBody: true) ?? apiError(CancellationError())
        }
        if let e = error as? InferenceError, case .invalidRequest(let m) = e { return APIError(status: .badRequest, message: m) }
        return APIError.server(RequestFields.oneLine(String(describing: error)))
    }

    /// Streams a response: headers now, then `produce` writes the events, then `terminator` (Chat Completions'
    /// `data: [DONE]`; the Responses API sends none). The admission ticket is held until the stream ends; `produce`
    /// stops when the client goes away (its sequences watch the connection, and a write to a closed connection
    /// fails). An error after the headers is sent as a final `data: {"error": …}` event.
    func eventStream(request: Request, context: ServerRequestContext, start: ContinuousClock.Instant,
                     ticket: AdmissionTicket, terminator: ByteBuffer? = OpenAIEndpoints.done,
                     produce: @escaping @Sendable (inout any ResponseBodyWriter) async throws -> String) -> Response {
        let log = log
        return Response(status: .ok, headers: Self.eventStreamHeaders, body: ResponseBody { writer in
            var detail = "stream"
            do {
                detail = try await produce(&writer)
                if let terminator { try await writer.write(terminator) }
                try await writer.finish(nil)
            } catch where error is CancellationError || context.connection?.isClosed == true {
                detail = "stream cancelled (client went away)"
            } catch {
                detail = "stream failed: \(Self.apiError(error).message)"
                let payload = ErrorEvent(error: Self.apiError(error))
                if let buffer = try? Self.event(payload) {
                    try? await writer.write(buffer)
                    try? await writer.finish(nil)
                }
            }
            ticket.release()
            log.record(client: context.client, method: request.method.rawValue, path: request.uri.path, status: 200,
                       since: start, detail: detail)
        })
    }

    /// `{"error": {...}}` inside a stream.
    private struct ErrorEvent: Encodable {
        var error: APIError
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            var e = c.nestedContainer(keyedBy: DetailKeys.self, forKey: .error)
            try e.encode(error.message, forKey: .message)
            try e.encode(error.type, forKey: .type)
            try e.encode(error.param, forKey: .param)
            try e.encode(error.code, forKey: .code)
        }
        enum CodingKeys: String, CodingKey { case error }
        enum DetailKeys: String, CodingKey { case message, type, param, code }
    }
}

/// Sequences admitted for one request; released once, when the request ends or the ticket is dropped.
final class AdmissionTicket: Sendable {
    private let control: AdmissionControl
    private let count: Int
    private let released = Mutex(false)

    init(control: AdmissionControl, count: Int) {
        self.control = control
        self.count = count
    }

    func release() {
        guard released.withLock({ r in defer { r = true }; return !r }) else { return }
        control.release(count)
    }

    deinit { release() }
}
