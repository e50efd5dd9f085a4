/// A parsed GGUF file (versions 2 and 3): metadata, tensor infos and zero-copy access to tensor data.
///
/// Files are memory-mapped: opening a model costs no copy, and only pages that are used become resident.
/// All structural checks of the reference reader are made when the file is opened, so later accesses
/// cannot run out of bounds.
public final class GGUFFile: @unchecked Sendable {
    public let path: String
    public let version: UInt32
    public let metadata: GGUFMetadata
    /// Tensor infos in file order.
    public let tensors: [GGUFTensorInfo]
    public let alignment: Int
    /// Absolute byte offset of the data section.
    public let dataOffset: Int
    private let index: [String: Int]
    private let storage: Storage

    private enum Storage {
        case mapped(MappedFile)
        case owned(UnsafeMutableRawBufferPointer)
    }

    /// Opens and validates the file at `path`.
    public convenience init(path: String) throws(GGUFError) {
        let mapped = try MappedFile(path: path)
        try self.init(storage: .mapped(mapped), path: path)
    }

    /// Parses a GGUF image held in memory (tests, generated files).
    public convenience init(bytes: [UInt8], name: String = "<memory>") throws(GGUFError) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 64)
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
        do {
            try self.init(storage: .owned(buffer), path: name)
        } catch {
            buffer.deallocate()
            throw error
        }
    }

    private init(storage: Storage, path: String) throws(GGUFError) {
        self.storage = storage
        self.path = path
        let raw: UnsafeRawBufferPointer
        switch storage {
        case .mapped(let m): raw = m.bytes
        case .owned(let b): raw = UnsafeRawBufferPointer(b)
        }
        let parsed = try GGUFParser.parse(raw, source: path)
        version = parsed.version
        metadata = parsed.metadata
        tensors = parsed.tensors
        alignment = parsed.alignment
        dataOffset = parsed.dataOffset
        var index: [String: Int] = [:]
        for (i, t) in parsed.tensors.enumerated() { index[t.name] = i }
        self.index = index
    }

    deinit {
        if case .owned(let b) = storage { b.deallocate() }
    }

    /// All bytes of the file.
    public var fileBytes: UnsafeRawBufferPointer {
        switch storage {
        case .mapped(let m): m.bytes
        case .owned(let b): UnsafeRawBufferPointer(b)
        }
    }

    public var fileSize: Int { fileBytes.count }

    public func tensor(named name: String) -> GGUFTensorInfo? {
        index[name].map { tensors[$0] }
    }

    /// The tensor named `name`, or a one-line error naming it.
    public func requireTensor(_ name: String) throws(GGUFError) -> GGUFTensorInfo {
        guard let t = tensor(named: name) else {
            throw GGUFError(path: path, offset: nil, message: "tensor '\(name)' is missing")
        }
        return t
    }

    /// The raw bytes of a tensor; valid while this file object is alive.
    public func data(for tensor: GGUFTensorInfo) -> UnsafeRawBufferPointer {
        let start = dataOffset + tensor.offset
        return UnsafeRawBufferPointer(rebasing: fileBytes[start ..< start + tensor.byteCount])
    }
}
