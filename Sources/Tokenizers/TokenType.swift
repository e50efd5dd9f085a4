/// GGUF `tokenizer.ggml.token_type` values.
public enum TokenType: Int32, Sendable, Equatable {
    /// Type 0 or any value outside 1…6.
    case undefined = 0
    /// An ordinary vocabulary entry.
    case normal = 1
    /// The unknown token.
    case unknown = 2
    /// A control token such as `<|im_start|>`; matched in text only when parsing specials.
    case control = 3
    /// A user-defined (added) token; always matched in text before pre-tokenization.
    case userDefined = 4
    /// An unused slot.
    case unused = 5
    /// A byte-fallback token `<0xXX>`.
    case byte = 6

    /// Maps a raw GGUF value; values outside 0…6 become ``undefined``.
    public init(gguf value: Int) {
        if (0...6).contains(value), let type = TokenType(rawValue: Int32(value)) {
            self = type
        } else {
            self = .undefined
        }
    }

    /// Whether text matching this token is split out before pre-tokenization (`parseSpecial` true).
    var isSpecialText: Bool { self == .control || self == .userDefined || self == .unknown }
}
