import Assets
import CKernels
import Foundation
import Testing

@testable import Embeddings

/// Builds NPY files by hand from the format description (magic, version, header length, dict header padded with
/// spaces to a 64-byte boundary and ending in a newline, raw data).
enum NpyFixture {
    static func file(
        descr: String = "<f4", fortran: Bool = false, shape: [Int], data: [UInt8], major: UInt8 = 1,
        headerOverride: String? = nil
    ) -> [UInt8] {
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var header = headerOverride ?? "{'descr': '\(descr)', 'fortran_order': \(fortran ? "True" : "False"), 'shape': \(shapeText), }"
        let prefix = major == 1 ? 10 : 12
        while (prefix + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        var out: [UInt8] = [0x93] + Array("NUMPY".utf8) + [major, 0]
        let n = header.utf8.count
        out += major == 1 ? [UInt8(n & 0xFF), UInt8(n >> 8)] : [UInt8(n & 0xFF), UInt8((n >> 8) & 0xFF), 0, 0]
        return out + Array(header.utf8) + data
    }

    static func f32(_ values: [Float], bigEndian: Bool = false) -> [UInt8] {
        values.flatMap { v -> [UInt8] in
            let b = bigEndian ? v.bitPattern.bigEndian : v.bitPattern.littleEndian
            return withUnsafeBytes(of: b) { Array($0) }
        }
    }

    static func f64(_ values: [Double]) -> [UInt8] {
        values.flatMap { v in withUnsafeBytes(of: v.bitPattern.littleEndian) { Array($0) } }
    }
}

@Suite("NPY reader")
struct NpyReaderTests {
    /// A 3 × 4 matrix m[i][j] = 10·i + j.
    static let rowMajor: [Float] = (0 ..< 3).flatMap { i in (0 ..< 4).map { j in Float(10 * i + j) } }
    static let columnMajor: [Float] = (0 ..< 4).flatMap { j in (0 ..< 3).map { i in Float(10 * i + j) } }

    @Test func cOrderVersion1() throws {
        let m = try NpyReader.parse(NpyFixture.file(shape: [3, 4], data: NpyFixture.f32(Self.rowMajor)), source: "a.npy")
        #expect(m.rows == 3 && m.columns == 4 && !m.wasFortranOrder)
        #expect(m.values == Self.rowMajor)
    }

    @Test func fortranOrderIsTransposedOnce() throws {
        for major: UInt8 in [1, 2, 3] {
            let m = try NpyReader.parse(NpyFixture.file(fortran: true, shape: [3, 4], data: NpyFixture.f32(Self.columnMajor), major: major), source: "f.npy")
            #expect(m.wasFortranOrder)
            #expect(m.values == Self.rowMajor)
        }
        // A larger Fortran matrix than one transpose block.
        let rows = 1300, cols = 7
        let colMajor = (0 ..< cols).flatMap { j in (0 ..< rows).map { i in Float(i * cols + j) } }
        let m = try NpyReader.parse(NpyFixture.file(fortran: true, shape: [rows, cols], data: NpyFixture.f32(colMajor)), source: "big.npy")
        #expect(m.values == (0 ..< rows * cols).map(Float.init))
    }

    @Test func emptyMatrix() throws {
        let m = try NpyReader.parse(NpyFixture.file(shape: [0, 50], data: []), source: "e.npy")
        #expect(m.rows == 0 && m.columns == 50 && m.values.isEmpty)
        let f = try NpyReader.parse(NpyFixture.file(fortran: true, shape: [0, 50], data: []), source: "e.npy")
        #expect(f.values.isEmpty)
    }

    @Test func otherDtypes() throws {
        let big = try NpyReader.parse(NpyFixture.file(descr: ">f4", shape: [3, 4], data: NpyFixture.f32(Self.rowMajor, bigEndian: true)), source: "b.npy")
        #expect(big.values == Self.rowMajor)
        let doubles = try NpyReader.parse(NpyFixture.file(descr: "<f8", shape: [3, 4], data: NpyFixture.f64(Self.rowMajor.map(Double.init))), source: "d.npy")
        #expect(doubles.values == Self.rowMajor)
        let halves = Self.rowMajor.flatMap { v in withUnsafeBytes(of: vp_f32_to_f16(v).littleEndian) { Array($0) } }
        let h = try NpyReader.parse(NpyFixture.file(descr: "<f2", shape: [3, 4], data: halves), source: "h.npy")
        #expect(h.values == Self.rowMajor)
    }

