import Assets
import Foundation
import Testing

@Suite("Tar.gz reader")
struct TarReaderTests {
    /// A tree with nested directories, an empty file, a multi-chunk binary file, long paths and a symlink.
    private func makeTree(at root: URL, longSegment: Bool) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [
            "pkg-1.0/README.txt": Array("hello tar\n".utf8),
            "pkg-1.0/empty.txt": [],
            "pkg-1.0/data/blob.bin": TestSupport.bytes(1_300_000, seed: 5),
            "pkg-1.0/data/exact512.bin": TestSupport.bytes(512, seed: 6),
        ]
        // > 100 characters: needs the ustar prefix field (many segments) or GNU/pax long names (one long segment).
        let deep = "pkg-1.0/" + (0..<4).map { "directory-number-\($0)-with-a-long-name" }.joined(separator: "/") + "/deep.txt"
        files[deep] = Array("deep".utf8)
        if longSegment {
            files["pkg-1.0/" + String(repeating: "x", count: 150) + ".txt"] = Array("long".utf8)
        }
        for (path, contents) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents).write(to: url)
        }
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("pkg-1.0/link").path, withDestinationPath: "README.txt")
        // A hard link: tar stores it as a link member, extracted as a copy.
        try FileManager.default.linkItem(at: root.appendingPathComponent("pkg-1.0/README.txt"), to: root.appendingPathComponent("pkg-1.0/zz-hard.txt"))
        files["pkg-1.0/zz-hard.txt"] = files["pkg-1.0/README.txt"]
        return files
    }

    @Test(arguments: ["gnu", "pax", "ustar"])
    func readsArchivesMadeBySystemTar(format: String) throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tree = directory.appendingPathComponent("tree")
        let files = try makeTree(at: tree, longSegment: format != "ustar")
        let archive = directory.appendingPathComponent("pkg-1.0.tar.gz")
        let made = TestSupport.run("tar", ["--format=\(format)", "-czf", archive.path, "-C", tree.path, "pkg-1.0"])
        try #require(made != nil, "system tar failed")

        let out = directory.appendingPathComponent("out")
        let extracted = try TarReader(url: archive).extractAll(into: out)
        #expect(Set(extracted.map(\.path)) == Set(files.keys))
        for (path, contents) in files {
            #expect(try Data(contentsOf: out.appendingPathComponent(path)) == Data(contents), "\(path)")
        }
        // The symbolic link is not reproduced.
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: out.appendingPathComponent("pkg-1.0/link").path)) == nil)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("pkg-1.0/link").path))
    }

    @Test func listsMembersWithKinds() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tree = directory.appendingPathComponent("tree")
        _ = try makeTree(at: tree, longSegment: true)
        let archive = directory.appendingPathComponent("a.tar.gz")
        try #require(TestSupport.run("tar", ["--format=pax", "-czf", archive.path, "-C", tree.path, "pkg-1.0"]) != nil)
        let reader = try TarReader(url: archive)
        var kinds: [String: TarEntry.Kind] = [:]
        var sizes: [String: Int64] = [:]
        while let entry = try reader.next() {
            kinds[entry.name] = entry.kind
            sizes[entry.name] = entry.size
        }
        #expect(kinds["pkg-1.0/link"] == .symbolicLink)
        #expect(kinds["pkg-1.0/zz-hard.txt"] == .hardLink || kinds["pkg-1.0/README.txt"] == .hardLink)
        #expect(kinds["pkg-1.0/data/blob.bin"] == .file)
        #expect(sizes["pkg-1.0/data/blob.bin"] == 1_300_000)
        #expect(kinds.keys.contains { $0.hasPrefix("pkg-1.0/data") && kinds[$0] == .directory })
    }

    @Test func pathTraversalIsRejected() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tar = TestTarWriter.member("pkg/ok.txt", Array("ok".utf8)) + TestTarWriter.member("../evil.txt", Array("evil".utf8)) + TestTarWriter.end
        let archive = directory.appendingPathComponent("slip.tar.gz")
        try Data(try #require(TestDeflate.compress(tar, windowBits: 31))).write(to: archive)
        let out = directory.appendingPathComponent("out")
        #expect(throws: AssetError.unsafePath(archive: "slip.tar.gz", entry: "../evil.txt")) {
            try TarReader(url: archive).extractAll(into: out)
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("evil.txt").path))
    }

    @Test func multiMemberGzipIsReadThrough() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = TestTarWriter.member("a.txt", Array("first".utf8))
        let second = TestTarWriter.member("b.txt", TestSupport.bytes(5_000, seed: 11)) + TestTarWriter.end
        let gz = try #require(TestDeflate.compress(first, windowBits: 31)) + (try #require(TestDeflate.compress(second, windowBits: 31)))
        let archive = directory.appendingPathComponent("multi.tar.gz")
        try Data(gz).write(to: archive)
        let out = directory.appendingPathComponent("out")
        let extracted = try TarReader(url: archive).extractAll(into: out)
        #expect(extracted.map(\.path) == ["a.txt", "b.txt"])
        #expect(try Data(contentsOf: out.appendingPathComponent("b.txt")) == Data(TestSupport.bytes(5_000, seed: 11)))
    }

    @Test func badChecksumAndTruncationThrow() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let archive = directory.appendingPathComponent("bad.tar.gz")
        let corrupt = TestTarWriter.member("a.txt", Array("x".utf8), corruptChecksum: true) + TestTarWriter.end
        try Data(try #require(TestDeflate.compress(corrupt, windowBits: 31))).write(to: archive)
        let error = try #require(throws: AssetError.self) { try TarReader(url: archive).extractAll(into: directory.appendingPathComponent("o1")) }
        #expect(error.description.contains("checksum"))
        // Data shorter than the header's size field.
        let member = TestTarWriter.member("big.bin", TestSupport.bytes(4_000, seed: 2))
        try Data(try #require(TestDeflate.compress(Array(member.prefix(2_000)), windowBits: 31))).write(to: archive)
        #expect(throws: AssetError.self) { try TarReader(url: archive).extractAll(into: directory.appendingPathComponent("o2")) }
        // Not gzip at all.
        try Data("plain text".utf8).write(to: archive)
        #expect(throws: AssetError.self) { try TarReader(url: archive) }
    }
}
