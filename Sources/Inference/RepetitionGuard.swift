/// Tells when a generation has fallen into a loop — the same phrase or sentence again and again, which a small
/// model at a high temperature may keep up until the token limit ("it's a little gift, it's a little gift, …").
///
/// Every ``checkInterval`` tokens, once ``window`` tokens have been generated, it counts the distinct 4-grams of
/// token ids among the last ``window`` tokens. Ordinary text repeats few 4-grams (well over half are distinct, even
/// in numbered lists with a fixed pattern); a loop whose period is p tokens has about p distinct 4-grams. Below
/// ``distinctShare`` distinct the sequence is in a loop: any period up to about 55 tokens repeated over the window.
public struct RepetitionGuard: Sendable, Hashable {
    /// Tokens examined.
    public static let window = 192
    /// Tokens between two checks.
    public static let checkInterval = 16
    /// A window with fewer distinct 4-grams than this share of its 4-grams is a loop.
    public static let distinctShare = 0.3

    /// Whether the generated `tokens` end in a loop (checked only every ``checkInterval`` tokens).
    public static func isLooping(_ tokens: [Int32]) -> Bool {
        let count = tokens.count
        guard count >= window, count % checkInterval == 0 else { return false }
        var seen = Set<UInt64>()
        seen.reserveCapacity(window)
        let start = count - window
        for i in start ..< count - 3 {
            let key = UInt64(UInt16(truncatingIfNeeded: tokens[i])) << 48
                | UInt64(UInt16(truncatingIfNeeded: tokens[i + 1])) << 32
                | UInt64(UInt16(truncatingIfNeeded: tokens[i + 2])) << 16
                | UInt64(UInt16(truncatingIfNeeded: tokens[i + 3]))
            seen.insert(key)
        }
        return Double(seen.count) < distinctShare * Double(window - 3)
    }
}
