import Assets
import Foundation
import Testing

@Suite("Whole-file reads")
struct WholeFileTests {
    @Test("reads every byte of files of several sizes, the empty file included")
    func readsExactly() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wholefile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for size in [0, 1, 4095, 65537, 300_001] {
            let bytes = (0 ..< size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ size) }
            let url = dir.appendingPathComponent("f\(size)")
            try Data(bytes).write(to: url)
            #expect(try WholeFile.read(url.path) == bytes, "size \(size)")
        }
    }

    @Test("a missing file and a directory are one-line errors naming the path")
    func errors() throws {
        let missing = "/nonexistent/valueprobe-\(UUID().uuidString)"
        #expect(throws: WholeFileError.self) { try WholeFile.read(missing) }
        do { _ = try WholeFile.read(missing) } catch {
            #expect(error.path == missing && error.reason.hasPrefix("cannot open") && !error.reason.contains("\n"))
        }
        let dir = FileManager.default.temporaryDirectory.path
        #expect(throws: WholeFileError.self) { try WholeFile.read(dir) }
        do { _ = try WholeFile.read(dir) } catch {
            #expect(error.reason == "is a directory, not a file")
        }
    }
}
