import Foundation

/// Sends a backend's requests with the retry policy: a per-attempt timeout; retries of retryable statuses,
/// timeouts and lost connections with jittered exponential backoff that honours `Retry-After`; an immediate
/// error for any other non-2xx status carrying the provider's own message. Every error it throws is a
/// `BackendError` (or `CancellationError`) with the secrets it was given removed.
public struct HTTPTransport: Sendable {
    /// The backend label that starts every error message (the model spec).
    public let label: String
    public let options: BackendOptions
    private let client: any HTTPClient
    private let jitter: JitterSource
    private let redactor: Redactor

    /// A transport for the backend `label`; `secrets` (API keys) are scrubbed from every error it reports.
    public init(label: String, secrets: [String] = [], options: BackendOptions = BackendOptions(),
                client: (any HTTPClient)? = nil) {
        self.options = options
        self.client = client ?? URLSessionHTTPClient(maxConnectionsPerHost: options.effectiveConcurrency + 2)
        self.jitter = JitterSource(seed: options.retry.jitterSeed)
        self.redactor = Redactor(secrets: secrets)
        self.label = Redactor(secrets: secrets)(label)
    }

    /// Sends `request` until it gets a 2xx response, then hands that to `decode`. Errors thrown by `decode`
    /// (normally `BackendError.malformedResponse`) are final and not retried.
    public func perform<T>(_ request: HTTPRequest, decode: (HTTPResponse) throws -> T) async throws -> T {
        do {
            let response = try await send(request)
            return try decode(response)
        } catch let error as BackendError {
            throw error.redacted(by: redactor)
        }
    }

    /// Sends `request` until it gets a 2xx response, retrying transient failures.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let attempts = options.retry.effectiveMaxAttempts
        var attempt = 1
        while true {
            try Task.checkCancellation()
            switch try await attemptOnce(request) {
            case .success(let response):
                return response
            case .failure(let failure, let retryAfter):
                guard attempt < attempts else {
                    throw BackendError.retriesExhausted(backend: label, attempts: attempt, lastCause: failure)
                }
                let wait = options.retry.delay(forRetry: attempt, unit: jitter.next(), retryAfter: retryAfter)
                if wait > 0 {
                    try await Task.sleep(for: .milliseconds(Int64((wait * 1000).rounded(.up))))
                }
                attempt += 1
            }
        }
    }

    private enum AttemptOutcome {
        case success(HTTPResponse)
        case failure(TransientFailure, retryAfter: Double?)
    }

    /// One attempt: a 2xx response, a transient failure, or a thrown final error.
    private func attemptOnce(_ request: HTTPRequest) async throws -> AttemptOutcome {
        let timeout = options.effectiveTimeout
        let response: HTTPResponse
        do {
            response = try await client.send(request, timeout: timeout)
        } catch let error as HTTPClientFailure {
            switch error {
            case .timedOut: return .failure(.timedOut(seconds: timeout), retryAfter: nil)
            case .connection(let reason): return .failure(.connection(redactor(reason)), retryAfter: nil)
            case .permanent(let reason): throw BackendError.transport(backend: label, reason: redactor(reason))
            }
        } catch let error as CancellationError {
            throw error
        } catch {
            throw BackendError.transport(backend: label, reason: redactor(String(describing: error)))
        }
        if (200..<300).contains(response.status) { return .success(response) }
        let message = redactor(ProviderErrorMessage.extract(from: response.body, status: response.status))
        guard options.retry.retryableStatuses.contains(response.status) else {
            throw BackendError.httpStatus(backend: label, status: response.status, message: message)
        }
        return .failure(.status(response.status, message: message),
                        retryAfter: RetryAfter.seconds(headers: response.headers))
    }
}
