import Foundation

/// The negative-sampling distribution P(w) ∝ count^0.75 as gensim stores it: a cumulative table of `UInt32`
/// with domain 2³¹ − 1 (`cum[i] = round(Σ_{j≤i} c_j^0.75 / Σ c^0.75 · domain)`), sampled by finding the first entry
/// ≥ `(r >> 16) mod cum[last]` (`bisect_left`).
///
/// A small guide table makes the search cheap without changing its result: entry b covers the values
/// [b·2^shift, (b+1)·2^shift) and holds the first candidate word, with bit 31 set when that word is the answer for
/// the whole range (most of the probability mass lies in such ranges, so one access to a table that stays in cache
/// usually decides); otherwise the answer lies between this entry's word and the next entry's, found by bisection.
/// About one entry per 16 words keeps the table in the first-level cache.
struct NoiseDistribution {
    static let domain: Double = 2_147_483_647
    static let exactBit: UInt32 = 1 << 31

    let cumulative: [UInt32]
    /// `1 << bits` entries plus a final sentinel (the last word).
    let guide: [UInt32]
    let shift: Int

    init(counts: [Int], exponent: Double) {
        let powered = counts.map { $0 <= 0 ? 0 : pow(Double($0), exponent) }
        let total = powered.reduce(0, +)
        var cumulative = [UInt32](repeating: 0, count: counts.count)
        var running = 0.0
        for i in powered.indices {
            running += powered[i]
            cumulative[i] = total > 0 ? UInt32((running / total * Self.domain).rounded()) : 0
        }
        var bits = 10
        while (1 << bits) < counts.count / 16 && bits < 24 { bits += 1 }
        shift = 31 - bits
        var guide = [UInt32](repeating: 0, count: (1 << bits) + 1)
        var i = 0
        for b in 0 ..< 1 << bits {
            let lower = UInt32(b) << UInt32(shift)
            let upper = UInt32(b + 1) << UInt32(shift) - 1
            while i < cumulative.count - 1 && cumulative[i] < lower { i += 1 }
            let exact = cumulative.isEmpty || cumulative[i] >= upper
            guide[b] = UInt32(i) | (exact ? Self.exactBit : 0)
        }
        guide[1 << bits] = UInt32(max(0, counts.count - 1))
        self.cumulative = cumulative
        self.guide = guide
    }

    var last: UInt32 { cumulative.last ?? 0 }

    /// The word for the 48-bit generator state (not advanced here).
    func sample(_ random: Word2VecRandom) -> Int {
        let x = UInt32(truncatingIfNeeded: random.high % UInt64(max(last, 1)))
        let b = Int(x >> UInt32(shift))
        let g = guide[b]
        if g & Self.exactBit != 0 { return Int(g & ~Self.exactBit) }
        return Self.bisect(cumulative, x, Int(g), Int(guide[b + 1] & ~Self.exactBit))
    }

    /// The first index in `lo...hi` whose entry is ≥ x (the caller knows `cum[hi] ≥ x`).
    @inline(__always)
    static func bisect<C: RandomAccessCollection>(_ cum: C, _ x: UInt32, _ lo: Int, _ hi: Int) -> Int
    where C.Element == UInt32, C.Index == Int {
        var lo = lo, hi = hi
        while lo < hi {
            let mid = (lo + hi) >> 1
            if cum[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
