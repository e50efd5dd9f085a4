import Statistics

/// Seeds of the individual bootstraps of a summary.
///
/// Every bootstrap draws from its own stream so that intervals are reproducible one by one and not correlated
/// with each other: seed = `SeededGenerator.derivedSeed(base, fnv1a64(label))`, where `label` names the statistic
/// (e.g. `"rate|local:smollm2|dignity|implicit"`) and fnv1a64 is the 64-bit FNV-1a hash of its UTF-8 bytes.
public enum StatisticSeed {
    /// The seed for the statistic named `label`.
    public static func seed(base: UInt64, label: String) -> UInt64 {
        SeededGenerator.derivedSeed(base, fnv1a64(label))
    }

    /// 64-bit FNV-1a of the UTF-8 bytes of `text`.
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
