import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The human message inside a provider's error body, on one line and at most `maxLength` characters.
/// Understands the OpenAI / Anthropic / Gemini shape `{"error": {"message": ...}}`, Ollama's
/// `{"error": "..."}`, a top-level `message` or `detail`, and a list wrapping one of those; otherwise the body
/// text itself, or the status's standard phrase when the body is empty.
enum ProviderErrorMessage {
    static let maxLength = 200

    static func extract(from body: Data, status: Int) -> String {
        if let json = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]),
           let message = message(in: json, depth: 0) {
            return truncate(message)
        }
        let text = Redactor.singleLine(String(decoding: body, as: UTF8.self))
        if !text.isEmpty { return truncate(text) }
        return HTTPURLResponse.localizedString(forStatusCode: status)
    }

    private static func message(in json: Any, depth: Int) -> String? {
        guard depth < 4 else { return nil }
        if let list = json as? [Any], let first = list.first {
            return message(in: first, depth: depth + 1)
        }
        guard let object = json as? [String: Any] else { return nil }
        if let error = object["error"] {
            if let text = nonBlank(error as? String) { return text }
            if let nested = message(in: error, depth: depth + 1) { return nested }
        }
        for key in ["message", "detail", "error_message", "msg"] {
            if let text = nonBlank(object[key] as? String) { return text }
        }
        return nil
    }

    private static func nonBlank(_ text: String?) -> String? {
        guard let text else { return nil }
        let line = Redactor.singleLine(text)
        return line.isEmpty ? nil : line
    }

    /// `text` on one line, cut to `maxLength` characters with a trailing ellipsis when longer.
    static func truncate(_ text: String) -> String {
        let line = Redactor.singleLine(text)
        guard line.count > maxLength else { return line }
        return String(line.prefix(maxLength - 1)) + "…"
    }
}
