import Synchronization

/// Memory shared by the training threads: the two weight matrices, the encoded corpus and the lookup tables,
/// as raw pointers, plus atomic word counters.
///
/// **Intentionally racy:** like word2vec.c and gensim (Hogwild!, Recht et al. 2011), threads read and write rows
/// of `syn0` and `syn1neg` without locks. Updates are sparse, so collisions are rare and only perturb training
/// slightly; the price is that runs with more than one thread are not bit-reproducible.
final class Word2VecBuffers: @unchecked Sendable {
    let dimension: Int
    let rows: Int
    let syn0: UnsafeMutablePointer<Float>
    let syn1neg: UnsafeMutablePointer<Float>
    /// Encoded corpus: vocabulary rows of in-vocabulary tokens.
    let ids: UnsafeMutablePointer<Int32>
    let idCount: Int
    /// Sentence `s` is `ids[sentenceStarts[s] ..< sentenceStarts[s + 1]]`.
    let sentenceStarts: UnsafeMutablePointer<Int>
    let sentenceCount: Int
    let sampleThresholds: UnsafeMutablePointer<UInt32>
    let cumulative: UnsafeMutablePointer<UInt32>
    let cumulativeLast: UInt64
    let guide: UnsafeMutablePointer<UInt32>
    let guideShift: UInt32
    let sigmoid: UnsafeMutablePointer<Float>

    /// In-vocabulary words read (before subsampling), summed over threads.
    let processed = Atomic<Int>(0)
    /// Words kept after subsampling.
    let effective = Atomic<Int>(0)
    /// Latest learning rate, as Float bits (for progress reports only).
    let alphaBits = Atomic<UInt32>(0)

    init(dimension: Int, vocabulary: Word2VecVocabulary, ids: [Int32], sentenceStarts: [Int],
         noise: NoiseDistribution, sigmoid: SigmoidTable) {
        self.dimension = dimension
        rows = vocabulary.count
        syn0 = .allocate(capacity: max(1, rows * dimension))
        syn1neg = .allocate(capacity: max(1, rows * dimension))
        syn1neg.initialize(repeating: 0, count: max(1, rows * dimension))
        syn0.initialize(repeating: 0, count: max(1, rows * dimension))
        self.ids = Self.copy(ids)
        idCount = ids.count
        self.sentenceStarts = Self.copy(sentenceStarts)
        sentenceCount = sentenceStarts.count - 1
        sampleThresholds = Self.copy(vocabulary.sampleThresholds)
        cumulative = Self.copy(noise.cumulative)
        cumulativeLast = UInt64(max(noise.last, 1))
        guide = Self.copy(noise.guide)
        guideShift = UInt32(noise.shift)
        self.sigmoid = Self.copy(sigmoid.values)
    }

    private static func copy<T>(_ array: [T]) -> UnsafeMutablePointer<T> {
        let p = UnsafeMutablePointer<T>.allocate(capacity: max(1, array.count))
        array.withUnsafeBufferPointer { b in
            if let base = b.baseAddress { p.initialize(from: base, count: b.count) }
        }
        return p
    }

    deinit {
        syn0.deallocate()
        syn1neg.deallocate()
        ids.deallocate()
        sentenceStarts.deallocate()
        sampleThresholds.deallocate()
        cumulative.deallocate()
        guide.deallocate()
        sigmoid.deallocate()
    }
}
