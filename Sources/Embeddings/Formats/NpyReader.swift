import CKernels
import Foundation

/// A 2-D floating-point array read from a NumPy `.npy` file, converted to row-major `Float`.
public struct NpyMatrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    /// Row-major values, `rows × columns` (a Fortran-order file is transposed once at load).
    public let values: [Float]
    /// Whether the file stored the array in column-major (Fortran) order.
    public let wasFortranOrder: Bool
    /// The file's dtype descriptor, e.g. `<f4`.
    public let dtype: String
}

/// Reads NumPy `.npy` files, format versions 1.0, 2.0 and 3.0, holding a 2-D array of `<f4`/`>f4`, `<f8`/`>f8`
/// or `<f2`, in C or Fortran order.
///
/// Layout: the magic `\x93NUMPY`, a major and a minor version byte, the header length (u16 LE in version 1,
/// u32 LE in versions 2 and 3), then the header — a Python dict literal such as
/// `{'descr': '<f4', 'fortran_order': True, 'shape': (400000, 50), }` — and the raw data.
public enum NpyReader {
    /// Reads the array in the file at `url`.
    public static func read(_ url: URL) throws(EmbeddingError) -> NpyMatrix {
        try parse(FileBytes.read(url), source: url.path)
    }

    /// Parses the bytes of an `.npy` file; `source` names it in errors.
    public static func parse(_ bytes: [UInt8], source: String) throws(EmbeddingError) -> NpyMatrix {
        let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
        guard bytes.count >= 10, Array(bytes[0 ..< 6]) == magic else {
            throw .malformed("\(source): not an NPY file (missing the \\x93NUMPY magic at byte 0)")
        }
        let major = bytes[6]
        let headerLength: Int
        let headerStart: Int
        switch major {
        case 1:
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw .malformed("\(source): NPY header length truncated at byte 8") }
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
            headerStart = 12
        default:
            throw .malformed("\(source): unsupported NPY format version \(major).\(bytes[7]) at byte 6")
        }
        guard headerLength <= bytes.count - headerStart else {
            throw .malformed("\(source): NPY header of \(headerLength) bytes runs past the end of the file (\(bytes.count) bytes)")
        }
        let dataStart = headerStart + headerLength
        let headerText = String(decoding: bytes[headerStart ..< dataStart], as: UTF8.self)
        let header = try NpyHeader(parsing: headerText, source: source, offset: headerStart)

        guard header.shape.count == 2 else {
            throw .malformed("\(source): expected a 2-D array (words × dimensions), the header gives shape \(header.shape)")
        }
        let (rows, columns) = (header.shape[0], header.shape[1])
        let itemSize: Int
        switch header.descr {
        case "<f4", ">f4": itemSize = 4
        case "<f8", ">f8": itemSize = 8
        case "<f2": itemSize = 2
        default:
            throw .malformed("\(source): unsupported dtype '\(header.descr)' (expected <f4, >f4, <f8, >f8 or <f2)")
        }
        let (count, o1) = rows.multipliedReportingOverflow(by: columns)
        let (byteCount, o2) = count.multipliedReportingOverflow(by: itemSize)
        guard !o1, !o2 else { throw .malformed("\(source): shape (\(rows), \(columns)) is too large") }
        let available = bytes.count - dataStart
        guard available >= byteCount else {
            throw .malformed("\(source): truncated: shape (\(rows), \(columns)) needs \(byteCount) data bytes from byte \(dataStart), the file has \(available)")
        }
        guard available == byteCount else {
            throw .malformed("\(source): \(available - byteCount) unexpected bytes after the data, at byte \(dataStart + byteCount)")
        }

