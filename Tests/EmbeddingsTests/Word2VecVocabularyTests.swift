@testable import Embeddings
import Foundation
import Testing

/// Vocabulary, subsampling and noise-table formulas against values computed by hand from gensim's definitions.
@Suite("Word2Vec vocabulary")
struct Word2VecVocabularyTests {
    @Test func minCountAndGensimOrdering() {
        let corpus = TokenCorpus(lines: [
            ["the", "cat", "the", "rare"], ["dog", "the", "cat", "dog"], ["the", "cat", "dog", "the"],
        ])
        let vocabulary = Word2VecVocabulary(corpus: corpus, minCount: 2, sample: 0)
        // the ×5; cat and dog ×3 each — gensim puts the later-seen word first on ties; rare ×1 is dropped.
        #expect(vocabulary.words == ["the", "dog", "cat"])
        #expect(vocabulary.counts == [5, 3, 3])
        #expect(vocabulary.retainedTotal == 11)
        #expect(vocabulary.sampleThresholds == [UInt32.max, UInt32.max, UInt32.max])
        let (ids, starts) = Word2VecTrainer.encode(corpus, vocabulary: vocabulary, maxSentenceLength: 3)
        // Lines cut into pieces of 3 raw tokens before out-of-vocabulary words are removed.
        #expect(ids == [0, 2, 0, 1, 0, 2, 1, 0, 2, 1, 0])
        #expect(starts == [0, 3, 6, 7, 10, 11])
    }

    @Test func subsamplingFormulas() {
        #expect(Word2VecVocabulary.subsamplingThreshold(sample: 1e-3, retainedTotal: 100_000) == 100)
        #expect(Word2VecVocabulary.subsamplingThreshold(sample: 5, retainedTotal: 100_000) == 13)  // ⌊5·2.618…⌋
        #expect(Word2VecVocabulary.subsamplingThreshold(sample: 0, retainedTotal: 777) == 777)
        // (√(1000/100) + 1)·(100/1000) = 0.41622776601683803 (NumPy)
        #expect(abs(Word2VecVocabulary.keepProbability(count: 1000, threshold: 100) - 0.41622776601683803) < 1e-15)
        #expect(Word2VecVocabulary.keepProbability(count: 50, threshold: 100) == 1)
        #expect(Word2VecVocabulary.sampleInt(keepProbability: 0.5) == 2_147_483_647)
        #expect(Word2VecVocabulary.sampleInt(keepProbability: 1) == 4_294_967_295)
        // NumPy: np.uint32(0.41622776601683803 * (2**32 - 1)) == 1787684642
        #expect(Word2VecVocabulary.sampleInt(keepProbability: 0.41622776601683803) == 1_787_684_642)
        let corpus = TokenCorpus(lines: [Array(repeating: "a", count: 90) + Array(repeating: "b", count: 10)])
        let vocabulary = Word2VecVocabulary(corpus: corpus, minCount: 1, sample: 0.01)
        // threshold 0.01·100 = 1; p(a) = (√90 + 1)/90, p(b) = (√10 + 1)/10
        #expect(vocabulary.threshold == 1)
        #expect(vocabulary.sampleThresholds[0] == Word2VecVocabulary.sampleInt(keepProbability: (90.0.squareRoot() + 1) * (1.0 / 90)))
        #expect(abs(vocabulary.expectedRetainedAfterSampling - ((90.0.squareRoot() + 1) + (10.0.squareRoot() + 1))) < 1e-9)
    }

    @Test func noiseTableMatchesGensimAndBisection() {
        let noise = NoiseDistribution(counts: [16, 1], exponent: 0.75)
        // 16^0.75 = 8, 1^0.75 = 1: cum = [round(8/9·(2³¹ − 1)) = round(1908874352.9), 2³¹ − 1]
        #expect(noise.cumulative == [1_908_874_353, 2_147_483_647])

        // A small vocabulary (more guide entries than words) and a Zipf-like large one (many words per entry).
        for counts in [(0 ..< 500).map { 1 + (500 - $0) * (500 - $0) / 7 }, (1 ... 60_000).map { 5 + 3_000_000 / $0 }] {
            let big = NoiseDistribution(counts: counts, exponent: 0.75)
            var random = Word2VecRandom(seed: 12345)
            var hits = [Int](repeating: 0, count: counts.count)
            var mismatches = 0
            for _ in 0 ..< 20_000 {
                let x = UInt32(truncatingIfNeeded: random.high % UInt64(big.last))
                // bisect_left, written out here: first index whose entry is ≥ x
                var lo = 0, hi = big.cumulative.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if big.cumulative[mid] < x { lo = mid + 1 } else { hi = mid }
                }
                let expected = lo
                let got = big.sample(random)
                if got != expected { mismatches += 1 }
                hits[got] += 1
                random.step()
            }
            #expect(mismatches == 0)
            // The most frequent word is drawn most often (∝ count^0.75).
            #expect(hits[0] == hits.max())
        }
    }

    @Test func generatorIsGensimsLCG() {
        var random = Word2VecRandom(seed: 1)
        // state 1 → (1 >> 16) = 0, then state = 25214903917 + 11
        #expect(random.next32() == 0)
        #expect(random.state == 25_214_903_928)
        #expect(random.next32() == UInt32(truncatingIfNeeded: 25_214_903_928 >> 16))
    }

    @Test func sigmoidTable() {
        let table = SigmoidTable()
        for i in stride(from: 0, to: 1000, by: 37) {
            let x = (Double(i) / 1000 * 2 - 1) * 6
            #expect(abs(Double(table.values[i]) - 1 / (1 + exp(-x))) < 1e-6)
        }
        #expect(abs(table(0) - 0.5) < 0.01)
        #expect(table(5.99) > 0.997)
    }
}
