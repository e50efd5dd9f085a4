import Assets
import Foundation
import Testing

@Suite("Zip reader")
struct ZipReaderTests {
    @Test func storedAndDeflatedEntriesRoundTrip() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = Array(String(repeating: "the quick brown fox jumps over the lazy dog\n", count: 2_000).utf8)
        let random = TestSupport.bytes(3 * (1 << 20) + 77, seed: 42)  // several inflate/read chunks
        var writer = TestZipWriter()
        writer.add("pkg/data/text.txt", text, method: .deflated)
        writer.add("pkg/data/random.bin", random, method: .deflated)
        writer.add("pkg/plain.txt", Array("stored as is".utf8), method: .stored)
        writer.add("pkg/empty", [], method: .stored)
        writer.add("pkg/dir/", [], method: .stored)
        let archive = directory.appendingPathComponent("test.whl")
        try Data(writer.finish()).write(to: archive)

        let reader = try ZipReader(url: archive)
        #expect(reader.entries.map(\.name) == ["pkg/data/text.txt", "pkg/data/random.bin", "pkg/plain.txt", "pkg/empty", "pkg/dir/"])
        #expect(reader.entries[0].method == 8 && reader.entries[2].method == 0)
        #expect(reader.entries[4].isDirectory)

        let out = directory.appendingPathComponent("out")
        let extracted = try reader.extractAll(into: out)
        #expect(extracted.count == 4)
        #expect(try Data(contentsOf: out.appendingPathComponent("pkg/data/text.txt")) == Data(text))
        #expect(try Data(contentsOf: out.appendingPathComponent("pkg/data/random.bin")) == Data(random))
        #expect(try Data(contentsOf: out.appendingPathComponent("pkg/plain.txt")) == Data("stored as is".utf8))
        #expect(try Data(contentsOf: out.appendingPathComponent("pkg/empty")).isEmpty)
    }

    @Test func selectionRenamesAndFilters() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var writer = TestZipWriter()
        writer.add("a/keep.txt", Array("keep".utf8), method: .deflated)
        writer.add("a/drop.txt", Array("drop".utf8), method: .deflated)
        let archive = directory.appendingPathComponent("sel.zip")
        try Data(writer.finish()).write(to: archive)
        let out = directory.appendingPathComponent("out")
        let extracted = try ZipReader(url: archive).extractAll(into: out) { $0 == "a/keep.txt" ? "kept.txt" : nil }
        #expect(extracted.map(\.path) == ["kept.txt"])
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("kept.txt").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("a/drop.txt").path))
    }

    @Test func zipSlipEntryIsRejected() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for evil in ["../evil.txt", "pkg/../../evil.txt", "/tmp/evil-valueprobe.txt", "C:/evil.txt", "pkg\\..\\evil.txt"] {
            var writer = TestZipWriter()
            writer.add("pkg/good.txt", Array("good".utf8), method: .stored)
            writer.add(evil, Array("evil".utf8), method: .deflated)
            let archive = directory.appendingPathComponent("slip.zip")
            try Data(writer.finish()).write(to: archive)
            let out = directory.appendingPathComponent("out/inner")
            #expect(throws: AssetError.unsafePath(archive: "slip.zip", entry: evil)) {
                try ZipReader(url: archive).extractAll(into: out)
            }
            // Rejected before anything was written, inside or outside the destination.
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out/evil.txt").path))
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("pkg/good.txt").path))
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/evil-valueprobe.txt"))
    }

    @Test func corruptCRCIsDetected() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var writer = TestZipWriter()
        writer.add("x.txt", Array("payload".utf8), method: .deflated, corruptCRC: true)
        let archive = directory.appendingPathComponent("crc.zip")
        try Data(writer.finish()).write(to: archive)
        let reader = try ZipReader(url: archive)
        let error = try #require(throws: AssetError.self) { try reader.contents(of: reader.entries[0]) }
        #expect(error.description.contains("CRC-32 mismatch"))
    }

    @Test func damagedArchivesThrowInsteadOfCrashing() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var writer = TestZipWriter()
        writer.add("x.bin", TestSupport.bytes(10_000, seed: 3), method: .deflated)
        let good = writer.finish()
        let archive = directory.appendingPathComponent("bad.zip")
        // Not a zip at all, truncated, and damaged compressed data.
        var damaged = good
        for i in 40..<60 { damaged[i] ^= 0x5a }
        for bytes in [Array("hello, not a zip".utf8), Array(good.prefix(good.count - 30)), damaged] {
            try Data(bytes).write(to: archive)
            #expect(throws: AssetError.self) {
                let reader = try ZipReader(url: archive)
                for entry in reader.entries { _ = try reader.contents(of: entry) }
            }
        }
    }

    @Test func readsArchiveWrittenByPython() throws {
        // An independent writer: Python's zipfile module (deflate).
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = directory.appendingPathComponent("src")
        try FileManager.default.createDirectory(at: source.appendingPathComponent("d"), withIntermediateDirectories: true)
        let payload = TestSupport.bytes(200_000, seed: 9) + Array(String(repeating: "abc", count: 50_000).utf8)
        try Data(payload).write(to: source.appendingPathComponent("d/payload.bin"))
        let archive = directory.appendingPathComponent("py.zip")
        let made = TestSupport.run("python3", ["-m", "zipfile", "-c", archive.path, "d"], in: source)
        try #require(made != nil, "python3 -m zipfile is needed for this cross-check")
        let reader = try ZipReader(url: archive)
        let entry = try #require(reader.entries.first { $0.name == "d/payload.bin" })
        #expect(try reader.contents(of: entry) == payload)
    }

    @Test func safePathRules() {
        #expect(SafePath.normalized("a/b.txt") == "a/b.txt")
        #expect(SafePath.normalized("./a/b/") == "a/b")
        for bad in ["", "/abs", "../x", "a/../b", "a//b", "a/./b", "C:/x", "a\\b", "a\u{0}b", "."] {
            #expect(SafePath.normalized(bad) == nil, "\(bad)")
        }
    }
}
