import Assets
@testable import Embeddings
import Foundation
import Testing

@Suite("Corpus builder")
struct CorpusBuilderTests {
    typealias S = CorpusTestSupport

    @Test func buildWritesNormalisedLinesAndCountsPerSource() throws {
        let dir = try S.temporaryDirectory("build")
        defer { try? FileManager.default.removeItem(at: dir) }
        try S.write("Hello, World!\n\n... \nIt's well-being.\n", to: dir.appendingPathComponent("a.txt"))
        try S.write(S.compress(Array("Second FILE here\n".utf8), gzip: true), to: dir.appendingPathComponent("b.txt.gz"))
        let out = dir.appendingPathComponent("corpus.txt")
        var events: [String] = []
        let counts = try CorpusBuilder.build([
            CorpusSource(name: "a", format: .text, url: dir.appendingPathComponent("a.txt"), segmentation: .lines),
            CorpusSource(name: "b", format: .text, url: dir.appendingPathComponent("b.txt.gz"), segmentation: .lines),
        ], to: out) { events.append("\($0.source)\($0.finished == nil ? "…" : "✓")") }
        #expect(counts == [CorpusSourceCount(name: "a", tokens: 4, lines: 2), CorpusSourceCount(name: "b", tokens: 3, lines: 1)])
        #expect(events == ["a…", "a✓", "b…", "b✓"])
        #expect(try String(contentsOf: out, encoding: .utf8) == "hello world\nit's well-being\nsecond file here\n")
        // No temporary files are left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["a.txt", "b.txt.gz", "corpus.txt"])
    }

    @Test func userCorporaAreCachedByFingerprint() throws {
        let home = try S.temporaryDirectory("home")
        defer { try? FileManager.default.removeItem(at: home) }
        let input = home.appendingPathComponent("texts", isDirectory: true)
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try S.write("One line.\nTwo lines.\n", to: input.appendingPathComponent("x.txt"))
        let builder = CorpusBuilder(store: AssetStore(root: home))
        let first = try builder.corpus(input.path)
        #expect(!first.reused && first.tokens == 4 && first.lines == 2)
        #expect(first.url.deletingLastPathComponent().path == builder.directory.path)
        #expect(first.url.lastPathComponent.hasPrefix("user-"))
        let second = try builder.corpus(input.path)
        #expect(second.reused && second.url == first.url && second.sources == first.sources)
        // A changed file gives a new fingerprint and a new build.
        try S.write("One line.\nTwo lines.\nThree.\n", to: input.appendingPathComponent("x.txt"))
        let third = try builder.corpus(input.path)
        #expect(!third.reused && third.tokens == 5 && third.url != first.url)
        let paragraphs = try builder.corpus(input.path, segmentation: .paragraphs)
        #expect(paragraphs.lines == 1 && paragraphs.url != third.url)
    }

    /// One real Debian source end to end through the asset store (The Devil's Dictionary, 165 kB compressed).
    /// The data inventory measured 60,599 tokens in its raw text.
    @Test func devilsDictionaryFromTheAssetStore() throws {
        let store = AssetStore()
        guard let devil = BuiltinCorpusSource.all.first(where: { $0.name == "devil" }) else {
            Issue.record("no built-in source named devil")
            return
        }
        let source = try devil.resolve(in: store)
        let dir = try S.temporaryDirectory("devil")
        defer { try? FileManager.default.removeItem(at: dir) }
        let raw = try CorpusBuilder.build([source], to: dir.appendingPathComponent("raw.txt"), stripMarkup: false)
        #expect(raw.first?.tokens == 60_599)
        let stripped = try CorpusBuilder.build([source], to: dir.appendingPathComponent("stripped.txt"), stripMarkup: true)
        // Stripping drops the 00-database entries (URL, short name, info); the dictionary text stays.
        let strippedTokens = stripped.first?.tokens ?? 0
        #expect(strippedTokens < 60_599 && strippedTokens > 59_000)
        let text = try String(contentsOf: dir.appendingPathComponent("stripped.txt"), encoding: .utf8)
        #expect(text.contains("absolute adj independent irresponsible"))
        #expect(!text.contains("wiretap"))
    }
}
