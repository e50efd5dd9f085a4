import Foundation

/// A final failure of a remote chat backend. Every description is one line that starts with the backend's label
/// (the model spec, e.g. `anthropic:claude-x`) and never contains an API key.
public enum BackendError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The API key's environment variable is unset or blank; `variables` lists the ones consulted, in order.
    case missingAPIKey(backend: String, variables: [String])
    /// A base URL or another setting cannot be used.
    case invalidConfiguration(backend: String, reason: String)
    /// The request cannot be encoded (for example a non-finite temperature).
    case invalidRequest(backend: String, reason: String)
    /// The server answered with a status that is not worth retrying (400, 401, 403, 404, 422, ...);
    /// `message` is the provider's own error message when its JSON carried one.
    case httpStatus(backend: String, status: Int, message: String)
    /// A successful status whose body is not the expected JSON, or lacks a field the answer needs.
    case malformedResponse(backend: String, reason: String)
    /// Every attempt failed transiently; `lastCause` is the last attempt's failure.
    case retriesExhausted(backend: String, attempts: Int, lastCause: TransientFailure)
    /// A transport failure that retrying would not fix (unsupported URL, TLS failure, ...).
    case transport(backend: String, reason: String)
    /// A `local:` spec was given but no embedded-engine factory is installed in `ModelFactory.localFactory`.
    case localModelsNotConfigured(spec: String)

    /// The backend label the error belongs to.
    public var backend: String {
        switch self {
        case .missingAPIKey(let b, _), .invalidConfiguration(let b, _), .invalidRequest(let b, _),
             .httpStatus(let b, _, _), .malformedResponse(let b, _), .retriesExhausted(let b, _, _),
             .transport(let b, _):
            b
        case .localModelsNotConfigured(let spec): spec
        }
    }

    public var description: String {
        switch self {
        case .missingAPIKey(let b, let vars):
            let names = vars.count <= 1 ? (vars.first ?? "an API key variable")
                : vars.dropLast().joined(separator: ", ") + " or " + (vars.last ?? "")
            return "\(b): no API key: set \(names) in the environment"
        case .invalidConfiguration(let b, let reason):
            return "\(b): invalid configuration: \(reason)"
        case .invalidRequest(let b, let reason):
            return "\(b): invalid request: \(reason)"
        case .httpStatus(let b, let status, let message):
            return "\(b): HTTP \(status): \(message)"
        case .malformedResponse(let b, let reason):
            return "\(b): malformed response: \(reason)"
        case .retriesExhausted(let b, let attempts, let cause):
            return "\(b): gave up after \(attempts) attempt\(attempts == 1 ? "" : "s"); last: \(cause)"
        case .transport(let b, let reason):
            return "\(b): request failed: \(reason)"
        case .localModelsNotConfigured(let spec):
            return "\(spec): local models are handled by the embedded engine, which is not available here"
        }
    }

    /// The same error with every secret in `redactor` removed from its text.
    func redacted(by redactor: Redactor) -> BackendError {
        switch self {
        case .missingAPIKey, .localModelsNotConfigured:
            self
        case .invalidConfiguration(let b, let r): .invalidConfiguration(backend: redactor(b), reason: redactor(r))
        case .invalidRequest(let b, let r): .invalidRequest(backend: redactor(b), reason: redactor(r))
        case .httpStatus(let b, let s, let m): .httpStatus(backend: redactor(b), status: s, message: redactor(m))
        case .malformedResponse(let b, let r): .malformedResponse(backend: redactor(b), reason: redactor(r))
        case .retriesExhausted(let b, let n, let cause):
            .retriesExhausted(backend: redactor(b), attempts: n, lastCause: cause.redacted(by: redactor))
        case .transport(let b, let r): .transport(backend: redactor(b), reason: redactor(r))
        }
    }
}
