import GGUF
import Testing
import Tokenizers

/// Building tokenizers from in-memory GGUF files, and the one-line errors for bad metadata.
struct GGUFTokenizerLoadingTests {
    static let byteTokens = (0...255).map { String(gpt2Character(UInt8($0))) }

    static func gpt2Writer() -> GGUFWriter {
        var writer = GGUFWriter()
        let tokens = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"] + byteTokens + ["ab"]
        writer.metadata["general.architecture"] = .string("llama")
        writer.metadata["tokenizer.ggml.model"] = .string("gpt2")
        writer.metadata["tokenizer.ggml.pre"] = .string("smollm")
        writer.metadata["tokenizer.ggml.tokens"] = .array(.strings(tokens))
        writer.metadata["tokenizer.ggml.token_type"] = .array(.integers(.int32, [3, 3, 3] + [Int64](repeating: 1, count: 257)))
        writer.metadata["tokenizer.ggml.merges"] = .array(.strings(["a b"]))
        writer.metadata["tokenizer.ggml.bos_token_id"] = .uint32(1)
        writer.metadata["tokenizer.ggml.eos_token_id"] = .uint32(2)
        writer.metadata["tokenizer.ggml.unknown_token_id"] = .uint32(0)
        writer.metadata["tokenizer.ggml.padding_token_id"] = .uint32(2)
        writer.metadata["tokenizer.ggml.add_bos_token"] = .bool(false)
        return writer
    }

    static func load(_ writer: GGUFWriter) throws -> any Tokenizer {
        try makeTokenizer(from: try GGUFFile(bytes: writer.bytes(), name: "test.gguf"))
    }

    @Test func byteLevelFromGGUF() throws {
        let tokenizer = try Self.load(Self.gpt2Writer())
        let bpe = try #require(tokenizer as? ByteLevelBPETokenizer)
        #expect(bpe.preTokenizer == .smollm)
        #expect(tokenizer.specialTokens == SpecialTokens(bos: 1, eos: 2, eot: 2, unk: 0, pad: 2, addBOS: false, addEOS: false))
        // "ab" merges to id 259; byte 'a' is id 3 + 0x61.
        #expect(tokenizer.encode("<|im_start|>ab a", parseSpecial: true) == [1, 259, 3 + 0x20, 3 + 0x61])
    }

    @Test func sentencePieceFromGGUFWithDefaults() throws {
        var writer = GGUFWriter()
        writer.metadata["tokenizer.ggml.model"] = .string("llama")
        writer.metadata["tokenizer.ggml.tokens"] = .array(.strings(["<unk>", "<s>", "</s>", "▁", "h", "i", "▁h", "▁hi"]))
        writer.metadata["tokenizer.ggml.scores"] = .array(.floats([0, 0, 0, -1, -2, -2, -3, -4]))
        writer.metadata["tokenizer.ggml.token_type"] = .array(.integers(.int32, [2, 3, 3, 1, 1, 1, 1, 1]))
        let tokenizer = try Self.load(writer)
        #expect(tokenizer is SentencePieceBPETokenizer)
        #expect(tokenizer.specialTokens == SpecialTokens(bos: 1, eos: 2, unk: 0, addBOS: true))
        #expect(tokenizer.encode("hi", addSpecialTokens: true, parseSpecial: false) == [1, 7])
        #expect(tokenizer.decode([1, 7]) == "<s>hi")
    }

    @Test func errorsNameTheKey() throws {
        var missingTokens = Self.gpt2Writer()
        missingTokens.metadata["tokenizer.ggml.tokens"] = nil
        var wrongType = Self.gpt2Writer()
        wrongType.metadata["tokenizer.ggml.tokens"] = .array(.integers(.int32, [1, 2]))
        var badBOS = Self.gpt2Writer()
        badBOS.metadata["tokenizer.ggml.bos_token_id"] = .uint32(100_000)
        var noMerges = Self.gpt2Writer()
        noMerges.metadata["tokenizer.ggml.merges"] = nil
        var shortTypes = Self.gpt2Writer()
        shortTypes.metadata["tokenizer.ggml.token_type"] = .array(.integers(.int32, [1]))
        var unknownModel = Self.gpt2Writer()
        unknownModel.metadata["tokenizer.ggml.model"] = .string("rwkv")
        var noModel = Self.gpt2Writer()
        noModel.metadata["tokenizer.ggml.model"] = nil

        let cases: [(GGUFWriter, String)] = [
            (missingTokens, "tokenizer.ggml.tokens"), (wrongType, "tokenizer.ggml.tokens"),
            (badBOS, "tokenizer.ggml.bos_token_id"), (noMerges, "tokenizer.ggml.merges"),
            (shortTypes, "tokenizer.ggml.token_type"), (unknownModel, "rwkv"), (noModel, "tokenizer.ggml.model"),
        ]
        for (writer, key) in cases {
            do {
                _ = try Self.load(writer)
                Issue.record("expected an error mentioning \(key)")
            } catch let error as TokenizerError {
                #expect(error.description.contains(key))
                #expect(error.description.contains("test.gguf"))
                #expect(!error.description.contains("\n"))
            }
        }
    }

    @Test func unknownPreTokenizerFallsBackWithWarning() throws {
        var writer = Self.gpt2Writer()
        writer.metadata["tokenizer.ggml.pre"] = .string("future-model")
        let bpe = try #require(try Self.load(writer) as? ByteLevelBPETokenizer)
        #expect(bpe.preTokenizer == .gpt2)
        #expect(bpe.warnings.contains { $0.contains("future-model") })
    }
}
