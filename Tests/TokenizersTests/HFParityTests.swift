import GGUF
import Testing
import Tokenizers

/// Ids from the Python `tokenizers` library (see scripts/dev/tokenizer_parity.py) on random hard strings.
struct HFParityTests {
    static func byteLevel(_ pre: BPEPreTokenizer) throws -> ByteLevelBPETokenizer {
        let metadata = try SmolLM2Fixture.load().file.metadata
        return try ByteLevelBPETokenizer(
            tokens: try metadata.stringArray("tokenizer.ggml.tokens"),
            tokenTypes: try metadata.intArray("tokenizer.ggml.token_type").map { TokenType(gguf: $0) },
            merges: try metadata.stringArray("tokenizer.ggml.merges"), preTokenizer: pre)
    }

    @Test(arguments: [BPEPreTokenizer.smollm, .gpt2, .llama3, .qwen2])
    func byteLevelMatchesHF(_ pre: BPEPreTokenizer) throws {
        let tokenizer = try Self.byteLevel(pre)
        let vectors: [(String, [Int32])]
        switch pre {
        case .smollm: vectors = HFParityVectors.smollm
        case .gpt2: vectors = HFParityVectors.gpt2
        case .llama3: vectors = HFParityVectors.llama3
        case .qwen2: vectors = HFParityVectors.qwen2
        }
        #expect(!vectors.isEmpty)
        for (text, expected) in vectors {
            #expect(tokenizer.encode(text, parseSpecial: true) == expected, "\(text.debugDescription)")
        }
    }

    @Test
    func wordPieceMatchesHF() throws {
        let tokenizer = try WordPieceTokenizer(vocabFile: try #require(MiniLMFixture.path))
        for (text, expected) in HFParityVectors.wordPiece {
            #expect(tokenizer.encode(text, addSpecialTokens: true) == expected, "\(text.debugDescription)")
        }
    }
}
