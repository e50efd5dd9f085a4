/// The raw bytes of every token, stored contiguously, with an optional exact-bytes → id index.
struct TokenBytesTable: Sendable {
    private let storage: [UInt8]
    private let starts: [Int32]  // count + 1 entries
    private let index: [Int32]  // open addressing over ids, -1 = empty
    private let indexMask: Int

    /// - Parameters:
    ///   - pieces: bytes of each token, by id.
    ///   - indexed: which ids the exact-bytes lookup may return (the first such id wins on duplicates).
    init(_ pieces: [[UInt8]], indexed: (Int) -> Bool) {
        var storage: [UInt8] = []
        storage.reserveCapacity(pieces.reduce(0) { $0 + $1.count })
        var starts: [Int32] = [0]
        starts.reserveCapacity(pieces.count + 1)
        for piece in pieces {
            storage.append(contentsOf: piece)
            starts.append(Int32(storage.count))
        }
        var size = 16
        while size < pieces.count * 2 { size <<= 1 }
        var index = [Int32](repeating: -1, count: size)
        let mask = size - 1
        for (id, piece) in pieces.enumerated() where indexed(id) && !piece.isEmpty {
            var slot = piece.withUnsafeBufferPointer { TokenBytesTable.hash($0) } & mask
            var duplicate = false
            while index[slot] >= 0 {
                let other = Int(index[slot])
                if pieces[other] == piece { duplicate = true; break }
                slot = (slot + 1) & mask
            }
            if !duplicate { index[slot] = Int32(id) }
        }
        self.storage = storage
        self.starts = starts
        self.index = index
        self.indexMask = mask
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }

    var count: Int { starts.count - 1 }

    func bytes(_ id: Int) -> [UInt8] {
        guard id >= 0, id < count else { return [] }
        return Array(storage[Int(starts[id])..<Int(starts[id + 1])])
    }

    /// Appends token `id`'s bytes to `out` (nothing when out of range).
    func append(_ id: Int, to out: inout [UInt8]) {
        guard id >= 0, id < count else { return }
        out.append(contentsOf: storage[Int(starts[id])..<Int(starts[id + 1])])
    }

    /// The indexed id whose bytes equal `bytes`, or -1.
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard !bytes.isEmpty else { return -1 }
        var slot = TokenBytesTable.hash(bytes) & indexMask
        return storage.withUnsafeBufferPointer { storage in
            while true {
                let id = index[slot]
                if id < 0 { return -1 }
                let start = Int(starts[Int(id)])
                let end = Int(starts[Int(id) + 1])
                if end - start == bytes.count {
                    var equal = true
                    var k = 0
                    while k < bytes.count {
                        if storage[start + k] != bytes[k] { equal = false; break }
                        k += 1
                    }
                    if equal { return id }
                }
                slot = (slot + 1) & indexMask
            }
        }
    }
}
