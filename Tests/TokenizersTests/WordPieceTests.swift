import Testing
import Tokenizers

/// WordPiece on a small vocabulary; expected ids worked out by hand from the BERT rules (engine.md §8).
struct WordPieceTests {
    static let vocabulary = [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "hello", "world", ",", "!", "un",  // 0–9
        "##believ", "##able", "##ly", "cafe", "東", "京", "a", "##a", "'", "t",  // 10–19
        "don", "##b", "is", "big",  // 20–23
    ]

    let tokenizer: WordPieceTokenizer

    init() throws {
        tokenizer = try WordPieceTokenizer(vocabText: Self.vocabulary.joined(separator: "\n") + "\n")
    }

    @Test func specialIdsFromTheVocabulary() {
        let special = tokenizer.specialTokens
        #expect(special.bos == 2 && special.eos == 3 && special.unk == 1 && special.pad == 0)
        #expect(tokenizer.vocabularySize == Self.vocabulary.count)
        #expect(tokenizer.isControl(2) && tokenizer.isControl(4) && !tokenizer.isControl(1) && !tokenizer.isControl(5))
    }

    @Test func punctuationAndCaseAndClsSep() {
        #expect(tokenizer.encode("Hello, World!", addSpecialTokens: true) == [2, 5, 7, 6, 8, 3])
        #expect(tokenizer.encode("  hello\tworld\n", addSpecialTokens: false) == [5, 6])
    }

    @Test func greedyLongestMatchFirst() {
        // un + ##believ, then "ably": no ##ably/##abl/##ab, so ##a, then ##b, then ##ly.
        #expect(tokenizer.encode("unbelievably", addSpecialTokens: false) == [9, 10, 17, 21, 12])
        // A word with an unmatchable part is a single [UNK].
        #expect(tokenizer.encode("helloxyz hello", addSpecialTokens: false) == [1, 5])
    }

    @Test func normalization() {
        #expect(tokenizer.encode("CAFÉ", addSpecialTokens: false) == [13])
        #expect(tokenizer.encode("東京 is big", addSpecialTokens: false) == [14, 15, 22, 23])
        #expect(tokenizer.encode("don't", addSpecialTokens: false) == [20, 18, 19])
        #expect(tokenizer.encode("hel\u{0}lo wor\u{200B}ld\u{FFFD}", addSpecialTokens: false) == [5, 6])
    }

    @Test func maxInputCharsPerWord() {
        let hundred = String(repeating: "a", count: 100)
        #expect(tokenizer.encode(hundred, addSpecialTokens: false) == [16] + [Int32](repeating: 17, count: 99))
        #expect(tokenizer.encode(hundred + "a", addSpecialTokens: false) == [1])
    }

    @Test func truncationKeepsClsAndSep() {
        #expect(tokenizer.encode("hello world hello", addSpecialTokens: true, maxLength: 4) == [2, 5, 6, 3])
        #expect(tokenizer.encode("hello world hello", addSpecialTokens: false, maxLength: 2) == [5, 6])
        #expect(tokenizer.encode("hello", addSpecialTokens: true, maxLength: 1) == [2, 3])
    }

    @Test func specialTokenText() {
        #expect(tokenizer.encode("[MASK] hello", parseSpecial: true) == [4, 5])
        #expect(tokenizer.encode("[MASK] hello", parseSpecial: false) == [1, 1, 1, 5])
    }

    @Test func decodeJoinsContinuations() {
        #expect(tokenizer.decode([9, 10, 17, 21, 12, 6]) == "unbelievably world")
        #expect(tokenizer.decode([2, 5, 3]) == "[CLS] hello [SEP]")
        #expect(tokenizer.tokenBytes(10) == Array("believ".utf8) && tokenizer.tokenText(10) == "##believ")
    }

    @Test func vocabularyErrors() {
        #expect(throws: TokenizerError.self) { try WordPieceTokenizer(vocabulary: ["a", "b"]) }
        #expect(throws: TokenizerError.self) { try WordPieceTokenizer(vocabulary: []) }
        #expect(throws: TokenizerError.self) { try WordPieceTokenizer(vocabFile: "/nonexistent/vocab.txt") }
    }

    @Test func normalizerMatchesHFRules() {
        let normalizer = BertNormalizer()
        // Accents stripped before lowercasing; İ → I + U+0307 → I → i. Unassigned code points are kept.
        #expect(normalizer.normalize("Straße İstanbul ΣΑΣ Å") == "straße istanbul σασ a")
        #expect(normalizer.normalize("a\u{3000}b\u{85}c\u{E000}d\u{378}") == "a bcd\u{378}")
        #expect(normalizer.normalize("x東y") == "x 東 y")
        #expect(BertNormalizer(lowercase: false).normalize("Café") == "Café")
    }
}
