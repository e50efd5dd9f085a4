import Assets
import Embeddings
import Foundation
import GGUF
import Testing

/// Token-embedding spaces of the real SmolLM2-135M-Instruct (its token_embd.weight is Q8_0), with rows
/// checked against a Q8_0 dequantisation written here from the block layout (f16 scale, 32 int8 values).
@Suite struct TokenEmbeddingSpaceTests {
    static let path: String? = try? AssetStore().primaryFile("smollm2").path
    static let space: TokenEmbeddingSpace? = path.flatMap { try? TokenEmbeddingSpace(path: $0, modelName: "smollm2") }

    /// Row `id` of token_embd.weight, dequantised independently of the engine.
    static func referenceRow(_ id: Int32) throws -> [Float] {
        let file = try GGUFFile(path: try #require(path))
        let info = try file.requireTensor("token_embd.weight")
        let columns = Int(info.dimensions[0])
        #expect(info.type.name == "Q8_0")
        let bytes = file.data(for: info)
        let rowBytes = columns / 32 * 34
        var out: [Float] = []
        for b in 0 ..< columns / 32 {
            let block = Int(id) * rowBytes + b * 34
            let scale = Float(Float16(bitPattern: UInt16(bytes[block]) | UInt16(bytes[block + 1]) << 8))
            for k in 0 ..< 32 { out.append(scale * Float(Int8(bitPattern: bytes[block + 2 + k]))) }
        }
        return out
    }

    @Test func dignityMapsThroughTheTokenizer() throws {
        let space = try #require(Self.space)
        #expect(space.name == "tokens:smollm2")
        #expect(space.dimension == 576)
        let t = space.tokens(for: "dignity")
        let vectors = try space.vectors(words: ["dignity"])
        #expect(vectors.space.name == "tokens:smollm2")
        let v = try vectors.space.vector(for: "dignity")
        if t.ids.count == 1 {
            #expect(vectors.multiTokenWords.isEmpty)
            // The mid-sentence spelling is the GPT-2 byte form "Ġdignity" when it is one token.
            if t.leadingSpace { #expect(space.model.tokenizer.tokenText(t.ids[0]) == "Ġdignity") }
            #expect(v == (try Self.referenceRow(t.ids[0])))
        } else {
            #expect(vectors.multiTokenWords == ["dignity"])
            var mean = [Float](repeating: 0, count: 576)
            for id in t.ids { for (j, x) in try Self.referenceRow(id).enumerated() { mean[j] += x } }
            let expected = mean.map { $0 / Float(t.ids.count) }
            #expect(zip(v, expected).allSatisfy { abs($0 - $1) < 1e-6 })
        }
    }

    @Test func multiTokenWordsAreAveragedAndFlagged() throws {
        let space = try #require(Self.space)
        let word = "antidisestablishmentarianism"
        let t = space.tokens(for: word)
        #expect(t.ids.count > 1)
        // The chosen spelling is never longer than the other one.
        let other = space.model.tokenizer.encode(t.leadingSpace ? word : " " + word, parseSpecial: false)
        #expect(t.ids.count <= other.count)
        let result = try space.vectors(words: ["the", word])
        #expect(result.multiTokenWords == [word])
        #expect(result.tokens.map(\.word) == ["the", word])
        var mean = [Float](repeating: 0, count: space.dimension)
        for id in t.ids { for (j, x) in try Self.referenceRow(id).enumerated() { mean[j] += x } }
        let v = try result.space.vector(for: word)
        #expect(zip(v, mean).allSatisfy { abs($0 - $1 / Float(t.ids.count)) < 1e-6 })
        #expect(throws: EmbeddingError.self) { try space.vectors(words: [""]) }
    }

    @Test func vocabularySpaceHoldsAlphabeticWords() throws {
        let space = try #require(Self.space)
        let vocabulary = try space.vocabularySpace()
        #expect(vocabulary.count > 10_000)
        #expect(vocabulary.duplicates.isEmpty)
        #expect(vocabulary.words.allSatisfy { w in !w.hasPrefix(" ") && w.unicodeScalars.allSatisfy(\.properties.isAlphabetic) })
        #expect(vocabulary.contains("the") && vocabulary.contains("people"))
        #expect(!vocabulary.contains("<|im_start|>"))
        // "the" comes from the leading-space token " the" when both exist.
        let spacedThe = try #require(space.model.tokenizer.id(of: "Ġthe"))
        #expect(try vocabulary.vector(for: "the") == (try Self.referenceRow(spacedThe)))
    }
}
