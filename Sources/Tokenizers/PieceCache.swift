/// A direct-mapped cache from short pre-token byte strings to their token ids, used within one long encode
/// call so that repeated words skip the merge loop. Keys are compared byte for byte (no false hits).
struct PieceCache {
    /// Longest piece (in bytes) that is cached; a piece never yields more ids than bytes.
    static let maxBytes = 16

    private let mask: Int
    private var lengths: [UInt8]  // 0 = empty slot
    private var keys: [UInt8]
    private var idCounts: [UInt8]
    private var ids: [Int32]

    /// A cache sized for a text of `textBytes` bytes, or `nil` when the text is too short to benefit.
    init?(textBytes: Int) {
        guard textBytes >= 2048 else { return nil }
        var slots = 256
        while slots < textBytes / 8 && slots < 8192 { slots <<= 1 }
        mask = slots - 1
        lengths = [UInt8](repeating: 0, count: slots)
        keys = [UInt8](repeating: 0, count: slots * Self.maxBytes)
        idCounts = [UInt8](repeating: 0, count: slots)
        ids = [Int32](repeating: 0, count: slots * Self.maxBytes)
    }

    @inline(__always)
    private func slot(_ piece: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in piece { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
    }

    /// Appends the cached ids for `piece` to `out` and returns true, or returns false on a miss.
    @inline(__always)
    func lookup(_ piece: UnsafeBufferPointer<UInt8>, into out: inout [Int32]) -> Bool {
        let s = slot(piece)
        guard Int(lengths[s]) == piece.count else { return false }
        let base = s * Self.maxBytes
        for k in 0..<piece.count where keys[base + k] != piece[k] { return false }
        let n = Int(idCounts[s])
        for k in 0..<n { out.append(ids[base + k]) }
        return true
    }

    /// Remembers that `piece` encodes to `result` (ignored when either is too long).
    mutating func store(_ piece: UnsafeBufferPointer<UInt8>, _ result: ArraySlice<Int32>) {
        guard piece.count <= Self.maxBytes, result.count <= Self.maxBytes else { return }
        let s = slot(piece)
        let base = s * Self.maxBytes
        lengths[s] = UInt8(piece.count)
        for k in 0..<piece.count { keys[base + k] = piece[k] }
        idCounts[s] = UInt8(result.count)
        var k = 0
        for id in result {
            ids[base + k] = id
            k += 1
        }
    }
}
