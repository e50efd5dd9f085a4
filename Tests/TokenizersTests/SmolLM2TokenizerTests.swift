import GGUF
import Testing
import Tokenizers

/// The real SmolLM2 tokenizer against the verified vectors of engine.md §7 (HF tokenizers = llama.cpp output).
@Suite
struct SmolLM2TokenizerTests {
    static let vectors: [(String, [Int32])] = [
        ("Hello, we can use", [19556, 28, 392, 416, 722]),
        ("The capital of France is", [504, 3575, 282, 4649, 314]),
        ("Hello world! 123", [19556, 905, 17, 216, 33, 34, 35]),
        ("Café déjà vu.", [51, 1939, 2756, 32564, 90, 16739, 386, 101, 30]),
        ("  multiple   spaces", [216, 2701, 256, 5600]),
        ("don't stop 12345", [12420, 982, 2853, 216, 33, 34, 35, 36, 37]),
        ("东京 🙂 naïve", [7906, 246, 16736, 122, 47526, 15486, 46494]),
        ("a\n\n\nb   \n c", [81, 1116, 198, 82, 333, 198, 265]),
        ("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n", [1, 4093, 198, 26843, 2, 198, 1, 520, 9531, 198]),
        ("\n", [198]),
        (
            "You are a helpful AI assistant named SmolLM, trained by Hugging Face",
            [2683, 359, 253, 5356, 5646, 11173, 3365, 3511, 308, 34519, 28, 7018, 411, 407, 19712, 8182]
        ),
    ]

    @Test(arguments: 0..<vectors.count)
    func verifiedVector(_ index: Int) throws {
        let tokenizer = try SmolLM2Fixture.load().tokenizer
        let (text, expected) = Self.vectors[index]
        #expect(tokenizer.encode(text, parseSpecial: true) == expected)
        #expect(tokenizer.decode(expected) == text)
    }

    @Test func chatPromptFromEngineReference() throws {
        let tokenizer = try SmolLM2Fixture.load().tokenizer
        let prompt =
            "<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n"
            + "<|im_start|>user\nWhat is the capital of France?<|im_end|>\n<|im_start|>assistant\n"
        let expected: [Int32] = [
            1, 9690, 198, 2683, 359, 253, 5356, 5646, 11173, 3365, 3511, 308, 34519, 28, 7018, 411, 407, 19712, 8182, 2,
            198, 1, 4093, 198, 1780, 314, 260, 3575, 282, 4649, 47, 2, 198, 1, 520, 9531, 198,
        ]
        #expect(tokenizer.encode(prompt, parseSpecial: true) == expected)
    }

    @Test func metadataFacts() throws {
        let tokenizer = try SmolLM2Fixture.load().tokenizer
        #expect(tokenizer.vocabularySize == 49152)
        #expect(tokenizer.preTokenizer == .smollm)
        #expect(tokenizer.warnings.isEmpty)
        let special = tokenizer.specialTokens
        #expect(special.bos == 1 && special.eos == 2 && special.unk == 0 && special.pad == 2)
        #expect(special.eot == 2)
        #expect(!special.addBOS && !special.addEOS)
        #expect(tokenizer.tokenText(198) == "Ċ" && tokenizer.tokenText(216) == "Ġ" && tokenizer.tokenText(256) == "ĠĠ")
        #expect(tokenizer.tokenBytes(198) == [0x0A] && tokenizer.tokenBytes(256) == [0x20, 0x20])
        #expect((0...16).allSatisfy { tokenizer.isControl($0) } && !tokenizer.isControl(17))
        #expect(tokenizer.id(of: "<|im_end|>") == 2)
        #expect(tokenizer.tokenBytes(2) == Array("<|im_end|>".utf8))
    }

    @Test func specialTextWithoutParseSpecialIsPlainText() throws {
        let tokenizer = try SmolLM2Fixture.load().tokenizer
        let text = "<|im_start|>user"
        let plain = tokenizer.encode(text, parseSpecial: false)
        #expect(!plain.contains(1))
        #expect(plain.allSatisfy { !tokenizer.isControl($0) })
        #expect(tokenizer.decode(plain) == text)
        #expect(tokenizer.encode(text, parseSpecial: true).first == 1)
    }

    static let hardStrings: [String] = [
        "Café déjà vu — naïve résumé, façade, Ångström, Øresund",
        "emoji 🙂👍🏽👨‍👩‍👧‍👦 🇫🇷 and ❤️",
        "東京都の天気は晴れです。中文测试，한국어 텍스트",
        "   leading and trailing spaces   ",
        "tabs\tand\t\ttabs\n\n\nnewlines\r\nCRLF\r\n\r\n",
        "digits 0 1 12 123 1234 3.14159 1,000,000 ٣٤٥ ²³",
        "func f(x: Int) -> Int {\n    if x > 0 {\n        return x * 2\n    }\n    return -x\n}\n",
        "def g():\n\treturn {'a': [1, 2], \"b\": None}  # comment\n",
        "It's, we're, they've, I'm, you'll, he'd, DON'T, O'Neil ''quoted''",
        "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi!<|im_end|>\n",
        "mixed <|im_end|> inside <|endoftext|> text <|im_start",
        "\u{00A0}non-breaking\u{2003}em-space\u{3000}ideographic space",
        "a\u{0301}e\u{0300} combining marks, Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇",
        "",
        " ",
        "\n",
        "x",
    ]

    @Test(arguments: hardStrings)
    func roundTrip(_ text: String) throws {
        let tokenizer = try SmolLM2Fixture.load().tokenizer
        for parseSpecial in [false, true] {
            let ids = tokenizer.encode(text, parseSpecial: parseSpecial)
            #expect(ids.allSatisfy { $0 >= 0 && Int($0) < tokenizer.vocabularySize })
            #expect(tokenizer.decode(ids) == text, "parseSpecial \(parseSpecial)")
        }
    }

    @Test func streamingMatchesDecode() throws {
        let tokenizer = try SmolLM2Fixture.load().tokenizer
        for text in Self.hardStrings {
            let ids = tokenizer.encode(text, parseSpecial: true)
            var stream = StreamingDetokenizer(tokenizer: tokenizer)
            var pieces: [String] = []
            for id in ids { pieces.append(stream.push(id)) }
            pieces.append(stream.flush())
            #expect(pieces.joined() == text)
            #expect(pieces.allSatisfy { !$0.unicodeScalars.contains("\u{FFFD}") })
        }
    }

    @Test func makeTokenizerPicksByteLevel() throws {
        let loaded = try SmolLM2Fixture.load()
        let tokenizer = try makeTokenizer(from: loaded.file)
        #expect(tokenizer is ByteLevelBPETokenizer)
        #expect(tokenizer.encode("Hello, we can use", parseSpecial: false) == [19556, 28, 392, 416, 722])
    }
}
