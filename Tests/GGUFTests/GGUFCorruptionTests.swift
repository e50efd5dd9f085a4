import Testing
@testable import GGUF

/// Every malformed input must end in a `GGUFError` that names a byte offset, never a crash.
@Suite struct GGUFCorruptionTests {
    private func error(_ bytes: [UInt8]) -> GGUFError? {
        do {
            _ = try GGUFFile(bytes: bytes)
            return nil
        } catch {
            return error
        }
    }

    private func le32(_ v: UInt32) -> [UInt8] { withUnsafeBytes(of: v.littleEndian) { Array($0) } }
    private func le64(_ v: UInt64) -> [UInt8] { withUnsafeBytes(of: v.littleEndian) { Array($0) } }
    private func str(_ s: String) -> [UInt8] { le64(UInt64(s.utf8.count)) + Array(s.utf8) }
    private func header(tensors: UInt64, kvs: UInt64, version: UInt32 = 3) -> [UInt8] {
        Array("GGUF".utf8) + le32(version) + le64(tensors) + le64(kvs)
    }

    @Test func everyTruncationFailsCleanly() {
        let bytes = sampleWriter().bytes()
        // The padding after the last tensor's data is not needed; every shorter cut is an error.
        let full = try? GGUFFile(bytes: bytes)
        let needed = full.map { f in f.dataOffset + f.tensors.map { $0.offset + $0.byteCount }.max()! } ?? bytes.count
        #expect(needed > bytes.count - 32 && needed < bytes.count)
        var offsets = Set<Int>()
        for n in 0 ..< needed {
            guard let e = error(Array(bytes[0 ..< n])) else {
                Issue.record("a file cut at \(n) of \(bytes.count) bytes was accepted")
                continue
            }
            if let o = e.offset { offsets.insert(o) }
        }
        #expect(offsets.count > 20)  // errors point at many different places, not one generic message
    }

    @Test func randomByteFlipsNeverCrash() {
        let bytes = sampleWriter().bytes()
        var rng = SplitMix(seed: 7)
        var rejected = 0
        for _ in 0 ..< 3000 {
            var b = bytes
            for _ in 0 ..< 1 + Int(rng.next() % 4) {
                let i = Int(rng.next() % UInt64(b.count))
                b[i] = UInt8(truncatingIfNeeded: rng.next())
            }
            if error(b) != nil { rejected += 1 }
        }
        #expect(rejected > 500)
    }

    @Test func badMagicAndVersions() {
        #expect(error(Array("GGML".utf8) + [3, 0, 0, 0])?.description == "<memory>: byte 0: not a GGUF file: magic is 47 47 4d 4c, expected 47 47 55 46 (\"GGUF\")")
        #expect(error(header(tensors: 0, kvs: 0, version: 1))?.message.contains("unsupported GGUF version 1") == true)
        #expect(error(header(tensors: 0, kvs: 0, version: 0x0300_0000))?.message.contains("byte-swapped") == true)
        #expect(error(header(tensors: 0, kvs: 0, version: 4))?.offset == 4)
        #expect(error([]) != nil)
        #expect(error(header(tensors: 0, kvs: 0)) == nil)  // an empty but valid file
    }

    @Test func absurdCountsAreRejectedBeforeAllocating() {
        #expect(error(header(tensors: UInt64.max, kvs: 0))?.message.contains("tensor count") == true)
        #expect(error(header(tensors: 0, kvs: 1 << 40))?.message.contains("metadata count") == true)
        let hugeString = header(tensors: 0, kvs: 1) + le64(1 << 62) + [UInt8](repeating: 0, count: 16)
        #expect(error(hugeString)?.offset == 24)
        #expect(error(hugeString)?.message.contains("larger than the limit") == true)
    }

