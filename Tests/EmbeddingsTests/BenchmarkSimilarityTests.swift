import Foundation
import Lexicon
import Testing

@testable import Embeddings

@Suite("Word-similarity benchmarks")
struct BenchmarkSimilarityTests {
    @Test func oovPairsAreDroppedAndCounted() throws {
        let space = try VectorSpace(name: "t", words: ["a", "b", "c", "D"], vectors: [1, 0, 0.8, 0.6, 0, 1, -1, 0.1], dimension: 2)
        let pairs = SimilarityDataset(name: "t", pairs: [("a", "b", 9), ("a", "c", 1), ("b", "c", 5), ("a", "zzz", 3), ("A", "d", 0)],
                                      scale: 0 ... 10, path: "t")
        let exact = try SimilarityBenchmark.evaluate(space, on: pairs, caseInsensitive: false)
        #expect(exact.pairsUsed == 3 && exact.pairsTotal == 5)
        // cos: a–b 0.8, a–c 0, b–c 0.6 against 9, 1, 5: identical rankings.
        #expect(exact.spearman == 1)
        #expect(try SimilarityBenchmark.evaluate(space, on: pairs, caseInsensitive: true).pairsUsed == 4)
        // Restricted to the first 2 rows only a–b survives.
        #expect(try SimilarityBenchmark.evaluate(space, on: pairs, restrictVocabulary: 2).pairsUsed == 1)
    }

    /// Reference values of genuine GloVe 6B 50d (gensim `evaluate_word_pairs`, case-insensitive, whole
    /// vocabulary; embeddings.md §7): Spearman within 0.005 and the OOV shares (RW 12.4 %, the others 0 %).
    @Test func gloveReproducesPublishedSpearman() throws {
        let space = try GloVeFixture.space()
        let expected: [String: (rho: Double, pairs: Int, oov: Double)] = [
            "simlex999": (0.265, 999, 0), "wordsim353": (0.503, 353, 0), "men": (0.657, 3000, 0),
            "rw": (0.340, 2034, 0.124), "rg65": (0.595, 65, 0), "mturk287": (0.619, 287, 0),
        ]
        let names = ["simlex999", "wordsim353", "men", "rw", "rg65", "mturk287"]
        let datasets = try names.map { try SimilarityDatasets.load($0) }
        let results = try SimilarityBenchmark.evaluate(space, on: datasets)
        #expect(results.map(\.dataset) == names)
        for r in results {
            let e = try #require(expected[r.dataset])
            #expect(r.pairsTotal == e.pairs, "\(r.dataset)")
            #expect(abs(r.oovFraction - e.oov) < 0.0006, "\(r.dataset): OOV \(r.oovFraction)")
            #expect(abs(try #require(r.spearman) - e.rho) <= 0.005, "\(r.dataset): \(r.spearman ?? .nan)")
        }
        // gensim's default restrict_vocab of 300,000 rows loses words: RW 381 pairs, SimLex one.
        let restricted = try SimilarityBenchmark.evaluate(space, on: [datasets[0], datasets[3]], restrictVocabulary: 300_000)
        #expect(restricted[0].pairsUsed < 999 && restricted[1].pairsUsed < results[3].pairsUsed)
    }
}
