import Foundation
import Testing

@testable import Embeddings

@Suite("Word-similarity data sets and benchmarks")
struct BenchmarkSimilarityTests {
    @Test func readsTheCommonLayouts() throws {
        let gensim = "# The SimLex-999 Test data\n# Word 1\tWord 2\tHuman (mean)\nold\tnew\t1.58\nsmart\tintelligent\t9.2\n"
        let a = try SimilarityDatasetReader.parse(Array(gensim.utf8), source: "s.txt", name: "simlex")
        #expect(a.pairs == [SimilarityPair(first: "old", second: "new", score: 1.58), SimilarityPair(first: "smart", second: "intelligent", score: 9.2)])
        let men = "sun sunlight 50.000000\r\nautomobile car 50.000000\r\n\r\n"
        #expect(try SimilarityDatasetReader.parse(Array(men.utf8), source: "m", name: "men").pairs.map(\.score) == [50, 50])
        let embeddix = "old\tnew\tA\t1.58\t2.72\t2.81\t2\t7.25\t1\t0.41\n"
        #expect(try SimilarityDatasetReader.parse(Array(embeddix.utf8), source: "e", name: "e").pairs[0].score == 1.58)
        let headed = "word1 word2 POS SimLex999\nold new A 1.58\n"
        #expect(try SimilarityDatasetReader.parse(Array(headed.utf8), source: "h", name: "h").pairs.count == 1)
    }

    @Test func malformedDataSets() {
        let cases: [(String, String)] = [
            ("", "no word pairs"), ("# only comments\n", "no word pairs"), ("a b\n", "d.txt:1:"),
            ("a b 1\nc d x\n", "d.txt:2:"), ("a b nan\n", "d.txt:1:"),
        ]
        for (text, fragment) in cases {
            do {
                _ = try SimilarityDatasetReader.parse(Array(text.utf8), source: "d.txt", name: "d")
                Issue.record("no error for \(text.debugDescription)")
            } catch {
                #expect(error.description.contains(fragment), "\(error.description)")
            }
        }
    }

    @Test func oovPairsAreDroppedAndCounted() throws {
        let space = try VectorSpace(name: "t", words: ["a", "b", "c", "D"], vectors: [1, 0, 0.8, 0.6, 0, 1, -1, 0.1], dimension: 2)
        let pairs = SimilarityPairs(name: "t", pairs: [
            SimilarityPair(first: "a", second: "b", score: 9), SimilarityPair(first: "a", second: "c", score: 1),
            SimilarityPair(first: "b", second: "c", score: 5), SimilarityPair(first: "a", second: "zzz", score: 3),
            SimilarityPair(first: "A", second: "d", score: 0),
        ])
        let exact = try SimilarityBenchmark.evaluate(space, on: pairs, caseInsensitive: false)
        #expect(exact.pairsUsed == 3 && exact.pairsTotal == 5)
        // cos: a–b 0.8, a–c 0, b–c 0.6 against 9, 1, 5: identical rankings.
        #expect(exact.spearman == 1)
        let folded = try SimilarityBenchmark.evaluate(space, on: pairs, caseInsensitive: true)
        #expect(folded.pairsUsed == 4)
    }

    /// Reference Spearman values of genuine GloVe 6B 50d (gensim `evaluate_word_pairs`, embeddings.md §7).
    @Test func gloveReproducesPublishedSpearman() throws {
        let space = try GloVeFixture.space()
        let expected = ["simlex999": (0.265, 999), "wordsim353": (0.503, 353), "men": (0.657, 3000)]
        let datasets = try SimilarityBenchmark.standard.map { try SimilarityBenchmark.load($0) }
        let results = try SimilarityBenchmark.evaluate(space, on: datasets)
        #expect(results.map(\.dataset) == ["simlex999", "wordsim353", "men"])
        for r in results {
            let (rho, pairs) = try #require(expected[r.dataset])
            #expect(r.pairsTotal == pairs && r.pairsUsed == pairs, "\(r.dataset)")
            #expect(abs(try #require(r.spearman) - rho) <= 0.005, "\(r.dataset): \(r.spearman ?? .nan)")
        }
    }
}
