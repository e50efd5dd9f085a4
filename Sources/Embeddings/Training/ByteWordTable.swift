/// An open-addressing hash table from words (UTF-8 byte strings) to dense ids in first-seen order, used to
/// count and encode multi-million-token corpora without creating a `String` per token.
struct ByteWordTable {
    /// All words' bytes back to back.
    private(set) var arena: [UInt8] = []
    /// Start of word `id` in ``arena``; `starts[id + 1]` is its end.
    private(set) var starts: [Int] = [0]
    /// Occurrences of each word.
    private(set) var counts: [Int] = []
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var mask: Int

    init(capacity: Int = 1 << 16) {
        var size = 1024
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { counts.count }

    /// The id of `word` (added when new) after counting one more occurrence.
    mutating func add(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = Self.hash(word)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let id = slots[i]
            if id < 0 { break }
            if hashes[Int(id)] == h && equals(Int(id), word) {
                counts[Int(id)] += 1
                return id
            }
            i = (i + 1) & mask
        }
        let id = Int32(counts.count)
        slots[i] = id
        arena.append(contentsOf: word)
        starts.append(arena.count)
        counts.append(1)
        hashes.append(h)
        if counts.count * 2 > slots.count { grow() }
        return id
    }

    func word(_ id: Int) -> String {
        String(decoding: arena[starts[id] ..< starts[id + 1]], as: UTF8.self)
    }

    private func equals(_ id: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = starts[id]
        let n = starts[id + 1] - s
        guard n == word.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            var k = 0
            while k < n {
                if a[s + k] != word[k] { return false }
                k += 1
            }
            return true
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for id in 0 ..< counts.count {
            var i = Int(truncatingIfNeeded: hashes[id]) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(id)
        }
    }

    /// FNV-1a followed by a 64-bit finaliser (so the low bits used for the slot are well mixed).
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in word {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        return h
    }
}
