/// Errors raised while building a tokenizer from metadata or files. Each description is one line.
public enum TokenizerError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A required metadata key is absent from `source`.
    case missingKey(key: String, source: String)
    /// A metadata key in `source` has the wrong type or an invalid value.
    case malformedKey(key: String, reason: String, source: String)
    /// `tokenizer.ggml.model` names a tokenizer this module does not implement.
    case unsupportedModel(model: String, source: String)
    /// The vocabulary is unusable (empty, duplicate entries, special ids out of range).
    case invalidVocabulary(String)
    /// A vocabulary file could not be read or parsed (`line` is 1-based when known).
    case invalidFile(path: String, line: Int?, reason: String)

    public var description: String {
        switch self {
        case .missingKey(let key, let source):
            return "\(source): tokenizer metadata key '\(key)' is missing"
        case .malformedKey(let key, let reason, let source):
            return "\(source): tokenizer metadata key '\(key)' \(reason)"
        case .unsupportedModel(let model, let source):
            return "\(source): unsupported tokenizer.ggml.model '\(model)' (expected gpt2 or llama)"
        case .invalidVocabulary(let reason):
            return "tokenizer vocabulary: \(reason)"
        case .invalidFile(let path, let line, let reason):
            if let line { return "\(path):\(line): \(reason)" }
            return "\(path): \(reason)"
        }
    }
}
