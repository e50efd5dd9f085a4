/// The corpus normaliser: lowercases text and keeps the tokens matching `[a-z]+(?:['-][a-z]+)*`, the rule the
/// data inventory measured its token counts with (Python: `re.findall(pattern, text.lower())`).
///
/// Lowercasing is full Unicode lowercasing, like Python's `str.lower()`, so the rare non-ASCII letters whose
/// lower case is ASCII (the Kelvin sign, dotted capital I) give the same tokens as the reference; every other
/// non-ASCII character separates tokens. Apostrophes and hyphens join letter runs only when a letter follows,
/// as the regular expression does: "well-being" and "don't" stay whole, "rock-'n'-roll" gives "rock", "n", "roll".
public enum CorpusTokenizer {
    /// The tokens of `text`, lowercased.
    public static func tokens(in text: String) -> [String] {
        var out: [String] = []
        var scanner = TokenScanner()
        scanner.scan(text) { out.append(String(decoding: $0, as: UTF8.self)) }
        return out
    }

    /// Appends the tokens of `text` to `output`, separated by single spaces (a space is put before the first one
    /// when `output` does not end a line), and returns how many were appended.
    @discardableResult
    public static func appendTokens(of text: String, to output: inout [UInt8]) -> Int {
        var scanner = TokenScanner()
        var count = 0
        scanner.scan(text) { token in
            if let last = output.last, last != UInt8(ascii: "\n") { output.append(UInt8(ascii: " ")) }
            output.append(contentsOf: token)
            count += 1
        }
        return count
    }
}

/// The state machine behind ``CorpusTokenizer``: fed one lowercased scalar at a time.
struct TokenScanner {
    private var token: [UInt8] = []
    /// A joiner (`'` or `-`) seen after a letter run, waiting for a letter.
    private var pendingJoiner: UInt8?

    init() { token.reserveCapacity(64) }

    mutating func scan(_ text: String, _ emit: (borrowing [UInt8]) -> Void) {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                var b = UInt8(truncatingIfNeeded: v)
                if b >= 0x41 && b <= 0x5A { b += 0x20 }
                feed(b, emit)
            } else {
                // Full lowercase mapping (one scalar may become several); non-letters end tokens.
                for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                    feed(lower.value < 0x80 ? UInt8(truncatingIfNeeded: lower.value) : 0, emit)
                }
            }
        }
        finish(emit)
    }

    private mutating func feed(_ b: UInt8, _ emit: (borrowing [UInt8]) -> Void) {
        let isLetter = b >= 0x61 && b <= 0x7A
        if isLetter {
            if let j = pendingJoiner {
                token.append(j)
                pendingJoiner = nil
            }
            token.append(b)
            return
        }
        if !token.isEmpty && pendingJoiner == nil && (b == UInt8(ascii: "'") || b == UInt8(ascii: "-")) {
            pendingJoiner = b
            return
        }
        finish(emit)
    }

    private mutating func finish(_ emit: (borrowing [UInt8]) -> Void) {
        if !token.isEmpty { emit(token) }
        token.removeAll(keepingCapacity: true)
        pendingJoiner = nil
    }
}
