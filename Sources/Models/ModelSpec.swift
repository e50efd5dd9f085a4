import Foundation

/// Which model a run talks to, parsed from a spec string:
/// `local:smollm2` (or `local:PATH.gguf`, or just a `.gguf` path), `openai:MODEL`, `openai-compatible:URL#MODEL`,
/// `anthropic:MODEL`, `gemini:MODEL`, `ollama:MODEL`.
public enum ModelSpec: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// An embedded GGUF model: a built-in asset name or a file path.
    case local(String)
    case openAI(model: String)
    case openAICompatible(baseURL: String, model: String)
    case anthropic(model: String)
    case gemini(model: String)
    case ollama(model: String)

    /// The embedded default model.
    public static let defaultLocal = ModelSpec.local("smollm2")

    /// Parses `text`; the error says what is wrong and lists the accepted forms.
    public init(parsing text: String) throws(ModelSpecError) {
        let s = text.trimmingCharacters(in: .whitespaces)
        guard !s.isEmpty else { throw ModelSpecError(spec: text, reason: "empty model spec") }
        if s.hasSuffix(".gguf"), !s.hasPrefix("local:") {
            self = .local(s)
            return
        }
        guard let colon = s.firstIndex(of: ":") else {
            throw ModelSpecError(spec: text, reason: "missing provider prefix")
        }
        let provider = s[..<colon].lowercased()
        let rest = String(s[s.index(after: colon)...])
        guard !rest.isEmpty else { throw ModelSpecError(spec: text, reason: "no model name after '\(provider):'") }
        switch provider {
        case "local": self = .local(rest)
        case "openai": self = .openAI(model: rest)
        case "anthropic": self = .anthropic(model: rest)
        case "gemini": self = .gemini(model: rest)
        case "ollama": self = .ollama(model: rest)
        case "openai-compatible":
            guard let hash = rest.lastIndex(of: "#") else {
                throw ModelSpecError(spec: text, reason: "openai-compatible needs URL#MODEL")
            }
            let url = String(rest[..<hash]), model = String(rest[rest.index(after: hash)...])
            guard URL(string: url)?.scheme?.hasPrefix("http") == true, !model.isEmpty else {
                throw ModelSpecError(spec: text, reason: "openai-compatible needs an http(s) URL and a model: URL#MODEL")
            }
            self = .openAICompatible(baseURL: url, model: model)
        default:
            throw ModelSpecError(spec: text, reason: "unknown provider '\(provider)'")
        }
    }

    public var description: String {
        switch self {
        case .local(let n): "local:\(n)"
        case .openAI(let m): "openai:\(m)"
        case .openAICompatible(let u, let m): "openai-compatible:\(u)#\(m)"
        case .anthropic(let m): "anthropic:\(m)"
        case .gemini(let m): "gemini:\(m)"
        case .ollama(let m): "ollama:\(m)"
        }
    }
}

/// A model spec that cannot be parsed.
public struct ModelSpecError: Error, CustomStringConvertible, Sendable {
    public var spec: String
    public var reason: String
    /// Whether the spec's syntax is wrong (then the accepted forms are listed).
    public var isSyntax: Bool

    public init(spec: String, reason: String, isSyntax: Bool = true) {
        self.spec = spec
        self.reason = reason
        self.isSyntax = isSyntax
    }

    public var description: String {
        let forms = " (expected local:smollm2, local:PATH.gguf, PATH.gguf, openai:MODEL, openai-compatible:URL#MODEL, anthropic:MODEL, gemini:MODEL or ollama:MODEL)"
        return "model spec '\(spec)': \(reason)" + (isSyntax ? forms : "")
    }
}
