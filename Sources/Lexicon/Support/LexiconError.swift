/// Errors from reading WordNet, similarity data sets and lexicons; each description is one line that says what
/// went wrong and where (`file:line: …` for malformed input).
public enum LexiconError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A line of a file could not be read: the file's path, the 1-based line number and what was wrong.
    case malformed(file: String, line: Int, reason: String)
    /// A file could not be opened or read.
    case io(path: String, reason: String)
    /// A name (data set, lexicon, synset) that is not known; `known` lists what would have been accepted.
    case unknownName(String, kind: String, known: [String])
    /// An argument that cannot be used (an empty word list, a negative distance …).
    case invalid(String)

    public var description: String {
        switch self {
        case let .malformed(file, line, reason):
            "\(file):\(line): \(reason)"
        case let .io(path, reason):
            "\(path): \(reason)"
        case let .unknownName(name, kind, known):
            known.isEmpty
                ? "unknown \(kind) '\(name)'"
                : "unknown \(kind) '\(name)' (known: \(known.joined(separator: ", ")))"
        case let .invalid(message):
            message
        }
    }
}
