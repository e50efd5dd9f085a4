import Foundation
import Synchronization

/// Trains word2vec (skip-gram or CBOW with negative sampling) as gensim 4 / word2vec.c do, on raw threads.
///
/// Faithful to gensim: vocabulary (min count, descending-count order), subsampling keep-probabilities and their
/// 32-bit thresholds, the count^0.75 cumulative noise table sampled with the 48-bit LCG, shrinking windows, skip-gram
/// predicting the centre word from each context word, CBOW with the mean of the context, the 1000-entry sigmoid
/// table with saturated predictions skipped, linear learning-rate decay to `minAlpha`, `syn1neg` starting at zero.
/// Differences: the input vectors start uniform in [−1/d, 1/d) like gensim 4 but drawn from ``SeededRandom`` (not
/// NumPy's PCG64), so numbers differ from gensim's while following the same distribution; the corpus is cut into
/// 10,000-word blocks dealt to the threads in turn (gensim's jobs, without a queue), each thread runs all epochs
/// over its blocks without waiting for the others, and the learning rate follows the words processed by all
/// threads together (word2vec.c's schedule).
///
/// Determinism: with one thread a seed gives bit-identical vectors. With N threads the result depends on how the
/// lock-free (Hogwild) updates interleave, as in gensim and word2vec.c, so runs differ slightly.
public struct Word2VecTrainer: Sendable {
    public var configuration: Word2VecConfiguration

    public init(configuration: Word2VecConfiguration = Word2VecConfiguration()) {
        self.configuration = configuration
    }

    /// Trains on `corpus` and returns the input vectors.
    /// - Parameters:
    ///   - progressInterval: seconds between progress reports.
    ///   - progress: called on the calling thread during training.
    public func train(_ corpus: TokenCorpus, progressInterval: Double = 1,
                      progress: ((TrainingProgress) -> Void)? = nil) throws(EmbeddingError) -> Word2VecResult {
        let config = configuration
        try config.validate()
        let clock = ContinuousClock()
        let started = clock.now

        let vocabulary = Word2VecVocabulary(corpus: corpus, minCount: config.minCount, sample: config.sample)
        guard vocabulary.count > 0 else {
            throw .invalid("word2vec: no word occurs at least \(config.minCount) times in the corpus (\(corpus.tokenCount) tokens)")
        }
        let (ids, sentenceStarts) = Self.encode(corpus, vocabulary: vocabulary, maxSentenceLength: config.maxSentenceLength)
        let buffers = Word2VecBuffers(dimension: config.dimension, vocabulary: vocabulary, ids: ids,
                                      sentenceStarts: sentenceStarts,
                                      noise: NoiseDistribution(counts: vocabulary.counts, exponent: config.nsExponent),
                                      sigmoid: SigmoidTable())
        Self.initialise(buffers.syn0, count: vocabulary.count * config.dimension, dimension: config.dimension, seed: config.seed)
        buffers.alphaBits.store(Float(config.alpha).bitPattern, ordering: .relaxed)

        let threads = max(1, min(config.threads, buffers.sentenceCount))
        let ranges = Self.interleave(sentenceStarts, parts: threads)
        var seeder = SeededRandom(seed: config.seed ^ 0x5DEE_CE66_D1CE_5EED)
        let seeds = (0 ..< threads).map { _ in seeder.next() }
        let prepared = clock.now
        let cpuStart = ProcessCPUTime.now()
        let total = Double(max(1, config.epochs * ids.count))

        let workers = (0 ..< threads).map {
            Word2VecWorker(buffers: buffers, configuration: config, blocks: ranges[$0], seed: seeds[$0], wordsPerEpoch: ids.count)
        }
        ThreadRunner.run(threads, interval: progressInterval, poll: {
            guard let progress else { return }
            let done = Double(buffers.processed.load(ordering: .relaxed))
            let elapsed = Self.seconds(clock.now - prepared)
            let rate = elapsed > 0 ? done / elapsed : 0
            progress(TrainingProgress(
                phase: "training", fraction: min(1, done / total), elapsed: elapsed,
                remaining: rate > 0 ? max(0, (total - done) / rate) : nil, wordsPerSecond: rate,
                alpha: Double(Float(bitPattern: buffers.alphaBits.load(ordering: .relaxed)))))
        }) { i in
            workers[i].run()
        }
        let finished = clock.now
        let cpuSeconds = ProcessCPUTime.now() - cpuStart

        let vectors = Array(UnsafeBufferPointer(start: buffers.syn0, count: vocabulary.count * config.dimension))
        let name = config.architecture == .skipGram ? "word2vec-sg" : "word2vec-cbow"
        let space = try VectorSpace(name: name, words: vocabulary.words, vectors: vectors, dimension: config.dimension)
        let statistics = Word2VecStatistics(
            rawWords: corpus.tokenCount * config.epochs,
            trainedWords: buffers.processed.load(ordering: .relaxed),
            effectiveWords: buffers.effective.load(ordering: .relaxed),
            seconds: Self.seconds(finished - prepared),
            preparationSeconds: Self.seconds(prepared - started), cpuSeconds: cpuSeconds,
            vocabularySize: vocabulary.count, threads: threads)
        return Word2VecResult(space: space, counts: vocabulary.counts, statistics: statistics)
    }

    /// The corpus as vocabulary rows without dropped words; lines longer than `maxSentenceLength` raw tokens are
    /// cut into pieces first (as gensim chunks them), and pieces left empty are skipped.
    static func encode(_ corpus: TokenCorpus, vocabulary: Word2VecVocabulary, maxSentenceLength: Int) -> ([Int32], [Int]) {
        var ids: [Int32] = []
        ids.reserveCapacity(corpus.tokenCount)
        var starts: [Int] = [0]
        let rowOf = vocabulary.rowOfCorpusWord
        corpus.tokens.withUnsafeBufferPointer { tokens in
            for line in 0 ..< corpus.lineCount {
                var p = corpus.lineStarts[line]
                let end = corpus.lineStarts[line + 1]
                while p < end {
                    let pieceEnd = min(end, p + maxSentenceLength)
                    for q in p ..< pieceEnd {
                        let row = rowOf[Int(tokens[q])]
                        if row >= 0 { ids.append(row) }
                    }
                    if ids.count > starts[starts.count - 1] { starts.append(ids.count) }
                    p = pieceEnd
                }
            }
        }
        return (ids, starts)
    }

    /// gensim 4's initialisation: uniform in [−1/d, 1/d), row by row from one seeded generator.
    static func initialise(_ syn0: UnsafeMutablePointer<Float>, count: Int, dimension: Int, seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let scale = 1 / Float(dimension)
        for i in 0 ..< count { syn0[i] = (random.nextUnitFloat() * 2 - 1) * scale }
    }

    /// Blocks of whole sentences holding at least `blockWords` words (the last may hold fewer), dealt to the
    /// threads in turn — gensim's 10,000-word jobs, assigned round-robin instead of from a queue so that the
    /// split does not depend on timing. Every thread thus moves through the corpus in order, as one thread would.
    static func interleave(_ starts: [Int], parts: Int, blockWords: Int = 10_000) -> [[Range<Int>]] {
        var out = [[Range<Int>]](repeating: [], count: max(1, parts))
        var begin = 0, k = 0
        let sentences = starts.count - 1
        while begin < sentences {
            var end = begin + 1
            while end < sentences && starts[end] - starts[begin] < blockWords { end += 1 }
            out[k % out.count].append(begin ..< end)
            k += 1
            begin = end
        }
        return out
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
