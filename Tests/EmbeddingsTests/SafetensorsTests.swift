import Assets
import Embeddings
import Foundation
import Testing

@Suite struct SafetensorsTests {
    @Test func readsAValidFile() throws {
        let file = try SafetensorsFile(bytes: SafetensorsFixture.valid.bytes)
        #expect(file.metadata == ["format": "pt"])
        #expect(file.tensors.map(\.name) == ["a", "h", "b", "i", "s", "e"])
        #expect(try file.floats("a", shape: [2, 3]) == [1, 2, 3, 4, 5, 6])
        #expect(try file.floats("h") == [1, -2.5])
        #expect(try file.floats("b") == [1, -2.5])
        #expect(try file.floats("s", shape: []) == [0.25])
        #expect(try file.floats("e") == [])
        #expect(try file.int64s(file.requireTensor("i")) == [0, -7, 1 << 40])
        let a = try file.requireTensor("a")
        #expect(a.dtype == .f32 && a.elementCount == 6 && a.byteCount == 24)
        #expect(a.fileRange.lowerBound == file.dataOffset)
    }

    @Test func readsFromDisk() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("st-\(UUID().uuidString).safetensors")
        try Data(SafetensorsFixture.valid.bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let file = try SafetensorsFile(path: url.path)
        #expect(try file.floats("a") == [1, 2, 3, 4, 5, 6])
        #expect(file.path == url.path)
    }

    @Test func wrongShapeAndDtypeRequests() throws {
        let file = try SafetensorsFile(bytes: SafetensorsFixture.valid.bytes, name: "x.safetensors")
        #expect(throws: SafetensorsError.self) { try file.floats("a", shape: [3, 2]) }
        #expect(throws: SafetensorsError.self) { try file.floats("i") }
        #expect(throws: SafetensorsError.self) { try file.int64s(file.requireTensor("a")) }
        #expect(throws: SafetensorsError.self) { try file.requireTensor("missing") }
    }

    /// Each broken file is rejected with a one-line error that names the file and the byte offset expected.
    @Test(arguments: [
        ("overlap", """
            {"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}
            """, 12, "overlaps", 4),
        ("hole in the middle", """
            {"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}
            """, 12, "hole", 4),
        ("hole at the start", """
            {"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}
            """, 8, "hole", 0),
        ("bytes after the last tensor", """
            {"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}
            """, 8, "belong to no tensor", 4),
        ("unknown dtype", """
            {"a":{"dtype":"F33","shape":[1],"data_offsets":[0,4]}}
            """, 4, "unknown dtype", nil),
        ("size mismatch", """
            {"a":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}
            """, 4, "needs 8 bytes", nil),
        ("offsets past the data", """
            {"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}
            """, 4, "past the end", nil),
        ("duplicate key", """
            {"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}
            """, 4, "duplicate key", nil),
        ("negative dimension", """
            {"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}
            """, 4, "non-negative", nil),
        ("begin after end", """
            {"a":{"dtype":"F32","shape":[0],"data_offsets":[4,0]}}
            """, 4, "after end", nil),
        ("metadata not strings", """
            {"__metadata__":{"n":1},"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}
            """, 4, "must be a string", nil),
        ("invalid JSON", """
            {"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},}
            """, 4, "header JSON", nil),
    ] as [(String, String, Int, String, Int?)])
    func rejectsBrokenFile(label: String, header: String, dataBytes: Int, reason: String, dataOffset: Int?) throws {
        let fixture = SafetensorsFixture(header: header, data: [UInt8](repeating: 0, count: dataBytes))
        let error = try #require(throws: SafetensorsError.self, "\(label)") {
            try SafetensorsFile(bytes: fixture.bytes, name: "bad.safetensors")
        }
        #expect(error.description.contains(reason), "\(label): \(error)")
        #expect(error.description.hasPrefix("bad.safetensors: byte "), "\(label): \(error)")
        #expect(!error.description.contains("\n"))
        if let dataOffset {
            #expect(error.offset == 8 + header.utf8.count + dataOffset, "\(label): \(error)")
        } else {
            let offset = try #require(error.offset)
            #expect(offset >= 8 && offset < 8 + header.utf8.count, "\(label): offset \(offset) is not in the header")
        }
    }

    @Test func rejectsAHeaderThatDoesNotStartWithABrace() throws {
        let fixture = SafetensorsFixture(header: " {\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", data: [0, 0, 0, 0])
        let error = try #require(throws: SafetensorsError.self) { try SafetensorsFile(bytes: fixture.bytes) }
        #expect(error.offset == 8)
        #expect(error.description.contains("'{'"))
    }

    @Test func rejectsTruncatedFiles() throws {
        let valid = SafetensorsFixture.valid.bytes
        // Cut inside the data: the last tensors' offsets run past the end.
        let cut = try #require(throws: SafetensorsError.self) { try SafetensorsFile(bytes: Array(valid.dropLast(3))) }
        #expect(cut.description.contains("truncated"))
        // Cut inside the header.
        let header = try #require(throws: SafetensorsError.self) { try SafetensorsFile(bytes: Array(valid.prefix(40))) }
        #expect(header.offset == 0 && header.description.contains("past the end of the file"))
        // Shorter than the length field.
        #expect(throws: SafetensorsError.self) { try SafetensorsFile(bytes: [1, 0, 0]) }
    }

    @Test func rejectsAnOversizedHeaderLength() throws {
        var fixture = SafetensorsFixture.valid
        fixture.declaredLength = 100_000_001
        let error = try #require(throws: SafetensorsError.self) { try SafetensorsFile(bytes: fixture.bytes) }
        #expect(error.description.contains("exceeds the limit"))
    }

    @Test func rejectsInvalidUTF8InTheHeader() throws {
        var bytes = SafetensorsFixture.valid.bytes
        bytes[12] = 0xFF
        let error = try #require(throws: SafetensorsError.self) { try SafetensorsFile(bytes: bytes) }
        #expect(error.offset == 12)
    }

    @Test func missingFileIsAOneLineError() throws {
        let error = try #require(throws: SafetensorsError.self) { try SafetensorsFile(path: "/nonexistent/model.safetensors") }
        #expect(error.description.hasPrefix("/nonexistent/model.safetensors: "))
    }

    /// The real all-MiniLM-L6-v2 file against the facts in the engine reference (§8): N = 11,408, data at
    /// 11,416, 103 F32 tensors plus the I64 position ids 0 … 511.
    @Test func realMiniLMFile() throws {
        guard let path = try? AssetStore().path("minilm", file: "model.safetensors").path else {
            Issue.record("the minilm asset could not be fetched")
            return
        }
        let file = try SafetensorsFile(path: path)
        #expect(file.headerLength == 11_408)
        #expect(file.dataOffset == 11_416)
        #expect(file.tensors.count == 104)
        #expect(file.tensors.filter { $0.dtype == .f32 }.count == 103)
        #expect(file.metadata == ["format": "pt"])
        let ids = try file.requireTensor("embeddings.position_ids", shape: [1, 512])
        #expect(try file.int64s(ids) == (0 ..< 512).map(Int64.init))
        #expect(try file.requireTensor("embeddings.word_embeddings.weight").shape == [30522, 384])
    }
}
