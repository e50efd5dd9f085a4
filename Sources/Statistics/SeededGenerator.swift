/// A small, fast, seedable random number generator whose output is bit-identical on every platform.
///
/// - The 64-bit seed is expanded into the 256-bit state by four successive SplitMix64 outputs
///   (state += 0x9E3779B97F4A7C15; z = (z ^ z>>30)·0xBF58476D1CE4E5B9; z = (z ^ z>>27)·0x94D049BB133111EB; z ^ z>>31).
/// - Draws come from xoshiro256** (Blackman & Vigna 2018): result = rotl(s1·5, 7)·9, then the usual
///   xor/shift/rotate state update.
///
/// Only the methods of this type (`next()`, `nextDouble()`, `nextFloat()`, `nextInt(below:)`) are guaranteed
/// bit-stable across platforms and Swift versions. Standard-library helpers that take a generator
/// (`Int.random(in:using:)`, `shuffle(using:)`) are deterministic too, but their algorithms belong to the standard
/// library and may change between releases: do not use them where results must be reproducible.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable, Hashable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// The seed this generator was created from.
    public let seed: UInt64

    /// Creates a generator whose state is four consecutive SplitMix64 outputs started from `seed`.
    public init(seed: UInt64) {
        self.seed = seed
        var state = seed
        s0 = SeededGenerator.splitMix64(&state)
        s1 = SeededGenerator.splitMix64(&state)
        s2 = SeededGenerator.splitMix64(&state)
        s3 = SeededGenerator.splitMix64(&state)
        // An all-zero state would be a fixed point of xoshiro; SplitMix64 cannot produce four zeros in a row,
        // but stay safe anyway.
        if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }
    }

    /// Advances a SplitMix64 state and returns its next output.
    @inlinable
    public static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return mix64(state)
    }

    /// The SplitMix64 output function (a bijective 64-bit finaliser).
    @inlinable
    public static func mix64(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A seed derived from `base` and a list of integers (for example item, paraphrase and sample index), so that
    /// every planned sample gets its own reproducible stream.
    ///
    /// Defined as `h = mix64(base + γ)`, then for each component `c`: `h = mix64(h ^ mix64(c + 2γ))`, where
    /// γ = 0x9E3779B97F4A7C15 and additions wrap. The order of the components matters.
    public static func derivedSeed(_ base: UInt64, _ components: UInt64...) -> UInt64 {
        derivedSeed(base, components: components)
    }

    /// Array form of `derivedSeed(_:_:)`.
    public static func derivedSeed(_ base: UInt64, components: [UInt64]) -> UInt64 {
        let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h = mix64(base &+ gamma)
        for component in components {
            h = mix64(h ^ mix64(component &+ gamma &+ gamma))
        }
        return h
    }

    @inlinable
    static func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 &- k))
    }

    /// The next 64 random bits (xoshiro256**).
    @inlinable
    public mutating func next() -> UInt64 {
        let result = SeededGenerator.rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = SeededGenerator.rotateLeft(s3, 45)
        return result
    }

    /// A uniform double in [0, 1): the top 53 bits of `next()` times 2⁻⁵³.
    @inlinable
    public mutating func nextDouble() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform float in [0, 1): the top 24 bits of `next()` times 2⁻²⁴.
    @inlinable
    public mutating func nextFloat() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// A uniform integer in `0 ..< bound`, without modulo bias (Lemire's multiply-and-reject method).
    ///
    /// Takes the high 64 bits of `next() · bound`; the draw is rejected and repeated only when the low 64 bits fall
    /// below `2⁶⁴ mod bound`. A `bound` of zero or less returns 0 and consumes no randomness.
    @inlinable
    public mutating func nextInt(below bound: Int) -> Int {
        guard bound > 0 else { return 0 }
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }
}
