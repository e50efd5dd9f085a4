import Foundation

/// Keys and values of past positions, in f32, for `slots` sequences of up to `capacity` positions each.
///
/// Memory is taken in pages of `pagePositions` positions as a slot fills (`reserve`), and a slot keeps its pages
/// until the cache is released, so that a finished sequence's entries stay available as a prefix for the next
/// one. A page holds, per layer, `pagePositions` key rows of `keyWidth` floats (all key heads of one position are
/// contiguous), then the same for values with `valueWidth`.
public final class KVCache: @unchecked Sendable {
    /// Positions per slot.
    public let capacity: Int
    /// Sequences the cache holds at once.
    public let slots: Int
    public let layers: Int
    public let keyWidth: Int
    public let valueWidth: Int
    /// Positions per page (a power of two).
    public static let pagePositions = 64
    static let pageShift = 6
    let pagesPerSlot: Int
    /// `slots × pagesPerSlot` page pointers, nil where not yet allocated.
    let pageTable: UnsafeMutablePointer<UnsafeMutablePointer<Float>?>
    /// Floats per page, and the offset of the values within a page.
    let pageFloats: Int
    let valueOffset: Int
    private var allocatedPages = 0

    public init(config c: ModelConfig, capacity: Int, slots: Int = 1) {
        self.capacity = max(1, capacity)
        self.slots = max(1, slots)
        layers = c.blockCount
        keyWidth = c.headCountKV * c.headDimension
        valueWidth = c.headCountKV * c.valueDimension
        pagesPerSlot = (self.capacity + Self.pagePositions - 1) / Self.pagePositions
        valueOffset = layers * Self.pagePositions * keyWidth
        pageFloats = valueOffset + layers * Self.pagePositions * valueWidth
        pageTable = .allocate(capacity: self.slots * pagesPerSlot)
        pageTable.initialize(repeating: nil, count: self.slots * pagesPerSlot)
    }

    deinit {
        for i in 0 ..< slots * pagesPerSlot { pageTable[i]?.deallocate() }
        pageTable.deallocate()
    }

    /// Bytes of the pages allocated so far.
    public var byteCount: Int { allocatedPages * pageFloats * MemoryLayout<Float>.size }

    /// Makes sure positions `0 ..< positions` of `slot` have memory (`positions` ≤ `capacity`).
    func reserve(slot: Int, positions: Int) {
        let needed = min(pagesPerSlot, (positions + Self.pagePositions - 1) >> Self.pageShift)
        let row = pageTable + slot * pagesPerSlot
        for p in 0 ..< needed where row[p] == nil {
            row[p] = .allocate(capacity: pageFloats)
            allocatedPages += 1
        }
    }

    /// The page of `slot` holding `position` (reserved).
    @inline(__always) func page(slot: Int, position: Int) -> UnsafeMutablePointer<Float> {
        pageTable[slot * pagesPerSlot + (position >> Self.pageShift)].unsafelyUnwrapped
    }

    /// The key row of `position` in `slot` for `layer` (reserved).
    @inline(__always) func keyRow(slot: Int = 0, layer: Int, position: Int) -> UnsafeMutablePointer<Float> {
        page(slot: slot, position: position)
            + (layer * Self.pagePositions + (position & (Self.pagePositions - 1))) * keyWidth
    }

    /// The value row of `position` in `slot` for `layer` (reserved).
    @inline(__always) func valueRow(slot: Int = 0, layer: Int, position: Int) -> UnsafeMutablePointer<Float> {
        page(slot: slot, position: position) + valueOffset
            + (layer * Self.pagePositions + (position & (Self.pagePositions - 1))) * valueWidth
    }

    /// Copies the entries of positions `0 ..< count` of slot `source` into slot `target` (every layer).
    func copy(positions count: Int, from source: Int, to target: Int) {
        guard count > 0, source != target else { return }
        reserve(slot: target, positions: count)
        var start = 0
        while start < count {
            let from = page(slot: source, position: start), to = page(slot: target, position: start)
            let rows = min(Self.pagePositions, count - start)
            if rows == Self.pagePositions {
                to.update(from: from, count: pageFloats)
            } else {
                for l in 0 ..< layers {
                    let k = l * Self.pagePositions * keyWidth, v = valueOffset + l * Self.pagePositions * valueWidth
                    (to + k).update(from: from + k, count: rows * keyWidth)
                    (to + v).update(from: from + v, count: rows * valueWidth)
                }
            }
            start += rows
        }
    }
}
