/// Finds how much of a byte buffer can be decoded now without splitting a character that may still complete.
enum UTF8Completeness {
    /// Length of the longest prefix of `bytes` that does not end inside a valid but unfinished UTF-8 sequence.
    /// Invalid bytes are part of the prefix (they decode to U+FFFD and can never become valid).
    static func completePrefixLength(_ bytes: [UInt8]) -> Int {
        let n = bytes.count
        // An unfinished sequence is at most 3 bytes long: look back for its lead byte.
        var start = n - 1
        let lowest = max(0, n - 3)
        while start >= lowest {
            let b = bytes[start]
            if b & 0xC0 != 0x80 { break }  // not a continuation byte
            start -= 1
        }
        guard start >= lowest, start >= 0 else { return n }
        let lead = bytes[start]
        let needed: Int
        switch lead {
        case 0xC2...0xDF: needed = 2
        case 0xE0...0xEF: needed = 3
        case 0xF0...0xF4: needed = 4
        default: return n  // ASCII or an invalid lead: nothing to wait for
        }
        let have = n - start
        if have >= needed { return n }
        // Check the continuation bytes seen so far could still form a valid sequence.
        if have >= 2 {
            let second = bytes[start + 1]
            let valid: Bool
            switch lead {
            case 0xE0: valid = (0xA0...0xBF).contains(second)
            case 0xED: valid = (0x80...0x9F).contains(second)
            case 0xF0: valid = (0x90...0xBF).contains(second)
            case 0xF4: valid = (0x80...0x8F).contains(second)
            default: valid = true
            }
            if !valid { return n }
        }
        return start
    }
}
