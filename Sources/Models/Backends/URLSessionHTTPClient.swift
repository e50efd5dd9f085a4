import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization

/// `HTTPClient` on Foundation's `URLSession` (an ephemeral session: no cookies, no cache). The timeout is
/// enforced here, independently of the platform's own timers, and the underlying task is cancelled when it
/// fires or when the calling task is cancelled.
public final class URLSessionHTTPClient: HTTPClient {
    private let session: URLSession

    /// A client allowing `maxConnectionsPerHost` simultaneous connections to one host.
    public init(maxConnectionsPerHost: Int = 8) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = max(1, maxConnectionsPerHost)
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        session = URLSession(configuration: configuration)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    public func send(_ request: HTTPRequest, timeout: Double) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        // The platform timer is only a backstop; ours below fires first.
        urlRequest.timeoutInterval = timeout + 5

        let pending = PendingExchange()
        let start = ContinuousClock.now
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, Error>) in
                pending.install(continuation)
                let task = session.dataTask(with: urlRequest) { data, response, error in
                    let elapsed = ContinuousClock.now - start
                    let ms = Double(elapsed.components.seconds) * 1000
                        + Double(elapsed.components.attoseconds) / 1e15
                    pending.finish(Self.outcome(data: data, response: response, error: error, milliseconds: ms))
                }
                pending.attach(task)
                task.resume()
                pending.attach(Task {
                    guard (try? await Task.sleep(for: .milliseconds(Int64((timeout * 1000).rounded(.up))))) != nil
                    else { return }
                    pending.finish(.failure(HTTPClientFailure.timedOut))
                })
            }
        } onCancel: {
            pending.finish(.failure(CancellationError()))
        }
    }

    private static func outcome(data: Data?, response: URLResponse?, error: Error?,
                                milliseconds: Double) -> Result<HTTPResponse, Error> {
        if let error {
            return .failure(classify(error))
        }
        guard let http = response as? HTTPURLResponse else {
            return .failure(HTTPClientFailure.connection("no HTTP response"))
        }
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            headers[String(describing: key)] = String(describing: value)
        }
        return .success(HTTPResponse(status: http.statusCode, headers: headers, body: data ?? Data(),
                                     latencyMilliseconds: milliseconds))
    }

    /// Maps a Foundation error to retryable or permanent.
    static func classify(_ error: Error) -> Error {
        guard let urlError = error as? URLError else {
            let ns = error as NSError
            return HTTPClientFailure.connection("\(ns.domain) error \(ns.code)")
        }
        let reason = "\(name(of: urlError.code)) (URLError \(urlError.code.rawValue))"
        switch urlError.code {
        case .timedOut:
            return HTTPClientFailure.timedOut
        case .cancelled:
            return CancellationError()
        case .networkConnectionLost, .cannotConnectToHost, .notConnectedToInternet, .badServerResponse,
             .cannotParseResponse, .zeroByteResource, .dnsLookupFailed, .resourceUnavailable,
             .internationalRoamingOff, .callIsActive, .dataNotAllowed, .cannotLoadFromNetwork, .unknown:
            return HTTPClientFailure.connection(reason)
        default:
            return HTTPClientFailure.permanent(reason)
        }
    }

    private static func name(of code: URLError.Code) -> String {
        switch code {
        case .networkConnectionLost: "connection lost"
        case .cannotConnectToHost: "cannot connect to host"
        case .notConnectedToInternet: "not connected to the internet"
        case .badServerResponse: "bad server response"
        case .cannotParseResponse: "cannot parse response"
        case .zeroByteResource: "empty response"
        case .dnsLookupFailed: "DNS lookup failed"
        case .cannotFindHost: "cannot find host"
        case .secureConnectionFailed: "TLS connection failed"
        case .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid,
             .serverCertificateHasUnknownRoot: "untrusted server certificate"
        case .unsupportedURL: "unsupported URL"
        case .badURL: "bad URL"
        case .httpTooManyRedirects: "too many redirects"
        case .resourceUnavailable: "resource unavailable"
        case .cannotLoadFromNetwork: "cannot load from network"
        default: "network error"
        }
    }
}

/// The one-shot state of an exchange: whichever of completion, timeout or cancellation comes first resumes
/// the continuation; the others are ignored, and the data task is cancelled if it is still running.
private final class PendingExchange: Sendable {
    private struct State {
        var continuation: CheckedContinuation<HTTPResponse, Error>?
        var task: URLSessionDataTask?
        var timer: Task<Void, Never>?
        var outcome: Result<HTTPResponse, Error>?
        var done = false
    }

    private let state = Mutex(State())

    func install(_ continuation: CheckedContinuation<HTTPResponse, Error>) {
        let early: Result<HTTPResponse, Error>? = state.withLock { s in
            if let outcome = s.outcome { return outcome }
            s.continuation = continuation
            return nil
        }
        if let early { continuation.resume(with: early) }
    }

    func attach(_ task: URLSessionDataTask) {
        let cancelNow = state.withLock { s in
            if s.done { return true }
            s.task = task
            return false
        }
        if cancelNow { task.cancel() }
    }

    func attach(_ timer: Task<Void, Never>) {
        let cancelNow = state.withLock { s in
            if s.done { return true }
            s.timer = timer
            return false
        }
        if cancelNow { timer.cancel() }
    }

    func finish(_ outcome: Result<HTTPResponse, Error>) {
        let (continuation, task, timer): (CheckedContinuation<HTTPResponse, Error>?, URLSessionDataTask?,
                                          Task<Void, Never>?) = state.withLock { s in
            if s.done { return (nil, nil, nil) }
            s.done = true
            let c = s.continuation, t = s.task, w = s.timer
            s.continuation = nil
            s.task = nil
            s.timer = nil
            if c == nil { s.outcome = outcome }
            return (c, t, w)
        }
        timer?.cancel()
        continuation?.resume(with: outcome)
        if case .failure = outcome { task?.cancel() }
    }
}