    @Test func metadataRules() {
        let kv = { (key: String, type: UInt32, value: [UInt8]) in str(key) + le32(type) + value }
        #expect(error(header(tensors: 0, kvs: 1) + kv("", 4, le32(1)))?.message.contains("empty key") == true)
        #expect(error(header(tensors: 0, kvs: 2) + kv("a", 4, le32(1)) + kv("a", 4, le32(2)))?.message == "duplicate metadata key 'a'")
        #expect(error(header(tensors: 0, kvs: 1) + kv("a", 13, []))?.message.contains("invalid value type 13") == true)
        let nested = kv("a", 9, le32(9) + le64(1))
        #expect(error(header(tensors: 0, kvs: 1) + nested)?.message.contains("nested arrays") == true)
        #expect(error(header(tensors: 0, kvs: 1) + kv("general.alignment", 4, le32(24)))?.message.contains("power of two") == true)
        #expect(error(header(tensors: 0, kvs: 1) + kv("general.alignment", 5, le32(32)))?.message.contains("u32") == true)
        #expect(error(header(tensors: 0, kvs: 1) + kv("s", 8, le64(2) + [0xC3, 0x28]))?.message.contains("not valid UTF-8") == true)
    }

    private func tensorInfo(_ name: String, dims: [UInt64], type: UInt32, offset: UInt64) -> [UInt8] {
        str(name) + le32(UInt32(dims.count)) + dims.flatMap(le64) + le32(type) + le64(offset)
    }

    private func file(_ infos: [[UInt8]], dataBytes: Int) -> [UInt8] {
        var b = header(tensors: UInt64(infos.count), kvs: 0) + infos.flatMap { $0 }
        while b.count % 32 != 0 { b.append(0) }
        return b + [UInt8](repeating: 0, count: dataBytes)
    }

    @Test func tensorRules() {
        #expect(error(file([tensorInfo("t", dims: [4], type: 0, offset: 0)], dataBytes: 16)) == nil)
        #expect(error(file([tensorInfo("t", dims: [4], type: 0, offset: 0)], dataBytes: 15))?.message.contains("file truncated: tensor 't'") == true)
        #expect(error(file([tensorInfo("t", dims: [4], type: 0, offset: 0), tensorInfo("t", dims: [4], type: 0, offset: 32)], dataBytes: 64))?.message == "duplicate tensor name 't'")
        #expect(error(file([tensorInfo(String(repeating: "x", count: 64), dims: [4], type: 0, offset: 0)], dataBytes: 16))?.message.contains("name is 64 bytes") == true)
        #expect(error(file([tensorInfo("t", dims: [1, 1, 1, 1, 1], type: 0, offset: 0)], dataBytes: 16))?.message.contains("5 dimensions") == true)
        #expect(error(file([tensorInfo("t", dims: [4], type: 4, offset: 0)], dataBytes: 16))?.message.contains("invalid ggml type 4") == true)
        #expect(error(file([tensorInfo("t", dims: [4], type: 99, offset: 0)], dataBytes: 16))?.message.contains("invalid ggml type 99") == true)
        #expect(error(file([tensorInfo("t", dims: [33], type: 8, offset: 0)], dataBytes: 64))?.message.contains("not a multiple of the Q8_0 block size 32") == true)
        #expect(error(file([tensorInfo("t", dims: [4], type: 0, offset: 8)], dataBytes: 64))?.message.contains("alignment") == true)
        #expect(error(file([tensorInfo("t", dims: [1 << 40, 1 << 40], type: 0, offset: 0)], dataBytes: 16))?.message.contains("overflows") == true)
        let overlap = file([tensorInfo("a", dims: [16], type: 0, offset: 0), tensorInfo("b", dims: [8], type: 0, offset: 32)], dataBytes: 96)
        #expect(error(overlap)?.message == "tensors 'a' and 'b' overlap")
    }

    @Test func missingFileIsAOneLineError() {
        let e = #expect(throws: GGUFError.self) { try GGUFFile(path: "/nonexistent/model.gguf") }
        #expect(e?.description == "/nonexistent/model.gguf: cannot open: No such file or directory")
    }
}

/// Deterministic test randomness (SplitMix64).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
