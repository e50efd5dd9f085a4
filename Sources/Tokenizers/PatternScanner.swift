/// Hand-written equivalents of the GPT-2 and Llama 3 pre-tokenizer regexes, over per-scalar class flags.
///
/// Both scanners partition `from..<to` completely: every scalar belongs to exactly one piece. They append the
/// end index of each piece to `ends`. `to` acts as the end of the text (for the lookahead and `$`).
enum PatternScanner {
    private static let lnw = ScalarClass.letterOrNumberOrSpace

    /// Length (2 or 3) of an English contraction starting with the apostrophe at `i`, or 0.
    @inline(__always)
    static func contraction(
        _ values: UnsafeBufferPointer<UInt32>, at i: Int, end n: Int, ignoringCase: Bool
    ) -> Int {
        guard i + 1 < n else { return 0 }
        var a = values[i + 1]
        if ignoringCase, a >= 0x41, a <= 0x5A { a += 32 }
        switch a {
        case 0x73, 0x74, 0x6D, 0x64:  // s t m d
            return 2
        case 0x72, 0x76, 0x6C:  // r v l
            guard i + 2 < n else { return 0 }
            var b = values[i + 2]
            if ignoringCase, b >= 0x41, b <= 0x5A { b += 32 }
            if (a == 0x72 && b == 0x65) || (a == 0x76 && b == 0x65) || (a == 0x6C && b == 0x6C) { return 3 }
            return 0
        default:
            return 0
        }
    }

    /// End of a whitespace piece starting at `i` under `\s+(?!\S)|\s+`.
    @inline(__always)
    private static func whitespaceEnd(_ c: UnsafeBufferPointer<UInt8>, at i: Int, end n: Int) -> Int {
        var k = i + 1
        while k < n && c[k] & ScalarClass.whitespace != 0 { k += 1 }
        if k == n { return n }
        return k - i >= 2 ? k - 1 : k
    }

    /// `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`
    static func gpt2(
        _ c: UnsafeBufferPointer<UInt8>, _ values: UnsafeBufferPointer<UInt32>,
        from: Int, to n: Int, ends: inout [Int32]
    ) {
        var i = from
        while i < n {
            let ci = c[i]
            var end: Int
            let contractionLength =
                ci & ScalarClass.apostrophe != 0 ? contraction(values, at: i, end: n, ignoringCase: false) : 0
            if contractionLength > 0 {
                end = i + contractionLength
            } else {
                var j = i
                if ci & ScalarClass.space != 0 && i + 1 < n && c[i + 1] & ScalarClass.whitespace == 0 { j = i + 1 }
                let cj = c[j]
                if cj & ScalarClass.letter != 0 {
                    end = j + 1
                    while end < n && c[end] & ScalarClass.letter != 0 { end += 1 }
                } else if cj & ScalarClass.number != 0 {
                    end = j + 1
                    while end < n && c[end] & ScalarClass.number != 0 { end += 1 }
                } else if cj & lnw == 0 {
                    end = j + 1
                    while end < n && c[end] & lnw == 0 { end += 1 }
                } else {
                    end = whitespaceEnd(c, at: i, end: n)
                }
            }
            ends.append(Int32(end))
            i = end
        }
    }

    /// `(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,maxDigits}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`
    static func llama3(
        _ c: UnsafeBufferPointer<UInt8>, _ values: UnsafeBufferPointer<UInt32>,
        from: Int, to n: Int, maxDigits: Int, ends: inout [Int32]
    ) {
        var i = from
        while i < n {
            let ci = c[i]
            var end: Int
            let contractionLength =
                ci & ScalarClass.apostrophe != 0 ? contraction(values, at: i, end: n, ignoringCase: true) : 0
            if contractionLength > 0 {
                end = i + contractionLength
            } else if ci & ScalarClass.letter != 0 {
                end = i + 1
                while end < n && c[end] & ScalarClass.letter != 0 { end += 1 }
            } else if ci & (ScalarClass.newline | ScalarClass.letter | ScalarClass.number) == 0 && i + 1 < n
                && c[i + 1] & ScalarClass.letter != 0
            {
                end = i + 2
                while end < n && c[end] & ScalarClass.letter != 0 { end += 1 }
            } else if ci & ScalarClass.number != 0 {
                end = i + 1
                while end < n && end - i < maxDigits && c[end] & ScalarClass.number != 0 { end += 1 }
            } else {
                var j = i
                if ci & ScalarClass.space != 0 && i + 1 < n && c[i + 1] & lnw == 0 { j = i + 1 }
                if c[j] & lnw == 0 {
                    end = j + 1
                    while end < n && c[end] & lnw == 0 { end += 1 }
                    while end < n && c[end] & ScalarClass.newline != 0 { end += 1 }
                } else {
                    // whitespace at i: \s*[\r\n]+ ends after the last newline of the run, if any
                    var k = i + 1
                    while k < n && c[k] & ScalarClass.whitespace != 0 { k += 1 }
                    var p = k - 1
                    while p >= i && c[p] & ScalarClass.newline == 0 { p -= 1 }
                    if p >= i {
                        end = p + 1
                    } else if k == n {
                        end = n
                    } else {
                        end = k - i >= 2 ? k - 1 : k
                    }
                }
            }
            ends.append(Int32(end))
            i = end
        }
    }
}