    @Test func malformedFilesGiveOneLineErrors() {
        let data = NpyFixture.f32(Self.rowMajor)
        let cases: [(String, [UInt8])] = [
            ("empty", []),
            ("bad magic", Array("NOTNPY12345".utf8)),
            ("truncated data", Array(NpyFixture.file(shape: [3, 4], data: data).dropLast(5))),
            ("extra data", NpyFixture.file(shape: [3, 4], data: data + [0, 0, 0, 0])),
            ("1-D", NpyFixture.file(shape: [12], data: data)),
            ("int dtype", NpyFixture.file(descr: "<i4", shape: [3, 4], data: data)),
            ("bad header", NpyFixture.file(shape: [3, 4], data: data, headerOverride: "{'descr': '<f4', 'shape': (3, 4), }")),
            ("garbage header", NpyFixture.file(shape: [3, 4], data: data, headerOverride: "not a dict")),
            ("huge shape", NpyFixture.file(shape: [1 << 40, 1 << 40], data: data)),
            ("version 9", Array(NpyFixture.file(shape: [3, 4], data: data).enumerated().map { $0.offset == 6 ? 9 : $0.element })),
            ("header past end", Array(NpyFixture.file(shape: [3, 4], data: []).prefix(20))),
        ]
        for (label, bytes) in cases {
            do {
                _ = try NpyReader.parse(bytes, source: "m.npy")
                Issue.record("\(label): no error")
            } catch {
                #expect(error.description.hasPrefix("m.npy"), "\(label): \(error.description)")
                #expect(!error.description.contains("\n"), "\(label)")
            }
        }
    }

    @Test func npyWithVocabularyFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("npy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let npy = dir.appendingPathComponent("m.npy")
        try Data(NpyFixture.file(fortran: true, shape: [3, 4], data: NpyFixture.f32(Self.columnMajor))).write(to: npy)
        try Data("alpha\nbeta 12\ngamma\n".utf8).write(to: dir.appendingPathComponent("m.vocab"))
        let space = try VectorFile.load(npy)
        #expect(space.words == ["alpha", "beta", "gamma"])
        #expect(try space.vector(for: "beta") == [10, 11, 12, 13])
        // A vocabulary of the wrong length.
        let wrong = dir.appendingPathComponent("w.txt")
        try Data("a\nb\n".utf8).write(to: wrong)
        #expect(throws: EmbeddingError.self) { try VectorFile.load(npy, vocabulary: wrong) }
        // A Parquet vocabulary.
        var builder = ParquetFixtureBuilder()
        builder.rowGroups = [(3, [FixturePage(kind: .dataV1, valueCount: 3, encoding: 0,
                                              body: ParquetEncoding.u32(2) + ParquetEncoding.run(1, count: 3, bitWidth: 1) + ParquetEncoding.plain(["x", "y", "z"]))])]
        let parquet = dir.appendingPathComponent("v.parquet")
        try Data(builder.build()).write(to: parquet)
        #expect(try VectorFile.load(npy, vocabulary: parquet).words == ["x", "y", "z"])
    }

    /// The real GloVe matrix: 400,000 × 50, Fortran order; the row of "the" starts 0.418 0.24968 −0.41242.
    @Test func gloveMatrix() throws {
        let url = try AssetStore().path("glove-6b-50d", file: "glove_6B_50d_emb.npy")
        let m = try NpyReader.read(url)
        #expect(m.rows == 400_000 && m.columns == 50 && m.wasFortranOrder && m.dtype == "<f4")
        #expect(Array(m.values.prefix(3)) == [0.418, 0.24968, -0.41242])
        // Element (i, j) sits at byte 128 + 4·(j·400000 + i) of the file.
        let raw = try Data(contentsOf: url)
        for (i, j) in [(0, 49), (7885, 3), (399_999, 0), (123_456, 17)] {
            let offset = 128 + 4 * (j * 400_000 + i)
            let bits = raw[offset ..< offset + 4].enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * UInt32($1.offset)) }
            #expect(m.values[i * 50 + j] == Float(bitPattern: bits))
        }
    }
}
