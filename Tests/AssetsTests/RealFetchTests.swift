import Assets
import Foundation
import Testing

/// The one test that uses the network: fetches a small real package (vadersentiment 3.3.2, 126 kB) into a
/// temporary cache with the real package client. Without network it fails with the store's offline error.
@Suite("Real fetch")
struct RealFetchTests {
    @Test func fetchesVaderLexiconByPackageName() throws {
        let home = try TestSupport.temporaryDirectory("valueprobe-home")
        defer { try? FileManager.default.removeItem(at: home) }
        var environment = ProcessInfo.processInfo.environment
        environment["VALUEPROBE_HOME"] = home.path
        environment["VALUEPROBE_OFFLINE"] = nil
        let store = AssetStore(environment: environment)
        #expect(store.root.path == home.standardizedFileURL.path)

        let lexicon: URL
        do {
            lexicon = try store.path("vader", file: "vader_lexicon.txt")
        } catch {
            Issue.record("fetching vadersentiment==3.3.2 failed: \(error)")
            throw error
        }
        // Reference facts from the data inventory: 434,304 bytes, 7,519 lines (`wc -l`, CRLF line ends),
        // "dignity 1.7 0.9 [...]".
        let data = try Data(contentsOf: lexicon)
        #expect(data.count == 434_304)
        #expect(data.filter { $0 == UInt8(ascii: "\n") }.count == 7_519)
        let text = String(decoding: data, as: UTF8.self)
        let bytes = [UInt8](data)
        let crlf = zip(bytes, bytes.dropFirst()).filter { $0 == 13 && $1 == 10 }.count
        #expect(crlf == 7_519)
        #expect(text.contains("\r\ndignity\t1.7\t0.9\t[0, 3, 2, 1, 2, 1, 2, 3, 1, 2]\r\n"))
        #expect(TestSupport.systemSHA256(lexicon) == (try store.manifest("vader"))?.files.first { $0.path == "vader_lexicon.txt" }?.sha256)
        #expect(try store.manifest("vader")?.obtainedWith == "pip")
        #expect(try store.verify("vader").files.count == 3)
    }
}
