import Testing
@testable import GGUF

/// A small but complete file: every metadata type, arrays, two tensors of different types.
func sampleWriter() -> GGUFWriter {
    var w = GGUFWriter()
    w.metadata["general.architecture"] = .string("llama")
    w.metadata["u8"] = .uint8(200)
    w.metadata["i8"] = .int8(-5)
    w.metadata["u16"] = .uint16(65000)
    w.metadata["i16"] = .int16(-30000)
    w.metadata["u32"] = .uint32(4_000_000_000)
    w.metadata["i32"] = .int32(-2_000_000_000)
    w.metadata["f32"] = .float32(1e-5)
    w.metadata["flag"] = .bool(true)
    w.metadata["u64"] = .uint64(1 << 40)
    w.metadata["i64"] = .int64(-(1 << 40))
    w.metadata["f64"] = .float64(3.25)
    w.metadata["tokens"] = .array(.strings(["<s>", "héllo", "🙂", ""]))
    w.metadata["scores"] = .array(.floats([0, -1.5, 2.25]))
    w.metadata["types"] = .array(.integers(.int32, [1, 3, 6]))
    w.metadata["bools"] = .array(.bools([true, false]))
    w.addTensor("a.weight", dimensions: [4, 2], values: [1, 2, 3, 4, 5, 6, 7, 8])
    w.addTensor("b.weight", dimensions: [32, 1], type: .q8_0, data: [UInt8](repeating: 7, count: 34))
    return w
}

@Suite struct GGUFReaderTests {
    @Test func roundTripsEveryValueType() throws {
        let w = sampleWriter()
        let f = try GGUFFile(bytes: w.bytes())
        #expect(f.version == 3)
        #expect(f.metadata == { var m = w.metadata; m.source = "<memory>"; return m }())
        #expect(f.metadata.keys == w.metadata.keys)
        #expect(try f.metadata.int("u32") == 4_000_000_000)
        #expect(try f.metadata.int("i8") == -5)
        #expect(try f.metadata.double("f32") == Double(Float(1e-5)))
        #expect(try f.metadata.stringArray("tokens") == ["<s>", "héllo", "🙂", ""])
        #expect(try f.metadata.intArray("types") == [1, 3, 6])
        #expect(try f.metadata.optionalBool("flag") == true)
    }

    @Test func tensorInfosAndData() throws {
        let f = try GGUFFile(bytes: sampleWriter().bytes())
        #expect(f.tensors.map(\.name) == ["a.weight", "b.weight"])
        let a = try f.requireTensor("a.weight")
        #expect(a.dimensions == [4, 2] && a.rowLength == 4 && a.rowCount == 2 && a.byteCount == 32)
        let bytes = f.data(for: a)
        let floats = (0 ..< 8).map { bytes.loadUnaligned(fromByteOffset: $0 * 4, as: Float.self) }
        #expect(floats == [1, 2, 3, 4, 5, 6, 7, 8])
        let b = try f.requireTensor("b.weight")
        #expect(b.type == .q8_0 && b.byteCount == 34 && b.offset == 32)
        #expect(f.dataOffset % 32 == 0)
        #expect(f.tensor(named: "missing") == nil)
        #expect(throws: GGUFError.self) { try f.requireTensor("missing") }
    }

    @Test func customAlignmentIsHonoured() throws {
        var w = sampleWriter()
        w.metadata["general.alignment"] = .uint32(64)
        let f = try GGUFFile(bytes: w.bytes())
        #expect(f.alignment == 64 && f.dataOffset % 64 == 0)
        #expect(try f.requireTensor("b.weight").offset == 64)
    }

    @Test func typedAccessorsReportKeyAndType() throws {
        let f = try GGUFFile(bytes: sampleWriter().bytes())
        let e1 = #expect(throws: GGUFError.self) { try f.metadata.string("u32") }
        #expect(e1?.description.contains("'u32' should be a string") == true)
        let e2 = #expect(throws: GGUFError.self) { try f.metadata.int("nope") }
        #expect(e2?.description == "<memory>: metadata key 'nope' is missing")
        #expect(try f.metadata.optionalInt("nope") == nil)
    }
}
