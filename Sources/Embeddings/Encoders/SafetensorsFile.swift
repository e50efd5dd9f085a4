import CKernels
import Foundation
import GGUF

/// A safetensors file (Hugging Face's tensor container), memory-mapped and checked against every rule of the
/// format before any tensor is used:
///
/// - bytes 0–7 hold the header length N (u64, little-endian), at most 100,000,000, with 8 + N within the file;
/// - the header is UTF-8 JSON that starts with `{` (trailing spaces allowed), with no duplicate keys;
/// - each tensor has a known `dtype`, a `shape` of non-negative integers and `data_offsets` [begin, end) with
///   end − begin = product(shape) × dtype size; `__metadata__` is a string → string map;
/// - the tensors cover the data buffer (everything after the header) exactly: no holes, no overlaps, nothing
///   past the end of the file.
///
/// Errors are ``SafetensorsError``s: one line with the file and the byte offset.
public final class SafetensorsFile: @unchecked Sendable {
    /// The largest header accepted (the reference parser's limit).
    public static let maxHeaderLength = 100_000_000

    public let path: String
    /// N, the JSON header's length in bytes.
    public let headerLength: Int
    /// Offset of the data buffer in the file (8 + N).
    public let dataOffset: Int
    /// Tensors in the order of their data (by `data_offsets`).
    public let tensors: [SafetensorsTensor]
    /// The `__metadata__` map (empty when absent).
    public let metadata: [String: String]

    private let storage: Storage
    private let byName: [String: Int]

    private enum Storage {
        case mapped(MappedFile)
        case memory([UInt8])
    }

    /// Maps and validates the file at `path`.
    public convenience init(path: String) throws(SafetensorsError) {
        let mapped: MappedFile
        do { mapped = try MappedFile(path: path) } catch {
            throw SafetensorsError(path: path, offset: nil, reason: error.message)
        }
        try self.init(storage: .mapped(mapped), path: path)
    }

    /// Validates a file held in memory; `name` stands for the path in errors.
    public convenience init(bytes: [UInt8], name: String = "<memory>") throws(SafetensorsError) {
        try self.init(storage: .memory(bytes), path: name)
    }

    private init(storage: Storage, path: String) throws(SafetensorsError) {
        self.storage = storage
        self.path = path
        let parsed: (headerLength: Int, tensors: [SafetensorsTensor], metadata: [String: String])
        switch storage {
        case .mapped(let m): parsed = try Self.validate(m.bytes, path: path)
        case .memory(let b):
            let result = b.withUnsafeBytes { raw in
                Result { () throws(SafetensorsError) in try Self.validate(raw, path: path) }
            }
            parsed = try result.get()
        }
        headerLength = parsed.headerLength
        dataOffset = 8 + parsed.headerLength
        tensors = parsed.tensors
        metadata = parsed.metadata
        var names: [String: Int] = [:]
        for (k, t) in tensors.enumerated() { names[t.name] = k }
        byName = names
    }

    /// The tensor called `name`, nil when absent.
    public func tensor(named name: String) -> SafetensorsTensor? { byName[name].map { tensors[$0] } }

    /// The tensor called `name`; a one-line error when absent or when `shape` (if given) differs.
    public func requireTensor(_ name: String, shape: [Int]? = nil) throws(SafetensorsError) -> SafetensorsTensor {
        guard let t = tensor(named: name) else {
            throw SafetensorsError(path: path, offset: nil, reason: "tensor '\(name)' is missing")
        }
        if let shape, t.shape != shape {
            throw SafetensorsError(path: path, offset: t.fileRange.lowerBound,
                                   reason: "tensor '\(name)' has shape \(t.shape), expected \(shape)")
        }
        return t
    }

    /// Calls `body` with the raw bytes of `tensor` (valid only during the call).
    public func withBytes<R, E: Error>(of tensor: SafetensorsTensor, _ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        switch storage {
        case .mapped(let m):
            return try body(UnsafeRawBufferPointer(rebasing: m.bytes[tensor.fileRange]))
        case .memory(let b):
            // The array is immutable, so the pointer stays valid for the call.
            let result: Result<R, E> = b.withUnsafeBytes { raw in
                do throws(E) { return .success(try body(UnsafeRawBufferPointer(rebasing: raw[tensor.fileRange]))) } catch {
                    return .failure(error)
                }
            }
            return try result.get()
        }
    }

