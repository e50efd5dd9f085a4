/// Where and how one tensor is stored in a GGUF file.
public struct GGUFTensorInfo: Sendable, Equatable {
    public var name: String
    /// Dimensions innermost first (`ne[0]` is the contiguous row length), as GGUF stores them.
    public var dimensions: [Int]
    public var type: GGMLType
    /// Offset relative to the start of the data section.
    public var offset: Int
    /// Size of the tensor's data in bytes.
    public var byteCount: Int

    public init(name: String, dimensions: [Int], type: GGMLType, offset: Int, byteCount: Int) {
        self.name = name
        self.dimensions = dimensions
        self.type = type
        self.offset = offset
        self.byteCount = byteCount
    }

    public var elementCount: Int { dimensions.reduce(1, *) }
    /// Length of one row (`ne[0]`).
    public var rowLength: Int { dimensions.first ?? 1 }
    /// Number of rows (product of the outer dimensions).
    public var rowCount: Int { dimensions.dropFirst().reduce(1, *) }
    /// Bytes per row.
    public var rowBytes: Int { type.byteCount(elements: rowLength) ?? 0 }
}
