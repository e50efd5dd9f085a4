import Testing
import Tokenizers

/// The hand-written scanners against Swift's regex engine running the published patterns.
struct PreTokenizerTests {
    static let gpt2Pattern = #"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"#
    static let llama3Pattern =
        #"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"#
    static let qwen2Pattern =
        #"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"#

    /// All matches of `pattern` over `text` with Unicode-scalar semantics; nil if they do not cover the text.
    static func regexSplit(_ text: Substring, _ pattern: String) throws -> [String] {
        let regex = try Regex(pattern).matchingSemantics(.unicodeScalar)
        var pieces: [String] = []
        var covered = text.startIndex
        for match in text.matches(of: regex) {
            #expect(match.range.lowerBound == covered, "regex left a gap")
            pieces.append(String(text[match.range]))
            covered = match.range.upperBound
        }
        #expect(covered == text.endIndex)
        return pieces
    }

    /// HF `Digits(individual_digits: true)` then the GPT-2 pattern on each remaining stretch.
    static func smollmReference(_ text: String) throws -> [String] {
        var pieces: [String] = []
        var start = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        var i = start
        while i < scalars.endIndex {
            let category = scalars[i].properties.generalCategory
            if category == .decimalNumber || category == .letterNumber || category == .otherNumber {
                if start < i { pieces += try regexSplit(Substring(scalars[start..<i]), gpt2Pattern) }
                pieces.append(String(scalars[i]))
                start = scalars.index(after: i)
            }
            i = scalars.index(after: i)
        }
        if start < scalars.endIndex { pieces += try regexSplit(Substring(scalars[start...]), gpt2Pattern) }
        return pieces
    }

    static let alphabet: [String] = [
        "a", "b", "Z", "é", "ß", "東", "京", "한", "я", "ا", "ـ", " ", " ", " ", "\t", "\n", "\n", "\r", "\u{A0}", "\u{3000}",
        "\u{2028}", "\u{0B}", "0", "7", "٣", "²", "Ⅻ", "½", "'", "'", "s", "t", "re", "ve", "LL", "D", "M", ".", ",", "!", "(",
        "{", "}", "-", "_", "#", "—", "“", "🙂", "👍🏽", "\u{0301}", "\u{200D}", "\u{FEFF}", "\u{1}", "$", "+",
    ]

    static func randomStrings(count: Int, seed: UInt64) -> [String] {
        var rng = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            let length = Int.random(in: 0...24, using: &rng)
            return (0..<length).map { _ in alphabet.randomElement(using: &rng)! }.joined()
        }
    }

    @Test func gpt2MatchesRegex() throws {
        for text in Self.randomStrings(count: 300, seed: 1) {
            #expect(BPEPreTokenizer.gpt2.split(text) == (try Self.regexSplit(Substring(text), Self.gpt2Pattern)), "\(text.debugDescription)")
        }
    }

    @Test func smollmMatchesDigitsThenRegex() throws {
        for text in Self.randomStrings(count: 300, seed: 2) {
            #expect(BPEPreTokenizer.smollm.split(text) == (try Self.smollmReference(text)), "\(text.debugDescription)")
        }
    }

    @Test func llama3MatchesRegex() throws {
        for text in Self.randomStrings(count: 300, seed: 3) {
            #expect(BPEPreTokenizer.llama3.split(text) == (try Self.regexSplit(Substring(text), Self.llama3Pattern)), "\(text.debugDescription)")
        }
    }

    @Test func qwen2MatchesRegex() throws {
        for text in Self.randomStrings(count: 300, seed: 4) {
            #expect(BPEPreTokenizer.qwen2.split(text) == (try Self.regexSplit(Substring(text), Self.qwen2Pattern)), "\(text.debugDescription)")
        }
    }

    @Test func lookaheadLeavesLastWhitespaceForTheNextWord() {
        // engine.md §7: "a\n\n\nb" → a, ĊĊ, Ċ, b.
        #expect(BPEPreTokenizer.smollm.split("a\n\n\nb") == ["a", "\n\n", "\n", "b"])
        #expect(BPEPreTokenizer.smollm.split("Hello world! 123") == ["Hello", " world", "!", " ", "1", "2", "3"])
        #expect(BPEPreTokenizer.gpt2.split("  multiple   spaces") == [" ", " multiple", "  ", " spaces"])
        #expect(BPEPreTokenizer.llama3.split("12345 DON'T") == ["123", "45", " DON", "'T"])
    }

    @Test func ggufNames() {
        #expect(BPEPreTokenizer(ggufName: "smollm") == .smollm)
        #expect(BPEPreTokenizer(ggufName: "llama-bpe") == .llama3)
        #expect(BPEPreTokenizer(ggufName: "qwen2") == .qwen2)
        #expect(BPEPreTokenizer(ggufName: "gpt-2") == .gpt2)
        #expect(BPEPreTokenizer(ggufName: "no-such-pre") == nil)
    }
}
