import Embeddings
import Foundation
import Testing

/// The Swift encoder against vectors that sentence-transformers (PyTorch) computed for the same texts
/// (scripts/dev/minilm_reference.py), and its own invariants.
@Suite(.serialized)
struct MiniLMEncoderTests {
    @Test func matchesSentenceTransformers() throws {
        let encoder = try #require(MiniLMFixture.encoder)
        let cases = MiniLMReferenceVectors.cases
        let vectors = try encoder.encode(cases.map(\.text))
        for (k, c) in cases.enumerated() {
            #expect(encoder.tokenize(c.text).count == c.tokenCount, "token count of case \(k)")
            #expect(vectors[k].count == 384)
            let cos = MiniLMFixture.cosine(vectors[k], c.vector)
            #expect(cos >= 0.9999, "case \(k) \(c.text.prefix(40)): cosine \(cos)")
            let maxDiff = zip(vectors[k], c.vector).map { abs($0 - $1) }.max() ?? 1
            #expect(maxDiff < 2e-3, "case \(k): largest component difference \(maxDiff)")
        }
    }

    @Test func vectorsAreUnitLength() throws {
        let encoder = try #require(MiniLMFixture.encoder)
        for v in try encoder.encode(["dignity", "", "A longer sentence about fairness and honesty."]) {
            let norm = v.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
            #expect(abs(norm - 1) < 1e-5)
        }
    }

    @Test func aSentenceAloneEqualsItInABatch() throws {
        let encoder = try #require(MiniLMFixture.encoder)
        let target = "Is it okay to lie to protect a friend?"
        let alone = try encoder.encode([target])[0]
        var batch = (0 ..< 40).map { "Filler sentence number \($0) with some words to vary the length \(String(repeating: "x ", count: $0))." }
        batch.insert(target, at: 17)
        let inBatch = try encoder.encode(batch)[17]
        // Every output of the GEMM kernel is one multiply-add chain over its own row: the same bits in any batch.
        #expect(alone == inBatch)
    }

    @Test func threadCountDoesNotChangeTheVectors() throws {
        let encoder = try #require(MiniLMFixture.encoder)
        let single = try SentenceEncoder(directory: encoder.directory, threads: 1)
        let texts = ["Honesty is the best policy.", "Should I help my neighbour?", "東京"]
        #expect(try single.encode(texts) == encoder.encode(texts))
    }

    @Test func truncatesAt256Tokens() throws {
        let encoder = try #require(MiniLMFixture.encoder)
        #expect(encoder.maxSequenceLength == 256)
        let words = (0 ..< 400).map { "word\($0 % 10)" }
        let long = words.joined(separator: " ")
        let ids = encoder.tokenize(long)
        #expect(ids.count == 256)
        #expect(ids.first == 101 && ids.last == 102)
        // Text beyond the 254th word-piece does not change the vector.
        let cut = encoder.tokenizer.decode(Array(ids[1 ..< 255]))
        let a = try encoder.encode([long, cut + " and then many more words that are cut off anyway " + long])
        #expect(MiniLMFixture.cosine(a[0], a[1]) >= 0.99999)
    }

    @Test func spaceOfWords() throws {
        let encoder = try #require(MiniLMFixture.encoder)
        let space = try encoder.space(words: ["dignity", "respect", "banana"])
        #expect(space.name == "minilm")
        #expect(space.dimension == 384)
        #expect(try space.similarity("dignity", "respect") > space.similarity("dignity", "banana"))
        let direct = try encoder.encode("respect")
        #expect(try space.vector(for: "respect") == direct)
    }
}