    /// The values of a floating-point tensor (F32, F16 or BF16) as f32, in C order.
    public func floats(_ tensor: SafetensorsTensor) throws(SafetensorsError) -> [Float] {
        let n = tensor.elementCount
        let type: Int32
        switch tensor.dtype {
        case .f32: type = Int32(VP_F32.rawValue)
        case .f16: type = Int32(VP_F16.rawValue)
        case .bf16: type = Int32(VP_BF16.rawValue)
        default:
            throw SafetensorsError(path: path, offset: tensor.fileRange.lowerBound,
                                   reason: "tensor '\(tensor.name)' has dtype \(tensor.dtype.rawValue), expected F32, F16 or BF16")
        }
        guard n > 0 else { return [] }
        return withBytes(of: tensor) { raw in
            [Float](unsafeUninitializedCapacity: n) { buf, count in
                // Unaligned reads are fine for these converters (they load element by element or unaligned).
                vp_dequantize_row(type, raw.baseAddress!, buf.baseAddress!, Int64(n))
                count = n
            }
        }
    }

    /// The values of the floating-point tensor called `name`, checking its shape when `shape` is given.
    public func floats(_ name: String, shape: [Int]? = nil) throws(SafetensorsError) -> [Float] {
        try floats(requireTensor(name, shape: shape))
    }

