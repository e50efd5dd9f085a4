import Foundation

/// The negative-sampling distribution P(w) ∝ count^0.75 as gensim stores it: a cumulative table of `UInt32`
/// with domain 2³¹ − 1 (`cum[i] = round(Σ_{j≤i} c_j^0.75 / Σ c^0.75 · domain)`), sampled by finding the first entry
/// ≥ `(r >> 16) mod cum[last]` (`bisect_left`). A guide table (the first candidate per 2^shift-wide range of
/// values) turns the binary search into a short forward scan with the same result.
struct NoiseDistribution {
    static let domain: Double = 2_147_483_647

    let cumulative: [UInt32]
    let guide: [Int32]
    let shift: Int

    init(counts: [Int], exponent: Double) {
        let powered = counts.map { Double($0) == 0 ? 0 : pow(Double($0), exponent) }
        let total = powered.reduce(0, +)
        var cumulative = [UInt32](repeating: 0, count: counts.count)
        var running = 0.0
        for i in powered.indices {
            running += powered[i]
            cumulative[i] = total > 0 ? UInt32((running / total * Self.domain).rounded()) : 0
        }
        // Guide table: about two buckets per word, at least 1024.
        var bits = 10
        while (1 << bits) < counts.count * 2 && bits < 24 { bits += 1 }
        shift = 31 - bits
        var guide = [Int32](repeating: 0, count: 1 << bits)
        var i = 0
        for b in 0 ..< guide.count {
            let lower = UInt32(b) << UInt32(31 - bits)
            while i < cumulative.count - 1 && cumulative[i] < lower { i += 1 }
            guide[b] = Int32(i)
        }
        self.cumulative = cumulative
        self.guide = guide
    }

    var last: UInt32 { cumulative.last ?? 0 }

    /// The word for the 48-bit generator state (not advanced here).
    func sample(_ random: Word2VecRandom) -> Int {
        let x = UInt32(truncatingIfNeeded: random.high % UInt64(max(last, 1)))
        var i = Int(guide[Int(x >> UInt32(shift))])
        while cumulative[i] < x { i += 1 }
        return i
    }
}
