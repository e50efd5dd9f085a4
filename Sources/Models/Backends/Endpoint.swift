import Foundation

/// Base URLs and endpoint URLs of the remote backends.
enum Endpoint {
    /// `text` as an http(s) base URL with a host, without a trailing slash. `secrets` are hidden from the error.
    static func base(_ text: String, backend: String, origin: String, secrets: [String] = []) throws -> URL {
        var trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty else {
            let reason = "\(origin) '\(maskingPassword(trimmed))' is not an http(s) URL with a host"
            let redact = Redactor(secrets: secrets)
            throw BackendError.invalidConfiguration(backend: redact(backend), reason: redact(reason))
        }
        return url
    }

    /// `base` with `path` (starting with "/") appended.
    static func join(_ base: URL, _ path: String, backend: String) throws -> URL {
        guard let url = URL(string: base.absoluteString + path) else {
            throw BackendError.invalidConfiguration(backend: backend, reason: "cannot form a URL for path '\(path)'")
        }
        return url
    }

    /// The password of a URL's user-info part, if it has one (it is treated as a secret).
    static func password(in text: String) -> String? {
        guard let components = URLComponents(string: text), let password = components.password,
              !password.isEmpty else { return nil }
        return password
    }

    /// `text` with the password of its user-info part replaced by `***`.
    static func maskingPassword(_ text: String) -> String {
        guard var components = URLComponents(string: text), let password = components.password,
              !password.isEmpty else { return text }
        components.password = "***"
        return components.string ?? text
    }

    /// The label errors start with: the spec, with any URL password masked.
    static func label(for spec: ModelSpec) -> String {
        switch spec {
        case .openAICompatible(let url, let model): "openai-compatible:\(maskingPassword(url))#\(model)"
        default: spec.description
        }
    }

    /// Percent-encodes `segment` for use as one path segment (keeps letters, digits, `-._~:` and `@`).
    static func pathSegment(_ segment: String) -> String {
        let allowed = CharacterSet(charactersIn:
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:@")
        return segment.addingPercentEncoding(withAllowedCharacters: allowed) ?? segment
    }
}
