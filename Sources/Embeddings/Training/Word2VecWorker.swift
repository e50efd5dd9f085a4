import CKernels
import Synchronization

/// One training thread: runs every epoch over its own blocks of sentences (see
/// ``Word2VecTrainer/interleave(_:parts:blockWords:)``), reading and writing the shared weights without locks (see
/// ``Word2VecBuffers``). The per-thread 48-bit generator drives subsampling, window shrinking and negative draws in
/// the order gensim's `corpus_file` loop uses it (per sentence: subsampling draws, then window draws, then the
/// negatives of each pair).
struct Word2VecWorker {
    let buffers: Word2VecBuffers
    let configuration: Word2VecConfiguration
    /// Sentence ranges this thread trains on, in corpus order.
    let blocks: [Range<Int>]
    let seed: UInt64
    /// In-vocabulary words of one pass over the whole corpus (all threads), for the learning-rate schedule.
    let wordsPerEpoch: Int

    /// How often (in words read by this thread) the learning rate and the shared counters are updated.
    static let reportEvery = 10_000

    func run() {
        let b = buffers
        let d = b.dimension
        let dd = Int64(d)
        let window = configuration.window
        let negative = configuration.negative
        let useSample = configuration.sample > 0
        let shrink = configuration.shrinkWindows
        let skipGram = configuration.architecture == .skipGram
        let cbowMean = configuration.cbowMean
        let startAlpha = configuration.alpha
        let endAlpha = configuration.minAlpha
        let totalWords = Double(max(1, configuration.epochs * wordsPerEpoch))
        let maxSentence = configuration.maxSentenceLength

        let sentence = UnsafeMutablePointer<Int32>.allocate(capacity: maxSentence)
        let reduced = UnsafeMutablePointer<Int>.allocate(capacity: maxSentence)
        let work = UnsafeMutablePointer<Float>.allocate(capacity: d)
        let neu1 = UnsafeMutablePointer<Float>.allocate(capacity: d)
        defer { sentence.deallocate(); reduced.deallocate(); work.deallocate(); neu1.deallocate() }

        // The generator is Word2VecRandom's LCG, written out here so that it is inlined into the loop in every
        // build mode: next32 = bits 16…47 of the state, then state ← state·25214903917 + 11 mod 2⁴⁸.
        var state = Word2VecRandom(seed: seed).state
        let multiplier: UInt64 = 25_214_903_917
        let mask48: UInt64 = 0xFFFF_FFFF_FFFF
        let maxExp = SigmoidTable.maxExp
        let scale = SigmoidTable.scale
        let exactBit = NoiseDistribution.exactBit
        var alpha = Float(startAlpha)
        var sinceReport = 0
        var effectiveSinceReport = 0

        let syn0 = b.syn0
        let syn1neg = b.syn1neg
        let cumulative = b.cumulative
        let cumulativeLast = b.cumulativeLast
        let guide = b.guide
        let guideShift = b.guideShift
        let sigmoid = b.sigmoid
        let thresholds = b.sampleThresholds

        /// Negative sampling for input vector `l1` and centre word `word`; accumulates the input error in `work`
        /// (which the caller zeroes) and updates `syn1neg`.
        @inline(__always)
        func negativeSampling(_ l1: UnsafeMutablePointer<Float>, _ word: Int32, _ alpha: Float, _ state: inout UInt64) {
            for k in 0 ... negative {
                let target: Int32
                let label: Float
                if k == 0 {
                    target = word
                    label = 1
                } else {
                    // gensim: bisect_left(cum_table, (next_random >> 16) % cum_table[-1]) — see NoiseDistribution.
                    let x = UInt32(truncatingIfNeeded: (state >> 16) % cumulativeLast)
                    let bucket = Int(x >> guideShift)
                    let g = guide[bucket]
                    var i = Int(g & ~exactBit)
                    if g & exactBit == 0 {
                        var hi = Int(guide[bucket + 1] & ~exactBit)
                        while i < hi {
                            let mid = (i + hi) >> 1
                            if cumulative[mid] < x { i = mid + 1 } else { hi = mid }
                        }
                    }
                    state = (state &* multiplier &+ 11) & mask48
                    if i == Int(word) { continue }
                    target = Int32(i)
                    label = 0
                }
                let l2 = syn1neg + Int(target) * d
                let f = vp_dot_f32(l1, l2, dd)
                if f <= -maxExp || f >= maxExp { continue }
                let g = (label - sigmoid[Int((f + maxExp) * scale)]) * alpha
                vp_axpy_f32(g, l2, work, dd)
                vp_axpy_f32(g, l1, l2, dd)
            }
        }

        for _ in 0 ..< configuration.epochs {
            for s in blocks.joined() {
                let start = b.sentenceStarts[s]
                let end = b.sentenceStarts[s + 1]
                // Subsampling (before windowing, so dropped words widen the window, as in word2vec.c and gensim).
                var n = 0
                for p in start ..< end {
                    let w = b.ids[p]
                    if useSample {
                        let r = UInt32(truncatingIfNeeded: state >> 16)
                        state = (state &* multiplier &+ 11) & mask48
                        if thresholds[Int(w)] < r { continue }
                    }
                    sentence[n] = w
                    n += 1
                }
                sinceReport += end - start
                effectiveSinceReport += n
                if shrink {
                    for i in 0 ..< n {
                        reduced[i] = Int(UInt32(truncatingIfNeeded: state >> 16) % UInt32(window))
                        state = (state &* multiplier &+ 11) & mask48
                    }
                } else {
                    for i in 0 ..< n { reduced[i] = 0 }
                }
                for i in 0 ..< n {
                    let lo = max(0, i - window + reduced[i])
                    let hi = min(n, i + window + 1 - reduced[i])
                    let word = sentence[i]
                    if skipGram {
                        for j in lo ..< hi where j != i {
                            let l1 = syn0 + Int(sentence[j]) * d
                            work.update(repeating: 0, count: d)
                            negativeSampling(l1, word, alpha, &state)
                            vp_axpy_f32(1, work, l1, dd)
                        }
                    } else {
                        neu1.update(repeating: 0, count: d)
                        var count = 0
                        for j in lo ..< hi where j != i {
                            vp_axpy_f32(1, syn0 + Int(sentence[j]) * d, neu1, dd)
                            count += 1
                        }
                        if count == 0 { continue }
                        let inverse = 1 / Float(count)
                        if cbowMean { vp_scale_f32(neu1, inverse, dd) }
                        work.update(repeating: 0, count: d)
                        negativeSampling(neu1, word, alpha, &state)
                        if !cbowMean { vp_scale_f32(work, inverse, dd) }
                        for j in lo ..< hi where j != i {
                            vp_axpy_f32(1, work, syn0 + Int(sentence[j]) * d, dd)
                        }
                    }
                }
                if sinceReport >= Self.reportEvery {
                    alpha = report(&sinceReport, &effectiveSinceReport, startAlpha, endAlpha, totalWords)
                }
            }
        }
        _ = report(&sinceReport, &effectiveSinceReport, startAlpha, endAlpha, totalWords)
    }

    /// Publishes this thread's counts and returns the learning rate for the words processed so far by all threads:
    /// α = α₀ − (α₀ − α_min)·progress, linear to `minAlpha` at the end of the last epoch.
    private func report(_ words: inout Int, _ effective: inout Int, _ startAlpha: Double, _ endAlpha: Double,
                        _ totalWords: Double) -> Float {
        let done = buffers.processed.add(words, ordering: .relaxed).newValue
        buffers.effective.add(effective, ordering: .relaxed)
        words = 0
        effective = 0
        let progress = min(1, Double(done) / totalWords)
        let alpha = Float(max(endAlpha, startAlpha - (startAlpha - endAlpha) * progress))
        buffers.alphaBits.store(alpha.bitPattern, ordering: .relaxed)
        return alpha
    }
}
