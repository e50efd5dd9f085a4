import Tokenizers

/// A small deterministic generator (SplitMix64) so random tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// GPT-2's byte-to-character rule, written out from its definition for use as an independent reference.
func gpt2Character(_ byte: UInt8) -> Character {
    let b = Int(byte)
    if (0x21...0x7E).contains(b) || (0xA1...0xAC).contains(b) || (0xAE...0xFF).contains(b) {
        return Character(Unicode.Scalar(UInt32(b))!)
    }
    // The 68 remaining bytes, in increasing order, take U+0100 onwards.
    var rank = 0
    for other in 0..<b where !((0x21...0x7E).contains(other) || (0xA1...0xAC).contains(other) || (0xAE...0xFF).contains(other)) {
        rank += 1
    }
    return Character(Unicode.Scalar(UInt32(0x100 + rank))!)
}

/// The vocabulary spelling of raw text under the GPT-2 byte map.
func gpt2Spelling(_ text: String) -> String {
    String(text.utf8.map(gpt2Character))
}
