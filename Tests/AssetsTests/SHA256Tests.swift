import Assets
import Foundation
import Testing

@Suite("SHA-256")
struct SHA256Tests {
    // Published FIPS 180-2 / NIST example vectors.
    @Test func emptyMessage() {
        #expect(SHA256.hash([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func abc() {
        #expect(SHA256.hash(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func twoBlockMessage() {
        let message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(SHA256.hash(Array(message.utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func millionA() {
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)) == expected)
        // The same message fed in uneven pieces must give the same digest.
        var hasher = SHA256()
        var left = 1_000_000
        var piece = 1
        while left > 0 {
            let n = min(piece, left)
            hasher.update([UInt8](repeating: UInt8(ascii: "a"), count: n))
            left -= n
            piece = piece * 3 % 1_000 + 1
        }
        #expect(hasher.finalizeHex() == expected)
    }

    @Test func paddingBoundaries() throws {
        // Lengths around the 55/56/64-byte padding edges, checked against the system's sha256sum.
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for length in [55, 56, 57, 63, 64, 65, 119, 120, 128] {
            let bytes = TestSupport.bytes(length, seed: UInt64(length))
            let url = directory.appendingPathComponent("m\(length)")
            try Data(bytes).write(to: url)
            let reference = try #require(TestSupport.systemSHA256(url))
            #expect(SHA256.hash(bytes) == reference, "length \(length)")
        }
    }

    @Test func fileHashMatchesSystemTool() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("blob")
        // Spans several 1 MiB read chunks and ends mid-block.
        try Data(TestSupport.bytes(3 * (1 << 20) + 12_345, seed: 7)).write(to: url)
        var reported: Int64 = 0
        let digest = try SHA256.hashFile(at: url) { reported = $0 }
        #expect(digest == TestSupport.systemSHA256(url))
        #expect(reported == 3 * (1 << 20) + 12_345)
    }

    @Test func missingFileIsAnError() {
        #expect(throws: AssetError.self) { try SHA256.hashFile(at: URL(fileURLWithPath: "/nonexistent/valueprobe")) }
    }
}