        let values: [Float]
        if header.fortranOrder, header.descr == "<f4" {
            values = transposeLittleEndianColumnMajor(bytes, from: dataStart, rows: rows, columns: columns)
        } else {
            let stored = decode(bytes, from: dataStart, count: count, descr: header.descr)
            values = header.fortranOrder ? transposeColumnMajor(stored, rows: rows, columns: columns) : stored
        }
        return NpyMatrix(rows: rows, columns: columns, values: values, wasFortranOrder: header.fortranOrder, dtype: header.descr)
    }

    /// The stored elements in file order, as `Float`.
    private static func decode(_ bytes: [UInt8], from start: Int, count: Int, descr: String) -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { out, initialized in
            bytes.withUnsafeBytes { raw in
                let base = raw.baseAddress! + start
                guard count > 0, let o = out.baseAddress else { return }
                switch descr {
                case "<f4":
                    memcpy(o, base, count * 4)
                case ">f4":
                    for i in 0 ..< count {
                        out[i] = Float(bitPattern: UInt32(bigEndian: base.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
                    }
                case "<f8":
                    for i in 0 ..< count {
                        out[i] = Float(Double(bitPattern: UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))))
                    }
                case ">f8":
                    for i in 0 ..< count {
                        out[i] = Float(Double(bitPattern: UInt64(bigEndian: base.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))))
                    }
                default:  // "<f2"
                    for i in 0 ..< count {
                        out[i] = vp_f16_to_f32(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)))
                    }
                }
            }
            initialized = count
        }
    }

    /// Column-major little-endian float32 bytes → row-major values in one pass (GloVe's layout).
    static func transposeLittleEndianColumnMajor(_ bytes: [UInt8], from start: Int, rows: Int, columns: Int) -> [Float] {
        let block = 512
        return [Float](unsafeUninitializedCapacity: rows * columns) { out, initialized in
            bytes.withUnsafeBytes { raw in
                guard let o = out.baseAddress, let base = raw.baseAddress else { return }
                let s = base + start
                var r0 = 0
                while r0 < rows {
                    let r1 = min(rows, r0 + block)
                    for c in 0 ..< columns {
                        let column = s + 4 * c * rows
                        var r = r0
                        while r < r1 {
                            o[r * columns + c] = Float(bitPattern: UInt32(littleEndian: column.loadUnaligned(fromByteOffset: 4 * r, as: UInt32.self)))
                            r += 1
                        }
                    }
                    r0 = r1
                }
            }
            initialized = rows * columns
        }
    }

    /// Column-major `rows × columns` → row-major, in cache-sized row blocks.
    static func transposeColumnMajor(_ source: [Float], rows: Int, columns: Int) -> [Float] {
        let block = 512
        return [Float](unsafeUninitializedCapacity: rows * columns) { out, initialized in
            source.withUnsafeBufferPointer { src in
                guard let s = src.baseAddress, let o = out.baseAddress else { return }
                var r0 = 0
                while r0 < rows {
                    let r1 = min(rows, r0 + block)
                    for c in 0 ..< columns {
                        let column = s + c * rows
                        var r = r0
                        while r < r1 {
                            o[r * columns + c] = column[r]
                            r += 1
                        }
                    }
                    r0 = r1
                }
            }
            initialized = rows * columns
        }
    }
}

/// The dict literal of an NPY header: `descr`, `fortran_order` and `shape`.
struct NpyHeader {
    var descr = ""
    var fortranOrder = false
    var shape: [Int] = []

    /// Parses `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }`; `offset` is where the text starts
    /// in the file, for error positions.
    init(parsing text: String, source: String, offset: Int) throws(EmbeddingError) {
        let chars = Array(text.utf8)
        var i = 0
        var seen = Set<String>()
        func fail(_ what: String) -> EmbeddingError {
            .malformed("\(source): NPY header: \(what) at byte \(offset + min(i, chars.count))")
        }
        func skipSpace() { while i < chars.count, chars[i] == 0x20 || chars[i] == 0x0A || chars[i] == 0x09 { i += 1 } }
        func quoted() throws(EmbeddingError) -> String {
            guard i < chars.count, chars[i] == 0x27 || chars[i] == 0x22 else { throw fail("expected a quoted string") }
            let quote = chars[i]
            i += 1
            let start = i
            while i < chars.count, chars[i] != quote { i += 1 }
            guard i < chars.count else { throw fail("unterminated string") }
            defer { i += 1 }
            return String(decoding: chars[start ..< i], as: UTF8.self)
        }
        func integer() throws(EmbeddingError) -> Int {
            let start = i
            var value = 0
            while i < chars.count, chars[i] >= 0x30, chars[i] <= 0x39 {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int(chars[i] - 0x30))
                guard !o1, !o2 else { throw fail("dimension too large") }
                value = a
                i += 1
            }
            guard i > start else { throw fail("expected a non-negative integer") }
            if i < chars.count, chars[i] == 0x4C { i += 1 }  // Python 2 long suffix
            return value
        }
        skipSpace()
        guard i < chars.count, chars[i] == 0x7B else { throw fail("expected '{'") }
        i += 1
        while true {
            skipSpace()
            guard i < chars.count else { throw fail("unterminated dict") }
            if chars[i] == 0x7D { i += 1; break }
            let key = try quoted()
            skipSpace()
            guard i < chars.count, chars[i] == 0x3A else { throw fail("expected ':' after '\(key)'") }
            i += 1
            skipSpace()
            switch key {
            case "descr":
                descr = try quoted()
            case "fortran_order":
                if chars[i...].starts(with: Array("True".utf8)) { fortranOrder = true; i += 4 }
                else if chars[i...].starts(with: Array("False".utf8)) { fortranOrder = false; i += 5 }
                else { throw fail("fortran_order must be True or False") }
            case "shape":
                guard i < chars.count, chars[i] == 0x28 else { throw fail("expected '(' for the shape") }
                i += 1
                var dims: [Int] = []
                while true {
                    skipSpace()
                    guard i < chars.count else { throw fail("unterminated shape") }
                    if chars[i] == 0x29 { i += 1; break }
                    dims.append(try integer())
                    skipSpace()
                    if i < chars.count, chars[i] == 0x2C { i += 1 }
                }
                shape = dims
            default:
                throw fail("unexpected key '\(key)'")
            }
            seen.insert(key)
            skipSpace()
            if i < chars.count, chars[i] == 0x2C { i += 1 }
        }
        for key in ["descr", "fortran_order", "shape"] where !seen.contains(key) {
            throw .malformed("\(source): NPY header lacks '\(key)'")
        }
    }
}
