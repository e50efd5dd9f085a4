import Foundation
import Hummingbird
import NIOCore

/// Routes requests to the endpoints and turns every failure into OpenAI's error shape: 401 (key), 404 (path,
/// model), 405 (method), 400 (body, parameter), 413 (body or prompt too large), 429 (full), 500. Nothing a client
/// sends can crash the server.
struct OpenAIResponder: HTTPResponder {
    typealias Context = ServerRequestContext
    let endpoints: OpenAIEndpoints

    private enum Route {
        case health, models, model(String), chat, completions, responses, embeddings, tokenize, detokenize, tokenizerInfo

        var method: HTTPRequest.Method {
            switch self {
            case .health, .models, .model, .tokenizerInfo: .get
            case .chat, .completions, .responses, .embeddings, .tokenize, .detokenize: .post
            }
        }
    }

    private static func route(_ path: String) -> Route? {
        var p = path
        while p.count > 1, p.hasSuffix("/") { p.removeLast() }
        switch p {
        case "/health", "/v1/health": return .health
        case "/v1/models": return .models
        case "/v1/chat/completions": return .chat
        case "/v1/completions": return .completions
        case "/v1/responses": return .responses
        case "/v1/embeddings": return .embeddings
        case "/tokenize": return .tokenize
        case "/detokenize": return .detokenize
        case "/tokenizer_info": return .tokenizerInfo
        default:
            if p.hasPrefix("/v1/models/"), p.count > "/v1/models/".count {
                let name = String(p.dropFirst("/v1/models/".count))
                return .model(name.removingPercentEncoding ?? name)
            }
            return nil
        }
    }

    func respond(to request: Request, context: Context) async throws -> Response {
        let start = ContinuousClock.now
        let path = request.uri.path
        var response: Response
        var logged = false
        do {
            (response, logged) = try await handle(request, context: context, start: start)
        } catch {
            response = OpenAIEndpoints.apiError(error).response
        }
        if !logged {
            endpoints.log.record(client: context.client, method: request.method.rawValue, path: path,
                                 status: Int(response.status.code), since: start)
        }
        return response
    }

    /// The response, and whether the endpoint logs the request itself (successful generations and streams).
    private func handle(_ request: Request, context: Context,
                        start: ContinuousClock.Instant) async throws -> (Response, Bool) {
        let path = request.uri.path
        guard let route = Self.route(path) else {
            if let auth = endpoints.authentication, !auth.accepts(request.headers) { throw APIError.unauthorized }
            throw APIError.unknownPath(path)
        }
        guard request.method == route.method || (request.method == .head && route.method == .get) else {
            throw APIError.methodNotAllowed(request.method.rawValue, path: path, allowed: route.method.rawValue)
        }
        if case .health = route {} else if let auth = endpoints.authentication, !auth.accepts(request.headers) {
            throw APIError.unauthorized
        }
        switch route {
        case .health: return (try endpoints.health(), false)
        case .models: return (try endpoints.models(), false)
        case .model(let name): return (try endpoints.model(named: name), false)
        case .tokenizerInfo: return (try endpoints.tokenizerInfo(), false)
        case .chat, .completions, .responses, .embeddings, .tokenize, .detokenize:
            var request = request
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: endpoints.configuration.maxBodyBytes)
            } catch is NIOTooManyBytesError {
                throw APIError.bodyTooLarge(limit: endpoints.configuration.maxBodyBytes)
            }
            // A connection that closed while the body came (`ConnectionGuard` answered a timeout or a malformed body)
            // has nobody to answer, and what was read may be cut short: stop here.
            if context.connection?.isClosed == true { throw CancellationError() }
            let fields = try RequestFields(json: Data(body.readableBytesView))
            switch route {
            case .chat: return (try await endpoints.chatCompletions(request, fields, context: context, start: start), true)
            case .completions: return (try await endpoints.completions(request, fields, context: context, start: start), true)
            case .responses: return (try await endpoints.responses(request, fields, context: context, start: start), true)
            case .tokenize: return (try endpoints.tokenize(fields), false)
            case .detokenize: return (try endpoints.detokenize(fields), false)
            default: return (try await endpoints.embeddings(request, fields, context: context, start: start), true)
            }
        }
    }
}
