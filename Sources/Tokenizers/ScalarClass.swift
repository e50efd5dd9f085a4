/// Character classes used by the hand-written pre-tokenizer scanners, as bit flags in a `UInt8`.
///
/// `letter` is `\p{L}` (Lu, Ll, Lt, Lm, Lo), `number` is `\p{N}` (Nd, Nl, No), `whitespace` is `\s`
/// (the Unicode White_Space property). A scalar with none of these three bits is "other".
enum ScalarClass {
    static let letter: UInt8 = 1
    static let number: UInt8 = 2
    static let whitespace: UInt8 = 4
    /// `\r` or `\n`.
    static let newline: UInt8 = 8
    /// U+0020 exactly (the optional leading space of the GPT-2 pattern).
    static let space: UInt8 = 16
    /// `'` (U+0027).
    static let apostrophe: UInt8 = 32

    static let letterOrNumberOrSpace: UInt8 = letter | number | whitespace

    private static let ascii: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 128)
        for v in 0..<128 {
            var flags: UInt8 = 0
            switch v {
            case 0x41...0x5A, 0x61...0x7A: flags = letter
            case 0x30...0x39: flags = number
            case 0x09, 0x0B, 0x0C: flags = whitespace
            case 0x0A, 0x0D: flags = whitespace | newline
            case 0x20: flags = whitespace | space
            case 0x27: flags = apostrophe
            default: flags = 0
            }
            table[v] = flags
        }
        return table
    }()

    /// Class flags of code point `value`.
    @inline(__always)
    static func of(_ value: UInt32) -> UInt8 {
        if value < 128 { return ascii[Int(value)] }
        return nonASCII(value)
    }

    private static func nonASCII(_ value: UInt32) -> UInt8 {
        guard let scalar = Unicode.Scalar(value) else { return 0 }
        let properties = scalar.properties
        if properties.isWhitespace { return whitespace }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return letter
        case .decimalNumber, .letterNumber, .otherNumber:
            return number
        default:
            return 0
        }
    }
}
