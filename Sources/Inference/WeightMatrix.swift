import CKernels
import GGUF

/// A 2-D weight tensor viewed in place in the model file: `rows` output features of `columns` inputs each.
public struct WeightMatrix: @unchecked Sendable {
    public let name: String
    public let type: GGMLType
    public let rows: Int
    public let columns: Int
    public let rowBytes: Int
    /// Start of row 0; points into the memory-mapped file, which the owning model keeps alive.
    public let base: UnsafeRawPointer

    init(file: GGUFFile, name: String, columns: Int, rows: Int) throws(InferenceError) {
        guard let info = file.tensor(named: name) else {
            throw .invalidModel("\(file.path): tensor '\(name)' is missing")
        }
        try self.init(file: file, info: info, columns: columns, rows: rows)
    }

    init(file: GGUFFile, info: GGUFTensorInfo, columns: Int, rows: Int) throws(InferenceError) {
        guard info.dimensions.count == 2 || (info.dimensions.count > 2 && info.dimensions.dropFirst(2).allSatisfy { $0 == 1 }),
              info.dimensions[0] == columns, info.dimensions[1] == rows else {
            throw .invalidModel("\(file.path): tensor '\(info.name)' has shape \(info.dimensions), expected [\(columns), \(rows)]")
        }
        guard info.type.isSupported, vp_is_supported(Int32(info.type.rawValue)) != 0 else {
            throw .unsupported("\(file.path): tensor '\(info.name)' has type \(info.type.name), which this engine does not run (supported: \(GGMLType.supported.map(\.name).sorted().joined(separator: ", ")))")
        }
        name = info.name
        type = info.type
        self.rows = rows
        self.columns = columns
        rowBytes = info.rowBytes
        base = file.data(for: info).baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
    }

    /// The activation format this matrix multiplies with (ggml's `vec_dot_type`).
    public var activationType: Int32 { vp_vec_dot_type(Int32(type.rawValue)) }

    /// Row `r` as f32 values.
    public func dequantizedRow(_ r: Int, into out: UnsafeMutablePointer<Float>) {
        vp_dequantize_row(Int32(type.rawValue), base + r * rowBytes, out, Int64(columns))
    }
}

/// Reads a 1-D tensor (a norm weight or a bias) as f32 values.
func vectorTensor(_ file: GGUFFile, _ name: String, length: Int) throws(InferenceError) -> [Float] {
    guard let info = file.tensor(named: name) else {
        throw .invalidModel("\(file.path): tensor '\(name)' is missing")
    }
    guard info.elementCount == length, info.rowLength == length else {
        throw .invalidModel("\(file.path): tensor '\(name)' has shape \(info.dimensions), expected [\(length)]")
    }
    guard info.type.isSupported else {
        throw .unsupported("\(file.path): tensor '\(name)' has unsupported type \(info.type.name)")
    }
    let bytes = file.data(for: info)
    return [Float](unsafeUninitializedCapacity: length) { buf, n in
        vp_dequantize_row(Int32(info.type.rawValue), bytes.baseAddress!, buf.baseAddress!, Int64(length))
        n = length
    }
}
