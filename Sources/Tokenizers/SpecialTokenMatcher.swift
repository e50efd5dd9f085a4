/// Finds special-token text in UTF-8 input: at each position, the longest matching token wins, and the scan
/// takes the leftmost match (HF "added tokens" semantics).
struct SpecialTokenMatcher: Sendable {
    /// Candidate `(id, bytes)` by first byte, longest first.
    private let candidates: [[(id: Int32, bytes: [UInt8])]]
    private let startsToken: [Bool]
    let isEmpty: Bool

    init(_ tokens: [(id: Int32, text: String)]) {
        var buckets = [[(id: Int32, bytes: [UInt8])]](repeating: [], count: 256)
        for token in tokens {
            let bytes = Array(token.text.utf8)
            guard let first = bytes.first else { continue }
            buckets[Int(first)].append((token.id, bytes))
        }
        for b in 0..<256 {
            buckets[b].sort { $0.bytes.count != $1.bytes.count ? $0.bytes.count > $1.bytes.count : $0.id < $1.id }
        }
        candidates = buckets
        startsToken = buckets.map { !$0.isEmpty }
        isEmpty = tokens.allSatisfy { $0.text.isEmpty }
    }

    /// Calls `text(start, end)` for each stretch of ordinary text and `special(id)` for each special token,
    /// in order.
    func segment(
        _ bytes: UnsafeBufferPointer<UInt8>,
        text: (Int, Int) -> Void,
        special: (Int32) -> Void
    ) {
        let n = bytes.count
        if isEmpty {
            if n > 0 { text(0, n) }
            return
        }
        var segmentStart = 0
        var i = 0
        while i < n {
            let b = bytes[i]
            if startsToken[Int(b)], let match = longestMatch(bytes, at: i) {
                if segmentStart < i { text(segmentStart, i) }
                special(match.id)
                i += match.length
                segmentStart = i
            } else {
                i += 1
            }
        }
        if segmentStart < n { text(segmentStart, n) }
    }

    private func longestMatch(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (id: Int32, length: Int)? {
        let n = bytes.count
        for candidate in candidates[Int(bytes[i])] {
            let length = candidate.bytes.count
            if i + length > n { continue }
            var equal = true
            var k = 1
            while k < length {
                if bytes[i + k] != candidate.bytes[k] { equal = false; break }
                k += 1
            }
            if equal { return (candidate.id, length) }
        }
        return nil
    }
}
