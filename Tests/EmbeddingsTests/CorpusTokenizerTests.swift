@testable import Embeddings
import Foundation
import Testing

/// The tokenizer against Foundation's regular-expression engine running the data inventory's pattern on the
/// lowercased text — an independent implementation of the same rule.
@Suite("Corpus tokenizer")
struct CorpusTokenizerTests {
    static func reference(_ text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: "[a-z]+(?:['-][a-z]+)*") else { return [] }
        let lower = text.lowercased()
        let ns = lower as NSString
        return regex.matches(in: lower, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
    }

    @Test func handPickedCases() {
        let text = "Don't STOP: well-being, rock-'n'-roll; x--y 'quoted' end- -start café naïve 3rd A1b2 it's-a-deal'"
        #expect(CorpusTokenizer.tokens(in: text) == ["don't", "stop", "well-being", "rock", "n", "roll", "x", "y",
                                                    "quoted", "end", "start", "caf", "na", "ve", "rd", "a", "b",
                                                    "it's-a-deal"])
        #expect(CorpusTokenizer.tokens(in: text) == Self.reference(text))
    }

    @Test func matchesTheRegularExpressionOnRandomText() {
        let alphabet = Array("abcXYZ'-  .\n\tÉéKİ’—0")
        var random = SeededRandom(seed: 42)
        for _ in 0 ..< 300 {
            let length = Int(random.next() % 60)
            let text = String((0 ..< length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            #expect(CorpusTokenizer.tokens(in: text) == Self.reference(text), "text: \(text.debugDescription)")
        }
    }

    @Test func kelvinSignLowercasesToAsciiK() {
        // U+212A KELVIN SIGN lowercases to 'k' (Python's str.lower() does the same).
        #expect(CorpusTokenizer.tokens(in: "\u{212A}ilo") == ["kilo"])
    }

    @Test func appendSeparatesWithSingleSpaces() {
        var out: [UInt8] = []
        #expect(CorpusTokenizer.appendTokens(of: "Hello,  World!", to: &out) == 2)
        out.append(0x0A)
        #expect(CorpusTokenizer.appendTokens(of: "...", to: &out) == 0)
        #expect(CorpusTokenizer.appendTokens(of: "again", to: &out) == 1)
        #expect(String(decoding: out, as: UTF8.self) == "hello world\nagain")
    }
}
