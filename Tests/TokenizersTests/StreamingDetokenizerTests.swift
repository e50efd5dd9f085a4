import Testing
import Tokenizers

/// Streaming decode over a vocabulary of single bytes, so any byte sequence can be pushed token by token.
struct StreamingDetokenizerTests {
    let byteTokenizer: ByteLevelBPETokenizer

    init() throws {
        let tokens = (0...255).map { String(gpt2Character(UInt8($0))) } + ["<|end|>"]
        let types = [TokenType](repeating: .normal, count: 256) + [.control]
        // Token id = byte value for 0…255.
        byteTokenizer = try ByteLevelBPETokenizer(tokens: tokens, tokenTypes: types, merges: [], preTokenizer: .gpt2)
    }

    func stream(_ bytes: [UInt8]) -> [String] {
        var detokenizer = StreamingDetokenizer(tokenizer: byteTokenizer)
        var out = bytes.map { detokenizer.push(Int32($0)) }
        out.append(detokenizer.flush())
        return out
    }

    @Test func splitEmojiAndAccentsAreHeldUntilComplete() {
        let pieces = stream(Array("é🙂!".utf8))
        // é = C3 A9, 🙂 = F0 9F 99 82, ! = 21
        #expect(pieces == ["", "é", "", "", "", "🙂", "!", ""])
    }

    @Test func validTextSplitAnywhereNeverShowsReplacementCharacters() {
        let text = "Grüße, 東京 👨‍👩‍👧 naïve — ok"
        let pieces = stream(Array(text.utf8))
        #expect(pieces.joined() == text)
        #expect(pieces.allSatisfy { !$0.unicodeScalars.contains("\u{FFFD}") })
    }

    @Test func randomBytesDecodeLikeTheWholeBuffer() {
        var rng = SeededGenerator(seed: 11)
        let interesting: [UInt8] = [0x41, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xA0, 0xED, 0x9F, 0xA0, 0xEF, 0xF0, 0x90, 0xF4, 0x8F, 0xF5, 0xFF]
        for _ in 0..<400 {
            let bytes = (0..<Int.random(in: 0...12, using: &rng)).map { _ in interesting.randomElement(using: &rng)! }
            let pieces = stream(bytes)
            #expect(pieces.joined() == String(decoding: bytes, as: UTF8.self), "\(bytes)")
        }
    }

    @Test func invalidBytesAreNotHeldBack() {
        var detokenizer = StreamingDetokenizer(tokenizer: byteTokenizer)
        #expect(detokenizer.push(0xFF) == "\u{FFFD}")
        #expect(detokenizer.push(0xE0) == "")
        #expect(detokenizer.push(0x80) == "\u{FFFD}\u{FFFD}")  // E0 80 can never become valid
        #expect(detokenizer.push(0xF0) == "")
        #expect(detokenizer.flush() == "\u{FFFD}")
    }

    @Test func controlTokensEmitTheirText() {
        var detokenizer = StreamingDetokenizer(tokenizer: byteTokenizer)
        #expect(detokenizer.push(0x68) == "h")
        #expect(detokenizer.push(256) == "<|end|>")
    }
}
