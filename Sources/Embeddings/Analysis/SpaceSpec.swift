import Foundation

/// A vector space named on the command line.
///
/// Forms:
/// - `glove` (or `glove-6b-50d`): GloVe 6B 50d from the asset store;
/// - `PATH`: a vector file, format by extension or content (`.txt` word2vec text or GloVe by header sniffing,
///   `.bin` word2vec binary, `.vec` fastText, `.npy` + a vocabulary file beside it);
/// - `PATH.npy+VOCAB`: an NPY matrix with an explicit vocabulary (text, one word per line, or `.parquet`);
/// - `word2vec:PATH`, `word2vec-bin:PATH`, `glove-text:PATH`, `fasttext:PATH`: a file in an explicit format;
/// - `minilm`: the all-MiniLM-L6-v2 sentence encoder over words;
/// - `tokens:MODELSPEC`: an LLM's input token embeddings (e.g. `tokens:local:smollm2`);
/// - `w2v:PATH`, `lsa:PATH`: vectors trained by ValueProbe;
/// - `PREFIX:ARGUMENT` for any prefix registered with ``SpaceResolver/register(prefix:loader:)``.
public enum SpaceSpec: Sendable, Equatable, CustomStringConvertible {
    case glove
    case file(path: String, format: VectorFileFormat?, vocabulary: String?)
    case minilm
    case tokens(model: String)
    case trained(method: String, path: String)
    case registered(prefix: String, argument: String)

    /// One line listing the accepted forms, for errors and help.
    public static var forms: String {
        let extra = SpaceResolver.registeredPrefixes.filter { !["minilm", "tokens", "w2v", "lsa"].contains($0) }
        return "glove, PATH (.txt/.bin/.vec/.npy), PATH.npy+VOCAB, word2vec:PATH, word2vec-bin:PATH, glove-text:PATH, fasttext:PATH, minilm, tokens:MODELSPEC, w2v:PATH, lsa:PATH"
            + extra.map { ", \($0):ARG" }.joined()
    }

    static let formatPrefixes: [String: VectorFileFormat] = [
        "word2vec": .word2vecText, "word2vec-text": .word2vecText, "word2vec-bin": .word2vecBinary,
        "glove-text": .gloveText, "fasttext": .fastTextVec, "npy": .npy,
    ]

    /// Parses a spec; unknown forms give a one-line error listing the accepted ones.
    public init(parsing text: String) throws(EmbeddingError) {
        let spec = text.trimmingCharacters(in: .whitespaces)
        guard !spec.isEmpty else { throw .invalid("empty space spec; use one of: \(SpaceSpec.forms)") }
        switch spec.lowercased() {
        case "glove", "glove-6b-50d": self = .glove; return
        case "minilm": self = .minilm; return
        default: break
        }
        if let colon = spec.firstIndex(of: ":"), colon != spec.startIndex {
            let prefix = spec[..<colon].lowercased()
            let argument = String(spec[spec.index(after: colon)...])
            let isPrefix = prefix.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            if isPrefix {
                guard !argument.isEmpty else { throw .invalid("space spec '\(spec)' lacks the part after '\(prefix):'; use one of: \(SpaceSpec.forms)") }
                if prefix == "tokens" { self = .tokens(model: argument); return }
                if prefix == "w2v" || prefix == "lsa" { self = .trained(method: prefix, path: argument); return }
                if let format = SpaceSpec.formatPrefixes[prefix] {
                    self = SpaceSpec.fileSpec(argument, format: format)
                    return
                }
                if SpaceResolver.registeredPrefixes.contains(prefix) { self = .registered(prefix: prefix, argument: argument); return }
                if !FileManager.default.fileExists(atPath: spec) {
                    throw .invalid("unknown space '\(spec)' (prefix '\(prefix):' is not known); use one of: \(SpaceSpec.forms)")
                }
            }
        }
        if SpaceResolver.registeredPrefixes.contains(spec.lowercased()) {
            self = .registered(prefix: spec.lowercased(), argument: "")
            return
        }
        let looksLikePath = spec.contains("/") || spec.contains(".") || FileManager.default.fileExists(atPath: spec)
        guard looksLikePath else { throw .invalid("unknown space '\(spec)'; use one of: \(SpaceSpec.forms)") }
        self = SpaceSpec.fileSpec(spec, format: nil)
    }

    private static func fileSpec(_ path: String, format: VectorFileFormat?) -> SpaceSpec {
        if let plus = path.range(of: ".npy+", options: [.caseInsensitive]) {
            let matrix = String(path[..<plus.lowerBound]) + ".npy"
            let vocabulary = String(path[plus.upperBound...])
            if !vocabulary.isEmpty, !FileManager.default.fileExists(atPath: path) {
                return .file(path: matrix, format: .npy, vocabulary: vocabulary)
            }
        }
        return .file(path: path, format: format, vocabulary: nil)
    }

    public var description: String {
        switch self {
        case .glove: "glove"
        case .file(let path, let format, let vocabulary):
            (format.map { "\($0.rawValue):" } ?? "") + path + (vocabulary.map { "+\($0)" } ?? "")
        case .minilm: "minilm"
        case .tokens(let model): "tokens:\(model)"
        case .trained(let method, let path): "\(method):\(path)"
        case .registered(let prefix, let argument): argument.isEmpty ? prefix : "\(prefix):\(argument)"
        }
    }
}