    /// The values of an I64 tensor.
    public func int64s(_ tensor: SafetensorsTensor) throws(SafetensorsError) -> [Int64] {
        guard tensor.dtype == .i64 else {
            throw SafetensorsError(path: path, offset: tensor.fileRange.lowerBound,
                                   reason: "tensor '\(tensor.name)' has dtype \(tensor.dtype.rawValue), expected I64")
        }
        return withBytes(of: tensor) { raw in
            (0 ..< tensor.elementCount).map { Int64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: Int64.self)) }
        }
    }

    // MARK: Validation

    private static func validate(_ file: UnsafeRawBufferPointer, path: String) throws(SafetensorsError)
        -> (headerLength: Int, tensors: [SafetensorsTensor], metadata: [String: String]) {
        func fail(_ offset: Int?, _ reason: String) -> SafetensorsError {
            SafetensorsError(path: path, offset: offset, reason: reason)
        }
        guard file.count >= 8 else {
            throw fail(nil, "file of \(file.count) bytes is too short for the 8-byte header length")
        }
        let rawLength = UInt64(littleEndian: file.loadUnaligned(as: UInt64.self))
        guard rawLength <= UInt64(maxHeaderLength) else {
            throw fail(0, "header length \(rawLength) exceeds the limit of \(maxHeaderLength) bytes")
        }
        let n = Int(rawLength)
        guard n >= 2 else { throw fail(0, "header length \(n) is too short for a JSON object") }
        guard 8 + n <= file.count else {
            throw fail(0, "header length \(n) runs past the end of the file (\(file.count) bytes): truncated file?")
        }
        let header = Array(file[8 ..< 8 + n])
        guard header[0] == UInt8(ascii: "{") else {
            throw fail(8, "the header does not start with '{'")
        }
        if String(validating: header, as: UTF8.self) == nil {
            var offset = 8
            // Find the first invalid sequence for the message.
            var decoder = UTF8()
            var it = header.makeIterator()
            var consumed = 0
            loop: while true {
                switch decoder.decode(&it) {
                case .scalarValue(let s): consumed += UTF8.width(s)
                case .emptyInput: break loop
                case .error: offset = 8 + consumed; break loop
                }
            }
            throw fail(offset, "the header is not valid UTF-8")
        }
        var parser = SafetensorsHeaderParser(bytes: header, fileOffset: 8, path: path)
        let root = try parser.parseDocument()
        guard case .object(let members) = root.kind else { throw fail(8, "the header is not a JSON object") }

        let dataStart = 8 + n
        let dataLength = file.count - dataStart
        var tensors: [SafetensorsTensor] = []
        var metadata: [String: String] = [:]
        for (key, _, value) in members {
            if key == "__metadata__" {
                guard case .object(let items) = value.kind else {
                    throw fail(value.offset, "__metadata__ must be an object of strings, got \(value.typeName)")
                }
                for (k, _, v) in items {
                    guard case .string(let s) = v.kind else {
                        throw fail(v.offset, "__metadata__ value of '\(k)' must be a string, got \(v.typeName)")
                    }
                    metadata[k] = s
                }
                continue
            }
            tensors.append(try tensor(key, value, dataStart: dataStart, dataLength: dataLength, fail: fail))
        }

        // Coverage: sorted by begin (then end), each tensor must start where the previous one ended.
        tensors.sort { ($0.dataOffsets.lowerBound, $0.dataOffsets.upperBound) < ($1.dataOffsets.lowerBound, $1.dataOffsets.upperBound) }
        var cursor = 0
        var previous: String?
        for t in tensors {
            let begin = t.dataOffsets.lowerBound
            if begin > cursor {
                throw fail(dataStart + cursor, "hole in the data buffer: bytes [\(cursor), \(begin)) belong to no tensor (before '\(t.name)')")
            }
            if begin < cursor {
                throw fail(dataStart + begin, "tensor '\(t.name)' data [\(begin), \(t.dataOffsets.upperBound)) overlaps '\(previous ?? "?")', which ends at \(cursor)")
            }
            cursor = t.dataOffsets.upperBound
            previous = t.name
        }
        if cursor != dataLength {
            throw fail(dataStart + cursor, "\(dataLength - cursor) bytes after the last tensor belong to no tensor")
        }
        return (n, tensors, metadata)
    }

    private static func tensor(
        _ name: String, _ value: HeaderValue, dataStart: Int, dataLength: Int,
        fail: (Int?, String) -> SafetensorsError
    ) throws(SafetensorsError) -> SafetensorsTensor {
        guard case .object(let fields) = value.kind else {
            throw fail(value.offset, "tensor '\(name)' must be an object, got \(value.typeName)")
        }
        var dtype: SafetensorsDType?
        var shape: [Int]?
        var offsets: (Int, Int)?
        for (field, fieldOffset, v) in fields {
            switch field {
            case "dtype":
                guard case .string(let s) = v.kind else { throw fail(v.offset, "tensor '\(name)': dtype must be a string") }
                guard let d = SafetensorsDType(rawValue: s) else {
                    throw fail(v.offset, "tensor '\(name)': unknown dtype \"\(s)\"")
                }
                dtype = d
            case "shape":
                guard case .array(let dims) = v.kind else { throw fail(v.offset, "tensor '\(name)': shape must be an array") }
                var out: [Int] = []
                for d in dims {
                    guard case .integer(let k) = d.kind, k >= 0 else {
                        throw fail(d.offset, "tensor '\(name)': shape entries must be non-negative integers")
                    }
                    out.append(k)
                }
                shape = out
            case "data_offsets":
                guard case .array(let pair) = v.kind, pair.count == 2,
                      case .integer(let b) = pair[0].kind, case .integer(let e) = pair[1].kind, b >= 0, e >= 0 else {
                    throw fail(v.offset, "tensor '\(name)': data_offsets must be two non-negative integers [begin, end]")
                }
                guard b <= e else { throw fail(v.offset, "tensor '\(name)': data_offsets begin \(b) is after end \(e)") }
                offsets = (b, e)
            default:
                throw fail(fieldOffset, "tensor '\(name)': unknown field \"\(field)\"")
            }
        }
        guard let dtype else { throw fail(value.offset, "tensor '\(name)' has no dtype") }
        guard let shape else { throw fail(value.offset, "tensor '\(name)' has no shape") }
        guard let (begin, end) = offsets else { throw fail(value.offset, "tensor '\(name)' has no data_offsets") }
        var bytes = dtype.byteSize
        for d in shape {
            let (p, overflow) = bytes.multipliedReportingOverflow(by: d)
            guard !overflow else { throw fail(value.offset, "tensor '\(name)': shape \(shape) is too large") }
            bytes = p
        }
        guard end - begin == bytes else {
            throw fail(value.offset, "tensor '\(name)': shape \(shape) of \(dtype.rawValue) needs \(bytes) bytes, but data_offsets [\(begin), \(end)) hold \(end - begin)")
        }
        guard end <= dataLength else {
            throw fail(value.offset, "tensor '\(name)': data_offsets [\(begin), \(end)) run past the end of the data buffer (\(dataLength) bytes): truncated file?")
        }
        return SafetensorsTensor(name: name, dtype: dtype, shape: shape, dataOffsets: begin ..< end,
                                 fileRange: dataStart + begin ..< dataStart + end)
    }
}
