/// One tensor entry of a safetensors header, validated against the file.
public struct SafetensorsTensor: Sendable, Equatable {
    public let name: String
    public let dtype: SafetensorsDType
    /// Dimensions, outermost first (C order); empty for a scalar.
    public let shape: [Int]
    /// Byte range relative to the start of the data buffer (the header's `data_offsets`).
    public let dataOffsets: Range<Int>
    /// Byte range in the whole file.
    public let fileRange: Range<Int>

    /// Number of elements (1 for a scalar, 0 when a dimension is 0).
    public var elementCount: Int { shape.reduce(1, *) }
    public var byteCount: Int { dataOffsets.count }
}
