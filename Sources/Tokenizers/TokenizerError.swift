/// Errors raised while building a tokenizer from metadata or files.
public enum TokenizerError: Error, CustomStringConvertible, Equatable {
    /// A required metadata key is absent.
    case missingKey(String)
    /// A metadata key has the wrong type or an invalid value.
    case malformedKey(String, String)
    /// `tokenizer.ggml.model` names a tokenizer this module does not implement.
    case unsupportedModel(String)
    /// The vocabulary is unusable (empty, duplicate entries, ids out of range).
    case invalidVocabulary(String)
    /// A file could not be read.
    case unreadableFile(String, String)

    public var description: String {
        switch self {
        case .missingKey(let key): return "tokenizer metadata: missing key '\(key)'"
        case .malformedKey(let key, let why): return "tokenizer metadata: key '\(key)' \(why)"
        case .unsupportedModel(let model): return "tokenizer metadata: unsupported tokenizer.ggml.model '\(model)'"
        case .invalidVocabulary(let why): return "tokenizer vocabulary: \(why)"
        case .unreadableFile(let path, let why): return "\(path): \(why)"
        }
    }
}
