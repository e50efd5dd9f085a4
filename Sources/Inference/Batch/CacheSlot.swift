/// What one slot of the batch's cache holds: the tokens whose entries are valid there (an active sequence's
/// evaluated tokens, or a finished one's, kept as a prefix for the next), and the logits after its last prompt.
struct CacheSlot {
    /// Tokens whose keys and values are in the slot, in order.
    var tokens: [Int32] = []
    /// The prompt whose last-position logits are `promptLogits` (a prefix of `tokens` while they are valid).
    var promptTokens: [Int32] = []
    var promptLogits: [Float] = []
    /// The job using the slot, nil when it is free.
    var owner: Int?
    /// The step at which the slot was last taken (the least recently used free slot is reused first).
    var lastUsed = 0

    /// The stored logits after `prefix`, when `prefix` is exactly the stored prompt and its entries are still here.
    func logits(after prefix: ArraySlice<Int32>) -> [Float]? {
        guard !promptLogits.isEmpty, promptTokens.count == prefix.count, tokens.count >= prefix.count,
              promptTokens[...] == prefix, tokens[..<prefix.count] == prefix else { return nil }
        return promptLogits
    }

    /// Keeps only the first `count` tokens (and forgets stored logits that no longer apply).
    mutating func truncate(to count: Int) {
        if count < tokens.count { tokens.removeLast(tokens.count - count) }
        if promptTokens.count > tokens.count {
            promptTokens = []
            promptLogits = []
        }
    }
}

/// The length of the common prefix of two token sequences.
func commonPrefixLength(_ a: ArraySlice<Int32>, _ b: ArraySlice<Int32>) -> Int {
    var n = 0
    let limit = min(a.count, b.count)
    var i = a.startIndex, j = b.startIndex
    while n < limit, a[i] == b[j] {
        n += 1
        i += 1
        j += 1
    }
    return n
}
