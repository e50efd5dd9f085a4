@testable import Embeddings
import Foundation
import Testing

/// Training on synthetic corpora whose answer is known: two clusters of words that only co-occur within their
/// cluster must end up closer to each other than to the other cluster.
@Suite("Word2Vec training")
struct Word2VecTrainerTests {
    static let clusterA = (0 ..< 8).map { "a\($0)" }
    static let clusterB = (0 ..< 8).map { "b\($0)" }

    static func clusteredCorpus(sentences: Int = 1200, seed: UInt64 = 3) -> TokenCorpus {
        var random = SeededRandom(seed: seed)
        var lines: [[String]] = []
        for s in 0 ..< sentences {
            let cluster = s % 2 == 0 ? clusterA : clusterB
            lines.append((0 ..< 8).map { _ in cluster[Int(random.next() % 8)] })
        }
        return TokenCorpus(lines: lines)
    }

    static func configuration(_ architecture: Word2VecConfiguration.Architecture, threads: Int = 1, seed: UInt64 = 7) -> Word2VecConfiguration {
        var c = Word2VecConfiguration()
        c.architecture = architecture
        c.dimension = 16
        c.window = 3
        c.minCount = 1
        c.epochs = 5
        c.sample = 0
        c.threads = threads
        c.seed = seed
        return c
    }

    /// Mean cosine within clusters minus mean cosine across them, and whether every word's nearest neighbour is in
    /// its own cluster.
    static func separation(_ space: VectorSpace) throws -> (margin: Double, neighboursOK: Bool) {
        var within = 0.0, across = 0.0, nw = 0, na = 0
        var ok = true
        let all = clusterA + clusterB
        for a in all {
            var best = -2.0, bestWord = ""
            for b in all where b != a {
                let c = Double(try space.similarity(a, b))
                if a.first == b.first { within += c; nw += 1 } else { across += c; na += 1 }
                if c > best { best = c; bestWord = b }
            }
            if bestWord.first != a.first { ok = false }
        }
        return (within / Double(nw) - across / Double(na), ok)
    }

    @Test(arguments: [Word2VecConfiguration.Architecture.skipGram, .cbow])
    func clustersSeparate(_ architecture: Word2VecConfiguration.Architecture) throws {
        let result = try Word2VecTrainer(configuration: Self.configuration(architecture)).train(Self.clusteredCorpus())
        #expect(result.space.name == (architecture == .skipGram ? "word2vec-sg" : "word2vec-cbow"))
        #expect(result.space.count == 16 && result.space.dimension == 16)
        let (margin, neighboursOK) = try Self.separation(result.space)
        #expect(margin > 0.5, "within − across cosine = \(margin)")
        #expect(neighboursOK)
        let s = result.statistics
        #expect(s.rawWords == 1200 * 8 * 5 && s.trainedWords == s.rawWords && s.effectiveWords == s.rawWords)
    }

    @Test func oneThreadIsBitReproducible() throws {
        let corpus = Self.clusteredCorpus(sentences: 400)
        for architecture in Word2VecConfiguration.Architecture.allCases {
            var config = Self.configuration(architecture)
            config.sample = 0.01  // exercise the subsampling draws too
            let first = try Word2VecTrainer(configuration: config).train(corpus)
            let second = try Word2VecTrainer(configuration: config).train(corpus)
            #expect(first.space.vectors == second.space.vectors)
            #expect(first.statistics.effectiveWords == second.statistics.effectiveWords)
            #expect(first.statistics.effectiveWords < first.statistics.trainedWords)
            config.seed = 8
            let other = try Word2VecTrainer(configuration: config).train(corpus)
            #expect(other.space.vectors != first.space.vectors)
        }
    }

    @Test func severalThreadsStillLearn() throws {
        let result = try Word2VecTrainer(configuration: Self.configuration(.cbow, threads: 3)).train(Self.clusteredCorpus())
        #expect(result.statistics.threads == 3)
        #expect(result.statistics.trainedWords == 1200 * 8 * 5)
        #expect(try Self.separation(result.space).margin > 0.5)
    }

    @Test func blocksAreDealtToThreadsInTurn() {
        // Sentences of 3, 4, 5, 6, 7, 8 words; blocks of at least 8 words.
        let starts = [0, 3, 7, 12, 18, 25, 33]
        let blocks = Word2VecTrainer.interleave(starts, parts: 2, blockWords: 8)
        // 3+4+5 = 12 ≥ 8 → 0..<3; 6+7 = 13 → 3..<5; 8 → 5..<6 (the rest)
        #expect(blocks == [[0 ..< 3, 5 ..< 6], [3 ..< 5]])
        // Every sentence exactly once, whatever the thread count.
        for parts in 1 ... 4 {
            let all = Word2VecTrainer.interleave(starts, parts: parts, blockWords: 8).flatMap { $0 }.flatMap { Array($0) }
            #expect(all.sorted() == Array(0 ..< 6))
        }
    }

    @Test func initialisationFollowsGensim4Range() {
        let count = 4000, d = 50
        let buffer = UnsafeMutablePointer<Float>.allocate(capacity: count)
        defer { buffer.deallocate() }
        Word2VecTrainer.initialise(buffer, count: count, dimension: d, seed: 1)
        let values = Array(UnsafeBufferPointer(start: buffer, count: count))
        #expect(values.allSatisfy { $0 >= -1 / Float(d) && $0 < 1 / Float(d) })
        #expect((values.max() ?? 0) > 0.9 / Float(d) && (values.min() ?? 0) < -0.9 / Float(d))
    }

    @Test func progressIsReportedAndAlphaDecays() throws {
        var reports: [TrainingProgress] = []
        var config = Self.configuration(.skipGram)
        config.epochs = 30
        _ = try Word2VecTrainer(configuration: config).train(Self.clusteredCorpus(), progressInterval: 0.001) { reports.append($0) }
        #expect(!reports.isEmpty)
        #expect(reports.last?.fraction == 1)
        if let alpha = reports.last?.alpha { #expect(alpha < 0.001) }
    }

    @Test func badSettingsAndEmptyVocabulariesThrow() {
        var config = Word2VecConfiguration()
        config.dimension = 0
        #expect(throws: EmbeddingError.invalid("word2vec: dimension must be 1…100000, got 0")) {
            _ = try Word2VecTrainer(configuration: config).train(TokenCorpus(lines: [["a"]]))
        }
        config = Word2VecConfiguration()
        config.minAlpha = 1
        #expect(throws: EmbeddingError.self) { _ = try Word2VecTrainer(configuration: config).train(TokenCorpus(lines: [["a"]])) }
        #expect(throws: EmbeddingError.self) {
            _ = try Word2VecTrainer(configuration: Word2VecConfiguration()).train(TokenCorpus(lines: [["only", "once"]]))
        }
    }
}
