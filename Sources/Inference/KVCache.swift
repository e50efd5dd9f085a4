/// Keys and values of every past position, per layer, in f32.
///
/// Layout per layer: `capacity` rows of `kvDimension` floats (all key heads of one position are contiguous),
/// the same for values with `valueDimension`.
public final class KVCache: @unchecked Sendable {
    public let capacity: Int
    public let layers: Int
    public let keyWidth: Int
    public let valueWidth: Int
    let keys: UnsafeMutablePointer<Float>
    let values: UnsafeMutablePointer<Float>

    public init(config c: ModelConfig, capacity: Int) {
        self.capacity = capacity
        layers = c.blockCount
        keyWidth = c.headCountKV * c.headDimension
        valueWidth = c.headCountKV * c.valueDimension
        keys = .allocate(capacity: layers * capacity * keyWidth)
        values = .allocate(capacity: layers * capacity * valueWidth)
    }

    deinit {
        keys.deallocate()
        values.deallocate()
    }

    /// Bytes held by the cache.
    public var byteCount: Int { layers * capacity * (keyWidth + valueWidth) * MemoryLayout<Float>.size }

    @inline(__always) func keyRow(layer: Int, position: Int) -> UnsafeMutablePointer<Float> {
        keys + (layer * capacity + position) * keyWidth
    }

    @inline(__always) func valueRow(layer: Int, position: Int) -> UnsafeMutablePointer<Float> {
        values + (layer * capacity + position) * valueWidth
    }
}
