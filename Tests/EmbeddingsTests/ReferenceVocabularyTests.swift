@testable import Embeddings
import Foundation
import Testing

/// The fixed reference vocabulary of the `minilm` space and its on-disk cache: the word filter, GloVe's
/// frequency-ordered list, cache hits that return the very vectors the encoder computes, cache keys, and
/// neighbours over the vocabulary against a brute-force search on freshly encoded vectors.
@Suite(.serialized)
struct ReferenceVocabularyTests {
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vp-refvocab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func plainWordsKeepsLowercaseWordsInOrder() {
        let words = ["the", ",", "of", "'s", "1990", "well-being", "u.s.", "don't", "a", "-x", "x-", "Obama", "café", "dignity"]
        #expect(ReferenceVocabulary.plainWords(words, limit: 100) == ["the", "of", "well-being", "don't", "dignity"])
        #expect(ReferenceVocabulary.plainWords(words, limit: 2) == ["the", "of"])
        #expect(ReferenceVocabulary.plainWords([], limit: 5).isEmpty)
    }

    @Test func gloveTopIsTheFrequencyOrderedPlainVocabulary() throws {
        let vocabulary = try ReferenceVocabulary.gloveTop()
        let glove = try GloVeFixture.loaded.get()
        #expect(vocabulary.words.count == ReferenceVocabulary.defaultCount)
        #expect(vocabulary.name == "glove-top20000")
        // Independently: GloVe's own order, filtered by the same rule written as a regular expression.
        let rule = try Regex("^[a-z][a-z'-]*[a-z]$")
        let expected = glove.words.lazy.filter { $0.wholeMatch(of: rule) != nil }.prefix(ReferenceVocabulary.defaultCount)
        #expect(vocabulary.words == Array(expected))
        for word in ["dignity", "respect", "fairness", "honesty"] { #expect(vocabulary.words.contains(word), "\(word)") }
        #expect(Set(vocabulary.words).count == vocabulary.words.count)
    }

    @Test func hashFollowsTheWordsAndTheirOrder() {
        let a = ReferenceVocabulary(name: "t", words: ["care", "dignity"])
        #expect(a.hash == ReferenceVocabulary(name: "other", words: ["care", "dignity"]).hash)
        #expect(a.hash != ReferenceVocabulary(name: "t", words: ["dignity", "care"]).hash)
        #expect(a.hash != ReferenceVocabulary(name: "t", words: ["caredignity"]).hash)
        #expect(a.hash.count == 16)
    }

    @Test func cacheStoresWhatTheEncoderComputes() throws {
        let encoder = try #require(MiniLMFixture.encoder)
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = EncodedVocabularyCache(directory: directory)
        let vocabulary = ReferenceVocabulary(name: "test", words: ["justice", "fairness", "banana", "river", "well-being"])
        let first = try cache.space(encoder: encoder, vocabulary: vocabulary, name: "minilm")
        #expect(!first.cached)
        let file = try cache.file(for: encoder, vocabulary: vocabulary, name: "minilm")
        #expect(FileManager.default.fileExists(atPath: file.path))
        let second = try cache.space(encoder: encoder, vocabulary: vocabulary, name: "minilm")
        #expect(second.cached)
        #expect(second.space.words == vocabulary.words)
        let direct = try encoder.encode(vocabulary.words)
        for (k, word) in vocabulary.words.enumerated() {
            #expect(try second.space.vector(for: word) == direct[k], "\(word)")
        }
        // Another list gets another file; the fingerprint is stable.
        let other = ReferenceVocabulary(name: "test", words: ["justice"])
        #expect(try cache.file(for: encoder, vocabulary: other, name: "minilm") != file)
        #expect(try encoder.fingerprint() == encoder.fingerprint())
        // A damaged cache file is re-encoded, not trusted.
        try Data("not a vector file".utf8).write(to: file)
        let repaired = try cache.space(encoder: encoder, vocabulary: vocabulary, name: "minilm")
        #expect(!repaired.cached)
        #expect(try repaired.space.vector(for: "river") == direct[3])
    }

    @Test func neighboursComeFromTheReferenceVocabulary() throws {
        let encoder = try #require(MiniLMFixture.encoder)
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let glove = try GloVeFixture.loaded.get()
        let vocabulary = ReferenceVocabulary(name: "glove-top600", words: ReferenceVocabulary.plainWords(glove.words, limit: 600))
        let space = try BuiltinSpaces.referenceSpace(encoder: encoder, vocabulary: vocabulary, extra: ["dignity", "the"],
                                                     cache: EncodedVocabularyCache(directory: directory))
        // The vocabulary, then the requested and default value words it lacked, each once.
        #expect(Array(space.words.prefix(600)) == vocabulary.words)
        #expect(space.words.contains("dignity") && space.words.contains("solidarity"))
        #expect(Set(space.words).count == space.words.count)
        let found = try NeighborSearch(space: space, threads: 2).nearest(to: ["dignity"], k: 10)[0]
        // Brute force over vectors encoded afresh, in Double.
        let query = try encoder.encode("dignity")
        let all = try encoder.encode(space.words)
        let ranked = space.words.indices.filter { space.words[$0] != "dignity" }
            .map { (row: $0, cosine: MiniLMFixture.cosine(query, all[$0])) }
            .sorted { $0.cosine != $1.cosine ? $0.cosine > $1.cosine : $0.row < $1.row }
        #expect(found.count == 10)
        for (got, want) in zip(found, ranked) {
            #expect(abs(Double(got.cosine) - want.cosine) < 1e-5, "\(got.word) vs \(space.words[want.row])")
        }
        #expect(Set(found.map(\.word)) == Set(ranked.prefix(10).map { space.words[$0.row] }))
    }
}
