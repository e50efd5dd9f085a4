import Foundation

/// HF `BertNormalizer`: clean text, pad CJK ideographs with spaces, strip accents (NFD, drop `Mn` marks) and
/// lowercase, in that order.
public struct BertNormalizer: Sendable {
    /// Drop NUL, U+FFFD and control/format/private-use characters (except `\t\n\r`); map whitespace to a space.
    public var cleanText: Bool
    /// Surround CJK ideographs with spaces so each becomes its own word.
    public var handleChineseChars: Bool
    /// Decompose (NFD) and remove non-spacing marks.
    public var stripAccents: Bool
    /// Lowercase each character (full, context-free Unicode mapping).
    public var lowercase: Bool

    /// HF defaults: everything on; `stripAccents` follows `lowercase` when not given.
    public init(cleanText: Bool = true, handleChineseChars: Bool = true, stripAccents: Bool? = nil, lowercase: Bool = true) {
        self.cleanText = cleanText
        self.handleChineseChars = handleChineseChars
        self.stripAccents = stripAccents ?? lowercase
        self.lowercase = lowercase
    }

    /// The normalized text.
    public func normalize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if cleanText {
                if scalar.value == 0 || scalar.value == 0xFFFD || Self.isControl(scalar) { continue }
                if Self.isWhitespace(scalar) {
                    scalars.append(" ")
                    continue
                }
            }
            if handleChineseChars && Self.isChineseChar(scalar.value) {
                scalars.append(" ")
                scalars.append(scalar)
                scalars.append(" ")
            } else {
                scalars.append(scalar)
            }
        }
        var result = String(scalars)
        if stripAccents {
            let decomposed = result.decomposedStringWithCanonicalMapping
            var kept = String.UnicodeScalarView()
            for scalar in decomposed.unicodeScalars where scalar.properties.generalCategory != .nonspacingMark {
                kept.append(scalar)
            }
            result = String(kept)
        }
        if lowercase {
            var lowered = ""
            lowered.reserveCapacity(result.utf8.count)
            for scalar in result.unicodeScalars {
                if scalar.value < 0x80 {
                    lowered.unicodeScalars.append(
                        (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(scalar.value + 32)! : scalar)
                } else {
                    lowered += scalar.properties.lowercaseMapping
                }
            }
            result = lowered
        }
        return result
    }

    /// `\t`, `\n`, `\r` and the Unicode White_Space property.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar.properties.isWhitespace
    }

    /// Control (Cc), format (Cf), private-use (Co) and surrogate (Cs) characters, except `\t\n\r`.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\t" || scalar == "\n" || scalar == "\r" { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .privateUse, .surrogate: return true
        default: return false
        }
    }

    /// The CJK ideograph blocks HF `tokenizers` pads (its table has 0x2B920 where Unicode's block starts at 0x2B820).
    static func isChineseChar(_ v: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x2A6DF).contains(v)
            || (0x2A700...0x2B73F).contains(v) || (0x2B740...0x2B81F).contains(v) || (0x2B920...0x2CEAF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x2F800...0x2FA1F).contains(v)
    }
}
