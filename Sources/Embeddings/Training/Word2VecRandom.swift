/// The 48-bit linear congruential generator of word2vec.c and gensim (`r ← r·25214903917 + 11 mod 2⁴⁸`), used
/// inside training for subsampling, window shrinking and negative draws exactly as they use it.
struct Word2VecRandom {
    private(set) var state: UInt64

    init(seed: UInt64) { state = seed & 0xFFFF_FFFF_FFFF }

    /// gensim's `random_int32`: bits 16…47 of the state, then one step.
    @inline(__always)
    mutating func next32() -> UInt32 {
        let value = UInt32(truncatingIfNeeded: state >> 16)
        step()
        return value
    }

    /// The state shifted right by 16 (the value negative sampling reduces modulo the table end).
    @inline(__always)
    var high: UInt64 { state >> 16 }

    @inline(__always)
    mutating func step() {
        state = (state &* 25_214_903_917 &+ 11) & 0xFFFF_FFFF_FFFF
    }
}
