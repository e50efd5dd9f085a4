/// A WordNet part of speech, with the one-letter codes of the database files (`ss_type`).
///
/// Adjective satellites (`s`) live in `data.adj` and are listed under `a` in `index.adj`; lookups by lemma treat
/// ``adjectiveSatellite`` as ``adjective``.
public enum PartOfSpeech: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
    case noun = "n"
    case verb = "v"
    case adjective = "a"
    case adjectiveSatellite = "s"
    case adverb = "r"

    /// The four parts of speech that have their own files and index, in NLTK's `POS_LIST` order.
    public static let filed: [PartOfSpeech] = [.noun, .verb, .adjective, .adverb]

    /// Parses a code (`n`, `v`, `a`, `s`, `r`) or a name (`noun`, `verb`, `adj`, `adjective`, `adv`, `adverb`).
    public init?(code: String) {
        switch code.lowercased() {
        case "n", "noun": self = .noun
        case "v", "verb": self = .verb
        case "a", "adj", "adjective": self = .adjective
        case "s", "satellite", "adjective-satellite": self = .adjectiveSatellite
        case "r", "adv", "adverb": self = .adverb
        default: return nil
        }
    }

    /// The part of speech whose files hold this one (`s` → `a`).
    public var filedAs: PartOfSpeech { self == .adjectiveSatellite ? .adjective : self }

    /// The suffix of the database files: `noun`, `verb`, `adj`, `adv`.
    public var fileSuffix: String {
        switch self {
        case .noun: "noun"
        case .verb: "verb"
        case .adjective, .adjectiveSatellite: "adj"
        case .adverb: "adv"
        }
    }

    /// 0 noun, 1 verb, 2 adjective (and satellite), 3 adverb: the file a synset of this part of speech lives in.
    var fileIndex: Int {
        switch self {
        case .noun: 0
        case .verb: 1
        case .adjective, .adjectiveSatellite: 2
        case .adverb: 3
        }
    }

    /// The code byte as it appears in the files.
    var codeByte: UInt8 { rawValue.utf8.first! }

    init?(codeByte: UInt8) {
        switch codeByte {
        case UInt8(ascii: "n"): self = .noun
        case UInt8(ascii: "v"): self = .verb
        case UInt8(ascii: "a"): self = .adjective
        case UInt8(ascii: "s"): self = .adjectiveSatellite
        case UInt8(ascii: "r"): self = .adverb
        default: return nil
        }
    }

    public static func < (a: PartOfSpeech, b: PartOfSpeech) -> Bool {
        let order: [PartOfSpeech] = [.noun, .verb, .adjective, .adjectiveSatellite, .adverb]
        return order.firstIndex(of: a)! < order.firstIndex(of: b)!
    }
}
