import Foundation

/// Keys and values of past positions, in f32, for `slots` sequences of up to `capacity` positions each.
///
/// Memory is taken in pages of `pagePositions` positions as a slot fills (`reserve`), and a slot keeps its pages
/// until the cache is released, so that a finished sequence's entries stay available as a prefix for the next
/// one. Within a page, per layer and key/value head: the keys as `pagePositions` rows of `headDimension` floats,
/// the values transposed, as `valueDimension` rows of `pagePositions` floats. Attention then multiplies a page
/// with one matrix product for the scores and one for the weighted values (`vp_matmul` on f32 rows).
public final class KVCache: @unchecked Sendable {
    /// Positions per slot.
    public let capacity: Int
    /// Sequences the cache holds at once.
    public let slots: Int
    public let layers: Int
    public let headsKV: Int
    public let headDimension: Int
    public let valueDimension: Int
    /// Positions per page (a power of two).
    public static let pagePositions = 64
    static let pageShift = 6
    let pagesPerSlot: Int
    /// `slots × pagesPerSlot` page pointers, nil where not yet allocated.
    let pageTable: UnsafeMutablePointer<UnsafeMutablePointer<Float>?>
    /// Floats per page, per (layer, head) key block and value block, and the offset of the values in a page.
    let pageFloats: Int
    let keyBlockFloats: Int
    let valueBlockFloats: Int
    let valueOffset: Int
    private var allocatedPages = 0

    public init(config c: ModelConfig, capacity: Int, slots: Int = 1) {
        self.capacity = max(1, capacity)
        self.slots = max(1, slots)
        layers = c.blockCount
        headsKV = c.headCountKV
        headDimension = c.headDimension
        valueDimension = c.valueDimension
        pagesPerSlot = (self.capacity + Self.pagePositions - 1) / Self.pagePositions
        keyBlockFloats = Self.pagePositions * headDimension
        valueBlockFloats = Self.pagePositions * valueDimension
        valueOffset = layers * headsKV * keyBlockFloats
        pageFloats = valueOffset + layers * headsKV * valueBlockFloats
        pageTable = .allocate(capacity: self.slots * pagesPerSlot)
        pageTable.initialize(repeating: nil, count: self.slots * pagesPerSlot)
    }

    deinit {
        for i in 0 ..< slots * pagesPerSlot { pageTable[i]?.deallocate() }
        pageTable.deallocate()
    }

    /// Bytes of the pages allocated so far.
    public var byteCount: Int { allocatedPages * pageFloats * MemoryLayout<Float>.size }

    /// Makes sure positions `0 ..< positions` of `slot` have memory (`positions` ≤ `capacity`). New pages are
    /// zeroed: attention multiplies a whole page of values, with zero weights beyond the last position, and the
    /// entries there must be finite.
    func reserve(slot: Int, positions: Int) {
        let needed = min(pagesPerSlot, (positions + Self.pagePositions - 1) >> Self.pageShift)
        let row = pageTable + slot * pagesPerSlot
        for p in 0 ..< needed where row[p] == nil {
            let page = UnsafeMutablePointer<Float>.allocate(capacity: pageFloats)
            page.initialize(repeating: 0, count: pageFloats)
            row[p] = page
            allocatedPages += 1
        }
    }

    /// Page `index` of `slot` (reserved).
    @inline(__always) func page(slot: Int, index: Int) -> UnsafeMutablePointer<Float> {
        pageTable[slot * pagesPerSlot + index].unsafelyUnwrapped
    }

    /// The keys of page `index` of `slot` for `layer` and key/value head `head`: `pagePositions` rows of
    /// `headDimension` floats.
    @inline(__always) func keys(slot: Int, layer: Int, head: Int, page index: Int) -> UnsafeMutablePointer<Float> {
        page(slot: slot, index: index) + (layer * headsKV + head) * keyBlockFloats
    }

    /// The values of page `index` of `slot` for `layer` and key/value head `head`, transposed: `valueDimension`
    /// rows of `pagePositions` floats.
    @inline(__always) func values(slot: Int, layer: Int, head: Int, page index: Int) -> UnsafeMutablePointer<Float> {
        page(slot: slot, index: index) + valueOffset + (layer * headsKV + head) * valueBlockFloats
    }

    /// Stores the keys (`headsKV × headDimension` floats) and values (`headsKV × valueDimension`) of `position`.
    func store(slot: Int, layer: Int, position: Int, keys k: UnsafePointer<Float>, values v: UnsafePointer<Float>) {
        let index = position >> Self.pageShift, offset = position & (Self.pagePositions - 1)
        for h in 0 ..< headsKV {
            (keys(slot: slot, layer: layer, head: h, page: index) + offset * headDimension)
                .update(from: k + h * headDimension, count: headDimension)
            let column = values(slot: slot, layer: layer, head: h, page: index) + offset
            let source = v + h * valueDimension
            for d in 0 ..< valueDimension { column[d * Self.pagePositions] = source[d] }
        }
    }

    /// Copies the entries of positions `0 ..< count` of slot `source` into slot `target` (every layer; whole
    /// pages, so positions after `count` in the last page are copied too and are overwritten before they count).
    func copy(positions count: Int, from source: Int, to target: Int) {
        guard count > 0, source != target else { return }
        reserve(slot: target, positions: count)
        for index in 0 ..< (count + Self.pagePositions - 1) >> Self.pageShift {
            page(slot: target, index: index).update(from: page(slot: source, index: index), count: pageFloats)
        }
    }
}
