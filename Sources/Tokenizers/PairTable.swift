/// An open-addressing hash map from a pair of token ids to a packed `(priority, result id)` value.
///
/// Keys are `left << 32 | right` (ids are non-negative `Int32`); values are `priority << 32 | resultId`
/// where a smaller priority merges first. Linear probing, power-of-two capacity, load ≤ 1/2.
struct PairTable: Sendable {
    private var keys: [UInt64]
    private var values: [UInt64]
    private let mask: Int
    private static let empty = UInt64.max
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: PairTable.empty, count: size)
        values = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always)
    static func key(_ left: Int32, _ right: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: left)) << 32 | UInt64(UInt32(bitPattern: right))
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        var h = key &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
        return Int(truncatingIfNeeded: h) & mask
    }

    /// Inserts the pair unless it is already present (the first insertion wins, like a merge list's lowest rank).
    mutating func insertIfAbsent(left: Int32, right: Int32, priority: UInt32, result: Int32) {
        guard left >= 0, right >= 0 else { return }
        let key = PairTable.key(left, right)
        var index = PairTable.slot(key, mask)
        while keys[index] != PairTable.empty {
            if keys[index] == key { return }
            index = (index + 1) & mask
        }
        keys[index] = key
        values[index] = UInt64(priority) << 32 | UInt64(UInt32(bitPattern: result))
        count += 1
    }

    /// The packed `(priority << 32 | result)` value for a pair, or `nil`.
    @inline(__always)
    func lookup(_ left: Int32, _ right: Int32) -> UInt64? {
        guard left >= 0, right >= 0 else { return nil }
        let key = PairTable.key(left, right)
        return keys.withUnsafeBufferPointer { keys in
            var index = PairTable.slot(key, mask)
            while true {
                let stored = keys[index]
                if stored == key { return values[index] }
                if stored == PairTable.empty { return nil }
                index = (index + 1) & mask
            }
        }
    }
}
