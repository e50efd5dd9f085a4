import Foundation
import Testing

@testable import Embeddings

@Suite("GloVe 6B 50d through the asset store")
struct FormatGloVeTests {
    @Test func loadsAllWordsAndVectors() throws {
        let space = try GloVeFixture.space()
        #expect(space.name == "glove-6b-50d")
        #expect(space.count == 400_000 && space.dimension == 50)
        #expect(space.duplicates.isEmpty)
        #expect(space.row(of: "the") == 0)
        #expect(Array(try space.vector(for: "the").prefix(3)) == [0.418, 0.24968, -0.41242])
        // Sample cosines from embeddings.md §7 (gensim on genuine glove.6B.50d).
        let pairs: [(String, String, Float)] = [("dignity", "respect", 0.816), ("honesty", "integrity", 0.772),
                                                ("freedom", "liberty", 0.708), ("fairness", "justice", 0.595),
                                                ("care", "compassion", 0.492), ("privacy", "autonomy", 0.276),
                                                ("dignity", "banana", 0.075)]
        for (a, b, expected) in pairs {
            #expect(abs(try space.similarity(a, b) - expected) < 0.0006, "\(a)–\(b)")
        }
    }

    @Test func valueWordsResolveInGloVe() throws {
        let space = try GloVeFixture.space()
        let words = ValueWords.resolve(ValueWords.default, in: space)
        #expect(words.count == ValueWords.default.count)
        #expect(words.contains("well-being"))
    }
}
