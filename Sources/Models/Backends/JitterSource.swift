import Synchronization

/// Uniform draws in [0, 1) for retry jitter, shared by concurrent requests: seeded (SplitMix64) when a seed is
/// given, otherwise the system generator.
final class JitterSource: Sendable {
    private let state: Mutex<UInt64?>

    init(seed: UInt64?) {
        state = Mutex(seed)
    }

    func next() -> Double {
        let bits: UInt64 = state.withLock { s in
            guard var x = s else { return UInt64.random(in: .min ... .max) }
            x &+= 0x9E37_79B9_7F4A_7C15
            s = x
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        return Double(bits >> 11) * 0x1.0p-53
    }
}
